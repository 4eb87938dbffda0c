package org.mrpilot.dicom;

import com.pixelmed.dicom.SOPClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.acquisition.AcquisitionParameters;
import org.mrpilot.api.exam.StudyIdentity;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/**
 * Writes a localizer as a scanner sends it: one MR Image Storage series, one Part 10 file per slice, ImageType
 * ORIGINAL\PRIMARY\LOCALIZER, magnitude pixels as unsigned 16 bits with a Rescale Slope that returns the real values.
 * The simulated scanner's way into everything that reads DICOM (the receiver, {@link LocalizerFolder}, viewers).
 */
public final class LocalizerWriter {
    private static final int MAX_STORED = 65535;

    private LocalizerWriter() {
    }

    /** A new study for a simulated patient: fresh Study Instance UID, today's date. */
    public static StudyIdentity newStudy(String patientName, String patientId) {
        LocalDateTime now = LocalDateTime.now();
        return new StudyIdentity(patientName, patientId, "", "O", Dataset.newUid(), now.format(DateTimeFormatter.BASIC_ISO_DATE),
                now.format(DateTimeFormatter.ofPattern("HHmmss")), "1", "", "");
    }

    /**
     * Writes {@code slices} (in acquisition order) into {@code dir} as {@code 0001.dcm}, {@code 0002.dcm}, ...
     *
     * @return the files written, in instance order
     * @throws IOException when {@code dir} already holds files (nothing is overwritten) or cannot be written
     */
    public static List<Path> write(Path dir, StudyIdentity study, AcquisitionParameters acquisition, List<ImageSlice> slices) throws IOException {
        return write(dir, study, 1, "localizer", acquisition, slices);
    }

    /** As {@link #write(Path, StudyIdentity, AcquisitionParameters, List)}, as series {@code seriesNumber} of the study. */
    public static List<Path> write(Path dir, StudyIdentity study, int seriesNumber, String seriesDescription, AcquisitionParameters acquisition,
                                   List<ImageSlice> slices) throws IOException {
        if (slices.isEmpty()) throw new IllegalArgumentException("a localizer series needs at least one slice");
        Files.createDirectories(dir);
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) throw new IOException("output folder " + dir + " is not empty");
        }
        String seriesUid = Dataset.newUid();
        LocalDateTime now = LocalDateTime.now();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            Path f = dir.resolve(String.format("%04d.dcm", i + 1));
            Files.write(f, instance(study, seriesNumber, seriesDescription, acquisition, seriesUid, slices.get(i), i + 1, slices.size(), now));
            files.add(f);
        }
        return files;
    }

    private static byte[] instance(StudyIdentity study, int seriesNumber, String seriesDescription, AcquisitionParameters acq, String seriesUid,
                                   ImageSlice s, int number, int count, LocalDateTime now) {
        float max = 0;
        for (float v : s.pixels()) if (Float.isFinite(v)) max = Math.max(max, v);
        double slope = max > 0 ? max / MAX_STORED : 1;
        short[] stored = new short[s.pixels().length];
        for (int i = 0; i < stored.length; i++) {
            float v = s.pixels()[i];
            stored[i] = (short) (Float.isFinite(v) && v > 0 ? Math.min(MAX_STORED, Math.round(v / slope)) : 0);
        }
        Vec3 p = s.positionMm(), r = s.rowDirection(), c = s.columnDirection();
        Dataset d = ResultHeader.of(study, "HFS", SOPClass.MRImageStorage, Dataset.newUid(), seriesUid, seriesNumber, seriesDescription, "MR", number, now);
        ResultHeader.frameOfReference(d, s.frameOfReferenceUid());
        d.set("ImageType", "ORIGINAL", "PRIMARY", "LOCALIZER").set("ImagesInAcquisition", count)
                .set("ScanningSequence", "GR").set("SequenceVariant", "SP").set("ScanOptions").set("MRAcquisitionType", "2D")
                .set("RepetitionTime", acq.repetitionTimeS() * 1000).set("EchoTime", acq.echoTimesS().get(0) * 1000).set("EchoTrainLength", 1)
                .set("FlipAngle", acq.flipAngleDeg()).set("MagneticFieldStrength", acq.fieldStrengthT())
                .set("ImagePositionPatient", p.x(), p.y(), p.z()).set("ImageOrientationPatient", r.x(), r.y(), r.z(), c.x(), c.y(), c.z())
                .set("PixelSpacing", s.rowSpacingMm(), s.columnSpacingMm()).set("SliceThickness", s.thicknessMm())
                .set("SamplesPerPixel", 1).set("PhotometricInterpretation", "MONOCHROME2").set("Rows", s.rows()).set("Columns", s.columns())
                .set("BitsAllocated", 16).set("BitsStored", 16).set("HighBit", 15).set("PixelRepresentation", 0)
                .set("RescaleIntercept", 0.0).set("RescaleSlope", slope).set("RescaleType", "US")
                .set("LossyImageCompression", "00").set("BurnedInAnnotation", "NO");
        return d.pixels16(stored).toPart10();
    }
}
