package org.mrpilot.dicom;

import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherFloatAttribute;
import com.pixelmed.dicom.SOPClass;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.dicom.MapQuantity;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.geometry.Volume;

/**
 * Writes a T1/T2 map in its two DICOM forms. Geometry comes from the map volume (which lies in the source's frame of
 * reference); identity from the source series; each form gets a new series.
 */
final class MapWriter {
    private static final int MAX_STORED = 65535;

    private MapWriter() {
    }

    /** Parametric Map Storage: one multi-frame instance, float pixels in seconds via a Real World Value Mapping. */
    static WrittenInstance parametricMap(MapQuantity quantity, Volume map, ReceivedSeries source, int seriesNumber, LocalDateTime now) {
        String uid = Dataset.newUid();
        String seriesUid = Dataset.newUid();
        Dataset d = ResultHeader.of(source, SOPClass.ParametricMapStorage, uid, seriesUid, seriesNumber, quantity + " map (s)", "MR", 1, now);
        ResultHeader.frameOfReference(d, map.frameOfReferenceUid());
        float[] range = range(map.voxels());
        String dimensionOrganization = Dataset.newUid();
        d.set("ImageType", "DERIVED", "PRIMARY", "VOLUME", quantity + "_MAP")
                .set("ContentLabel", quantity + "_MAP").set("ContentDescription", quantity + " relaxation time in seconds")
                .set("ContentCreatorName", "mrpilot^agent")
                .set("SamplesPerPixel", 1).set("PhotometricInterpretation", "MONOCHROME2").set("Rows", map.ny()).set("Columns", map.nx())
                .set("BitsAllocated", 32).set("NumberOfFrames", map.nz())
                .set("PresentationLUTShape", "IDENTITY").set("LossyImageCompression", "00").set("BurnedInAnnotation", "NO")
                .set("RecognizableVisualFeatures", "NO").set("ContentQualification", "RESEARCH")
                .set("FrameOfReferenceUID", map.frameOfReferenceUid())
                .sequence("AcquisitionContextSequence")
                .sequence("DimensionOrganizationSequence", new Dataset().set("DimensionOrganizationUID", dimensionOrganization))
                .set("DimensionOrganizationType", "3D")
                .sequence("DimensionIndexSequence", new Dataset().set("DimensionOrganizationUID", dimensionOrganization)
                        .tag("DimensionIndexPointer", "ImagePositionPatient").tag("FunctionalGroupPointer", "PlanePositionSequence")
                        .set("DimensionDescriptionLabel", "Plane position"));
        d.sequence("SharedFunctionalGroupsSequence", new Dataset()
                .sequence("PixelMeasuresSequence", new Dataset().set("PixelSpacing", map.spacingMm()[1], map.spacingMm()[0])
                        .set("SliceThickness", sliceThickness(source, map)).set("SpacingBetweenSlices", map.spacingMm()[2]))
                .sequence("PlaneOrientationSequence", new Dataset().set("ImageOrientationPatient", orientation(map)))
                .sequence("RealWorldValueMappingSequence", new Dataset()
                        .set("LUTExplanation", quantity + " in seconds").set("LUTLabel", quantity)
                        .set("RealWorldValueIntercept", 0.0).set("RealWorldValueSlope", 1.0)
                        .set("DoubleFloatRealWorldValueFirstValueMapped", (double) range[0])
                        .set("DoubleFloatRealWorldValueLastValueMapped", (double) range[1])
                        .code("MeasurementUnitsCodeSequence", "s", "UCUM", "second"))
                .sequence("ParametricMapFrameTypeSequence", new Dataset().set("FrameType", "DERIVED", "PRIMARY", "VOLUME", quantity + "_MAP"))
                .sequence("PixelValueTransformationSequence", new Dataset().set("RescaleIntercept", 0.0).set("RescaleSlope", 1.0).set("RescaleType", "US"))
                .sequence("FrameAnatomySequence", new Dataset().set("FrameLaterality", "U")
                        .sequence("AnatomicRegionSequence", new Dataset().set("CodeValue", "12738006").set("CodingSchemeDesignator", "SCT")
                                .set("CodeMeaning", "Brain")))
                .sequence("FrameVOILUTSequence", new Dataset().set("WindowCenter", (double) (range[0] + range[1]) / 2)
                        .set("WindowWidth", (double) Math.max(range[1] - range[0], 1e-3f))));
        List<Dataset> frames = new ArrayList<>();
        for (int k = 0; k < map.nz(); k++) {
            frames.add(new Dataset()
                    .sequence("FrameContentSequence", new Dataset().set("DimensionIndexValues", k + 1))
                    .sequence("PlanePositionSequence", new Dataset().set("ImagePositionPatient", position(map, k))));
        }
        d.sequence("PerFrameFunctionalGroupsSequence", frames.toArray(Dataset[]::new));
        try {
            OtherFloatAttribute pixels = new OtherFloatAttribute(Dataset.tag("FloatPixelData"));
            pixels.setValues(map.voxels());
            d.put(pixels);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
        return new WrittenInstance(SOPClass.ParametricMapStorage, uid, seriesUid, d.toPart10());
    }

    /** Classic MR Image Storage: one instance per slice, unsigned 16-bit pixels, values in ms via Rescale Slope/Intercept. */
    static List<WrittenInstance> mrImages(MapQuantity quantity, Volume map, ReceivedSeries source, int seriesNumber, LocalDateTime now) {
        String seriesUid = Dataset.newUid();
        float[] range = range(map.voxels());
        double maxMs = Math.max(range[1] * 1000.0, 1e-3);
        double slope = Math.max(maxMs / MAX_STORED, 1e-4);
        int plane = map.nx() * map.ny();
        List<WrittenInstance> out = new ArrayList<>();
        for (int k = 0; k < map.nz(); k++) {
            String uid = Dataset.newUid();
            Dataset d = ResultHeader.of(source, SOPClass.MRImageStorage, uid, seriesUid, seriesNumber, quantity + " map (ms)", "MR", k + 1, now);
            ResultHeader.frameOfReference(d, map.frameOfReferenceUid());
            short[] stored = new short[plane];
            for (int i = 0; i < plane; i++) {
                double ms = Math.max(0, map.voxels()[k * plane + i] * 1000.0);
                stored[i] = (short) Math.min(MAX_STORED, Math.round(ms / slope));
            }
            d.set("ImageType", "DERIVED", "SECONDARY", quantity + "_MAP")
                    .set("ScanningSequence", "RM").set("SequenceVariant", "NONE").set("ScanOptions").set("MRAcquisitionType", "2D")
                    .set("RepetitionTime").set("EchoTime").set("EchoTrainLength")
                    .set("ImagePositionPatient", position(map, k)).set("ImageOrientationPatient", orientation(map))
                    .set("PixelSpacing", map.spacingMm()[1], map.spacingMm()[0]).set("SliceThickness", sliceThickness(source, map))
                    .set("SliceLocation", map.voxelToPatient(0, 0, k).dot(map.kDirection()))
                    .set("SamplesPerPixel", 1).set("PhotometricInterpretation", "MONOCHROME2").set("Rows", map.ny()).set("Columns", map.nx())
                    .set("BitsAllocated", 16).set("BitsStored", 16).set("HighBit", 15).set("PixelRepresentation", 0)
                    .set("RescaleIntercept", 0.0).set("RescaleSlope", slope).set("RescaleType", "MS")
                    .set("WindowCenter", maxMs / 2).set("WindowWidth", maxMs)
                    .set("LossyImageCompression", "00").set("BurnedInAnnotation", "NO")
                    .set("DerivationDescription", quantity + " map computed by mrpilot; stored value * RescaleSlope = " + quantity + " in ms");
            d.pixels16(stored);
            out.add(new WrittenInstance(SOPClass.MRImageStorage, uid, seriesUid, d.toPart10()));
        }
        return out;
    }

    static Object[] position(Volume map, int k) {
        Vec3 p = map.voxelToPatient(0, 0, k);
        return new Object[] {p.x(), p.y(), p.z()};
    }

    static Object[] orientation(Volume map) {
        Vec3 r = map.iDirection();
        Vec3 c = map.jDirection();
        return new Object[] {r.x(), r.y(), r.z(), c.x(), c.y(), c.z()};
    }

    private static double sliceThickness(ReceivedSeries source, Volume map) {
        double t = source.slices().get(0).thicknessMm();
        return t > 0 ? t : map.spacingMm()[2];
    }

    private static float[] range(float[] v) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            if (Float.isFinite(x)) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return min > max ? new float[] {0, 0} : new float[] {min, max};
    }
}
