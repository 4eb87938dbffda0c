package org.mrpilot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.mrpilot.api.acquisition.AcquisitionParameters;
import org.mrpilot.api.exam.StudyIdentity;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.dicom.LocalizerWriter;
import org.mrpilot.physics.acquisition.Localizer;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.patient.VirtualPatient;

/** The i-th simulated localizer of a planning collection, with its patient (the ground truth), its study and its DICOM form. */
record GeneratedLocalizer(VirtualPatient patient, Localizer.Settings settings, List<ImageSlice> slices, StudyIdentity study) {
    static final double FIELD_STRENGTH_T = 3;

    static GeneratedLocalizer of(AnatomyFactory anatomies, long seed, int index, int perAnatomy) throws IOException {
        VirtualPatient patient = PlanningDataset.patient(anatomies, seed, index, perAnatomy, FIELD_STRENGTH_T);
        Localizer.Settings settings = PlanningDataset.settings(patient);
        String id = Long.toUnsignedString(patient.seed());
        return new GeneratedLocalizer(patient, settings, PlanningDataset.localizer(patient, settings),
                LocalizerWriter.newStudy("Generated^" + id, "GEN" + id.substring(0, Math.min(12, id.length()))));
    }

    /** Writes the localizer as a scanner would send it: one MR series of Part 10 files in {@code dir} (which must be empty). */
    List<Path> writeDicom(Path dir) throws IOException {
        return writeDicom(dir, slices);
    }

    /** Writes {@code slices} (this localizer, or a variant of it) as this patient's localizer series. */
    List<Path> writeDicom(Path dir, List<ImageSlice> slices) throws IOException {
        return LocalizerWriter.write(dir, study, acquisition(), slices);
    }

    /** Acquires {@code group} in this exam, e.g. the follow-up localizer a plan asked for. */
    List<ImageSlice> acquire(SliceGroup group) {
        return Localizer.acquireMore(patient, settings, group).images();
    }

    /** Writes follow-up localizer images into {@code dir} (empty or new) as the study's second series. */
    List<Path> writeFollowUpDicom(Path dir, List<ImageSlice> images) throws IOException {
        return LocalizerWriter.write(dir, study, 2, "localizer follow-up", acquisition(), images);
    }

    private AcquisitionParameters acquisition() {
        return new AcquisitionParameters(settings.contrast().repetitionTimeS(), List.of(settings.contrast().echoTimeS()), List.of(),
                settings.contrast().flipAngleDeg(), FIELD_STRENGTH_T);
    }
}
