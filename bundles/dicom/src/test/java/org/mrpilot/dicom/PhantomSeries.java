package org.mrpilot.dicom;

import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mrpilot.api.geometry.Vec3;

/**
 * Synthetic MR Image series written as real Part 10 files (a head-like ellipse with exact geometry): the inputs of
 * the tests and of `./mrpilot bench dicom`, so no patient data is ever needed. Test data, not product: it lives in
 * the tests and reaches the command line through this module's test jar.
 */
public final class PhantomSeries {
    public static final String STUDY = "1.2.826.0.1.3680043.9.7777.1";
    public static final String FRAME = "1.2.826.0.1.3680043.9.7777.2";

    /** One slice to write: position of its first pixel and its row/column directions. */
    public record Plane(Vec3 position, Vec3 row, Vec3 column) {
    }

    private PhantomSeries() {
    }

    /** A parallel stack of {@code n} slices starting at {@code origin}, {@code spacingMm} apart. */
    public static List<Plane> stack(int n, Vec3 origin, Vec3 row, Vec3 column, double spacingMm) {
        Vec3 normal = row.cross(column);
        List<Plane> planes = new ArrayList<>();
        for (int k = 0; k < n; k++) planes.add(new Plane(origin.plus(normal.times(k * spacingMm)), row, column));
        return planes;
    }

    /** Axial, sagittal and coronal planes through the centre of a 240 mm field of view. */
    public static List<Plane> threePlanes(int size, double pixelMm) {
        double h = size * pixelMm / 2;
        return List.of(new Plane(new Vec3(-h, -h, 0), Vec3.L, Vec3.P),
                new Plane(new Vec3(0, -h, h), Vec3.P, Vec3.S.times(-1)),
                new Plane(new Vec3(-h, 0, h), Vec3.L, Vec3.S.times(-1)));
    }

    /** Writes the series and returns its files in instance order. */
    public static List<Path> write(Path dir, String seriesUid, int seriesNumber, String description, List<Plane> planes, int size, double pixelMm,
                            boolean announceCount) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < planes.size(); i++) {
            String uid = seriesUid + "." + (i + 1);
            Dataset d = instance(seriesUid, uid, seriesNumber, description, planes.get(i), i + 1, size, pixelMm);
            if (announceCount) d.set("ImagesInAcquisition", planes.size());
            Path f = dir.resolve(uid + ".dcm");
            Files.write(f, d.toPart10());
            files.add(f);
        }
        return files;
    }

    /**
     * A weighted series for mapping: {@code pixels[n][k]} is the image of time {@code timesMs[n]} (set as
     * {@code timeKeyword}, "InversionTime" or "EchoTime") at plane {@code k}, rounded to unsigned 16 bit. Instance
     * numbers run time by time; file names (by UID) do not sort in that order, so readers must sort themselves.
     */
    public static List<Path> writeWeighted(Path dir, String seriesUid, String timeKeyword, double[] timesMs, List<Plane> planes, int size,
                                           double pixelMm, float[][][] pixels) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int n = 0; n < timesMs.length; n++) {
            for (int k = 0; k < planes.size(); k++) {
                int number = n * planes.size() + k + 1;
                String uid = seriesUid + "." + number;
                short[] stored = new short[size * size];
                for (int i = 0; i < stored.length; i++) stored[i] = (short) Math.max(0, Math.min(65535, Math.round(pixels[n][k][i])));
                Dataset d = header(seriesUid, uid, 7, "weighted " + timeKeyword, planes.get(k), number, size, pixelMm).set(timeKeyword, timesMs[n])
                        .set("BitsStored", 16).set("HighBit", 15);
                Path f = dir.resolve(uid + ".dcm");
                Files.write(f, withPixels(d, stored).toPart10());
                files.add(f);
            }
        }
        return files;
    }

    static Dataset instance(String seriesUid, String uid, int seriesNumber, String description, Plane p, int number, int size, double pixelMm) {
        short[] pixels = new short[size * size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double x = (c - size / 2.0) / (size * 0.4);
                double y = (r - size / 2.0) / (size * 0.45);
                pixels[r * size + c] = (short) (x * x + y * y < 1 ? 1000 + 3 * ((r + c + number) % 100) : 0);
            }
        }
        return withPixels(header(seriesUid, uid, seriesNumber, description, p, number, size, pixelMm), pixels);
    }

    static Dataset header(String seriesUid, String uid, int seriesNumber, String description, Plane p, int number, int size, double pixelMm) {
        return new Dataset().set("SOPClassUID", SOPClass.MRImageStorage).set("SOPInstanceUID", uid)
                .set("PatientName", "Phantom^Head").set("PatientID", "PH001").set("PatientBirthDate", "19800101").set("PatientSex", "O")
                .set("StudyInstanceUID", STUDY).set("StudyDate", "20260101").set("StudyTime", "120000").set("StudyID", "1")
                .set("AccessionNumber", "ACC1").set("ReferringPhysicianName", "")
                .set("Modality", "MR").set("SeriesInstanceUID", seriesUid).set("SeriesNumber", seriesNumber).set("SeriesDescription", description)
                .set("FrameOfReferenceUID", FRAME).set("PositionReferenceIndicator").set("PatientPosition", "HFS")
                .set("InstanceNumber", number).set("ImageType", "ORIGINAL", "PRIMARY", "M")
                .set("ScanningSequence", "SE").set("SequenceVariant", "NONE").set("MRAcquisitionType", "2D")
                .set("RepetitionTime", 500.0).set("EchoTime", 15.0).set("InversionTime", 300.0).set("FlipAngle", 90.0)
                .set("MagneticFieldStrength", 3.0).set("SliceThickness", 4.0)
                .set("ImagePositionPatient", p.position().x(), p.position().y(), p.position().z())
                .set("ImageOrientationPatient", p.row().x(), p.row().y(), p.row().z(), p.column().x(), p.column().y(), p.column().z())
                .set("PixelSpacing", pixelMm, pixelMm)
                .set("SamplesPerPixel", 1).set("PhotometricInterpretation", "MONOCHROME2").set("Rows", size).set("Columns", size)
                .set("BitsAllocated", 16).set("BitsStored", 12).set("HighBit", 11).set("PixelRepresentation", 0)
                .set("RescaleIntercept", 0.0).set("RescaleSlope", 1.0);
    }

    static Dataset withPixels(Dataset d, short[] pixels) {
        try {
            OtherWordAttribute a = new OtherWordAttribute(Dataset.tag("PixelData"));
            a.setValues(pixels);
            return d.put(a);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }
}
