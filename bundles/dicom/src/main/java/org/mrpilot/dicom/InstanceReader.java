package org.mrpilot.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.mrpilot.api.exam.StudyIdentity;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.Vec3;

/** Turns a received Part 10 file into an {@link Instance}, refusing anything we could not place in patient space. */
final class InstanceReader {
    /** UIDs become folder and file names: only the DICOM UID alphabet, so nothing can escape the store. */
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private InstanceReader() {
    }

    static Instance read(byte[] part10) throws Rejection {
        return read(Part10Parser.parse(part10));
    }

    static Instance read(AttributeList a) throws Rejection {
        String sopInstance = uid(a, TagFromName.SOPInstanceUID, "SOPInstanceUID (0008,0018)");
        String series = uid(a, TagFromName.SeriesInstanceUID, "SeriesInstanceUID (0020,000E)");
        StudyIdentity study = new StudyIdentity(Attribute.string(a, TagFromName.PatientName), Attribute.string(a, TagFromName.PatientID),
                Attribute.string(a, TagFromName.PatientBirthDate), Attribute.string(a, TagFromName.PatientSex),
                uid(a, TagFromName.StudyInstanceUID, "StudyInstanceUID (0020,000D)"), Attribute.string(a, TagFromName.StudyDate),
                Attribute.string(a, TagFromName.StudyTime), Attribute.string(a, TagFromName.StudyID),
                Attribute.string(a, TagFromName.AccessionNumber), Attribute.string(a, TagFromName.ReferringPhysicianName));
        ImageSlice slice = slice(a);
        return new Instance(Attribute.string(a, TagFromName.SOPClassUID), sopInstance, series, study,
                Attribute.integer(a, TagFromName.SeriesNumber, 0), Attribute.string(a, TagFromName.SeriesDescription),
                Attribute.string(a, TagFromName.Modality), Attribute.string(a, TagFromName.PatientPosition),
                List.of(Attribute.strings(a, TagFromName.ImageType)), Attribute.integer(a, TagFromName.InstanceNumber, 0),
                Attribute.integer(a, Tags.IMAGES_IN_ACQUISITION, 0), slice,
                Attribute.number(a, TagFromName.RepetitionTime), Attribute.number(a, TagFromName.EchoTime),
                Attribute.number(a, Tags.INVERSION_TIME), Attribute.number(a, Tags.FLIP_ANGLE),
                Attribute.number(a, Tags.MAGNETIC_FIELD_STRENGTH));
    }

    private static String uid(AttributeList a, AttributeTag tag, String name) throws Rejection {
        String v = Attribute.string(a, tag);
        if (v.isEmpty()) throw mismatch("missing " + name);
        if (v.length() > 64 || !UID.matcher(v).matches()) throw mismatch(name + " '" + v + "' is not a valid UID");
        return v;
    }

    private static ImageSlice slice(AttributeList a) throws Rejection {
        int rows = Attribute.integer(a, TagFromName.Rows, 0);
        int columns = Attribute.integer(a, TagFromName.Columns, 0);
        if (rows <= 0 || columns <= 0) throw mismatch("missing or zero Rows/Columns (0028,0010/0011)");
        if (Attribute.integer(a, TagFromName.NumberOfFrames, 1) != 1) throw mismatch("multi-frame images are not accepted");
        if (Attribute.integer(a, TagFromName.SamplesPerPixel, 1) != 1) throw mismatch("only single-sample (grey) images are accepted");
        double[] ipp = geometry(a, TagFromName.ImagePositionPatient, "ImagePositionPatient (0020,0032)", 3);
        double[] iop = geometry(a, TagFromName.ImageOrientationPatient, "ImageOrientationPatient (0020,0037)", 6);
        double[] spacing = geometry(a, TagFromName.PixelSpacing, "PixelSpacing (0028,0030)", 2);
        String frame = Attribute.string(a, TagFromName.FrameOfReferenceUID);
        if (frame.isEmpty()) throw mismatch("missing FrameOfReferenceUID (0020,0052)");
        double thickness = Attribute.number(a, TagFromName.SliceThickness);
        float[] pixels = pixels(a, rows, columns);
        try {
            return new ImageSlice(columns, rows, pixels, new Vec3(ipp[0], ipp[1], ipp[2]), new Vec3(iop[0], iop[1], iop[2]),
                    new Vec3(iop[3], iop[4], iop[5]), spacing[0], spacing[1], Double.isNaN(thickness) ? 0 : thickness, frame);
        } catch (IllegalArgumentException e) {
            throw mismatch("inconsistent geometry: " + e.getMessage());
        }
    }

    private static double[] geometry(AttributeList a, AttributeTag tag, String name, int count) throws Rejection {
        double[] v = Attribute.doubles(a, tag);
        if (v == null) throw mismatch("missing " + name);
        if (v.length != count) throw mismatch(name + " has " + v.length + " values, needs " + count);
        for (double x : v) if (!Double.isFinite(x)) throw mismatch(name + " has a non-finite value");
        return v;
    }

    /** Stored values with Rescale Slope/Intercept applied; refuses pixel data whose size does not match the header. */
    private static float[] pixels(AttributeList a, int rows, int columns) throws Rejection {
        int bits = Attribute.integer(a, TagFromName.BitsAllocated, 0);
        if (bits != 8 && bits != 16) throw mismatch("BitsAllocated " + bits + " is not accepted (8 or 16)");
        boolean signed = Attribute.integer(a, TagFromName.PixelRepresentation, 0) == 1;
        com.pixelmed.dicom.Attribute data = a.get(TagFromName.PixelData);
        if (data == null) throw mismatch("missing PixelData (7FE0,0010)");
        long expected = (long) rows * columns * bits / 8;
        long actual = data.getVL();
        if (actual != expected && actual != expected + (expected & 1)) {
            throw mismatch(String.format(Locale.ROOT, "pixel data has %d bytes, Rows*Columns*BitsAllocated/8 = %d", actual, expected));
        }
        double slope = Attribute.number(a, TagFromName.RescaleSlope);
        double intercept = Attribute.number(a, TagFromName.RescaleIntercept);
        if (Double.isNaN(slope)) slope = 1;
        if (Double.isNaN(intercept)) intercept = 0;
        float[] out = new float[rows * columns];
        try {
            if (bits == 16) {
                short[] v = data.getShortValues();
                for (int i = 0; i < out.length; i++) out[i] = (float) ((signed ? v[i] : Short.toUnsignedInt(v[i])) * slope + intercept);
            } else {
                byte[] v = data.getByteValues();
                for (int i = 0; i < out.length; i++) out[i] = (float) ((signed ? v[i] : Byte.toUnsignedInt(v[i])) * slope + intercept);
            }
        } catch (DicomException | ArrayIndexOutOfBoundsException e) {
            throw mismatch("unreadable pixel data: " + e.getMessage());
        }
        return out;
    }

    private static Rejection mismatch(String reason) {
        return new Rejection(Rejection.DATA_SET_DOES_NOT_MATCH, reason);
    }
}
