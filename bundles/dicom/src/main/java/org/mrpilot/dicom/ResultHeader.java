package org.mrpilot.dicom;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.exam.StudyIdentity;

/** Modules every result shares: patient and study copied from the source series, a new series, our equipment. */
final class ResultHeader {
    static final String MANUFACTURER = "mrpilot";
    static final String SOFTWARE_VERSION = "0.1.0";

    private ResultHeader() {
    }

    /**
     * @param now content date/time for every instance of the series
     */
    static Dataset of(ReceivedSeries source, String sopClassUid, String sopInstanceUid, String seriesUid, int seriesNumber,
                      String seriesDescription, String modality, int instanceNumber, LocalDateTime now) {
        return of(source.study(), source.patientPosition(), sopClassUid, sopInstanceUid, seriesUid, seriesNumber, seriesDescription, modality,
                instanceNumber, now);
    }

    /** The same modules for a series that has no source series (a localizer we write ourselves): identity given directly. */
    static Dataset of(StudyIdentity s, String patientPosition, String sopClassUid, String sopInstanceUid, String seriesUid, int seriesNumber,
                      String seriesDescription, String modality, int instanceNumber, LocalDateTime now) {
        String date = now.format(DateTimeFormatter.BASIC_ISO_DATE);
        String time = now.format(DateTimeFormatter.ofPattern("HHmmss"));
        return new Dataset()
                .set("SpecificCharacterSet", "ISO_IR 100")
                .set("SOPClassUID", sopClassUid).set("SOPInstanceUID", sopInstanceUid)
                .set("PatientName", s.patientName()).set("PatientID", s.patientId()).set("PatientBirthDate", s.patientBirthDate())
                .set("PatientSex", s.patientSex())
                .set("StudyInstanceUID", s.studyInstanceUid()).set("StudyDate", s.studyDate()).set("StudyTime", s.studyTime())
                .set("StudyID", s.studyId()).set("AccessionNumber", s.accessionNumber()).set("ReferringPhysicianName", s.referringPhysicianName())
                .set("Modality", modality).set("SeriesInstanceUID", seriesUid).set("SeriesNumber", seriesNumber)
                .set("SeriesDescription", seriesDescription).set("BodyPartExamined", "HEAD").set("SeriesDate", date).set("SeriesTime", time)
                .set("PatientPosition", patientPosition.isEmpty() ? "HFS" : patientPosition)
                .set("InstanceNumber", instanceNumber).set("ContentDate", date).set("ContentTime", time)
                .set("InstanceCreationDate", date).set("InstanceCreationTime", time)
                .set("Manufacturer", MANUFACTURER).set("ManufacturerModelName", "mrpilot agent").set("DeviceSerialNumber", "0")
                .set("SoftwareVersions", SOFTWARE_VERSION);
    }

    /** Frame of Reference module: the source's, so the result overlays it on any viewer. */
    static void frameOfReference(Dataset d, String frameOfReferenceUid) {
        d.set("FrameOfReferenceUID", frameOfReferenceUid).set("PositionReferenceIndicator");
    }
}
