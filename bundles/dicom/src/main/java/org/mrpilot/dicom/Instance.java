package org.mrpilot.dicom;

import java.util.List;
import org.mrpilot.api.exam.StudyIdentity;
import org.mrpilot.api.geometry.ImageSlice;

/**
 * One received image, validated: identity, geometry with its pixels (rescaled to real values) and the
 * acquisition parameters DICOM carries in milliseconds ({@code NaN} when absent).
 */
record Instance(String sopClassUid, String sopInstanceUid, String seriesInstanceUid, StudyIdentity study, int seriesNumber,
                String seriesDescription, String modality, String patientPosition, List<String> imageTypes, int instanceNumber,
                int imagesInAcquisition, ImageSlice slice, double trMs, double teMs, double tiMs, double flipAngleDeg,
                double fieldStrengthT) {
}
