package org.mrpilot.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one entry point that turns received bytes into attributes: a DICOM Part 10 file (preamble, "DICM", meta
 * header) in a transfer syntax we accept. Its structure is checked by {@link ElementScanner} before PixelMed parses it.
 */
final class Part10Parser {
    /** Uncompressed transfer syntaxes we read, with their encoding (explicit VR?, byte order). */
    static final Map<String, ByteOrder> EXPLICIT = Map.of(
            TransferSyntax.ExplicitVRLittleEndian, ByteOrder.LITTLE_ENDIAN,
            TransferSyntax.ExplicitVRBigEndian, ByteOrder.BIG_ENDIAN);
    static final String IMPLICIT_LE = TransferSyntax.ImplicitVRLittleEndian;
    private static final int PREAMBLE = 128;

    private Part10Parser() {
    }

    static boolean accepts(String transferSyntaxUid) {
        return EXPLICIT.containsKey(transferSyntaxUid) || IMPLICIT_LE.equals(transferSyntaxUid);
    }

    static AttributeList parse(byte[] bytes) throws Rejection {
        if (bytes.length < PREAMBLE + 4 || !"DICM".equals(new String(bytes, PREAMBLE, 4, StandardCharsets.US_ASCII))) {
            throw new Rejection(Rejection.CANNOT_UNDERSTAND, "not a DICOM Part 10 file (no DICM prefix after the 128-byte preamble)");
        }
        int metaStart = PREAMBLE + 4;
        int metaEnd = metaEnd(bytes, metaStart);
        ElementScanner.check(bytes, metaStart, metaEnd, true, ByteOrder.LITTLE_ENDIAN);
        AttributeList list = new AttributeList();
        String ts;
        try {
            list.readOnlyMetaInformationHeader(new DicomInputStream(new ByteArrayInputStream(bytes)));
            ts = Attribute.string(list, TagFromName.TransferSyntaxUID);
        } catch (Exception e) {
            throw new Rejection(Rejection.CANNOT_UNDERSTAND, "unreadable file meta information: " + e.getMessage());
        }
        if (ts.isEmpty()) throw new Rejection(Rejection.CANNOT_UNDERSTAND, "file meta information has no TransferSyntaxUID (0002,0010)");
        if (!accepts(ts)) throw new Rejection(Rejection.CANNOT_UNDERSTAND, "transfer syntax " + ts + " is not accepted (only uncompressed)");
        ElementScanner.check(bytes, metaEnd, bytes.length, EXPLICIT.containsKey(ts), EXPLICIT.getOrDefault(ts, ByteOrder.LITTLE_ENDIAN));
        try {
            list = new AttributeList();
            list.read(new DicomInputStream(new ByteArrayInputStream(bytes)));
            return list;
        } catch (Exception | StackOverflowError e) {
            throw new Rejection(Rejection.CANNOT_UNDERSTAND, "unreadable data set: " + e.getMessage());
        }
    }

    /** End of the group 0002 elements (always explicit VR little endian), found by walking their headers. */
    private static int metaEnd(byte[] b, int pos) throws Rejection {
        while (pos + 8 <= b.length && (b[pos] & 0xff | (b[pos + 1] & 0xff) << 8) == 0x0002) {
            String vr = new String(b, pos + 4, 2, StandardCharsets.US_ASCII);
            boolean longLength = vr.equals("OB") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT") || vr.equals("UR") || vr.equals("UC");
            if (longLength) {
                if (pos + 12 > b.length) break;
                long length = (b[pos + 8] & 0xffL) | (b[pos + 9] & 0xffL) << 8 | (b[pos + 10] & 0xffL) << 16 | (b[pos + 11] & 0xffL) << 24;
                if (length > b.length - pos - 12) throw new Rejection(Rejection.CANNOT_UNDERSTAND, "file meta element claims " + length + " bytes, more than the file holds");
                pos += 12 + (int) length;
            } else {
                pos += 8 + ((b[pos + 6] & 0xff) | (b[pos + 7] & 0xff) << 8);
            }
        }
        if (pos > b.length) throw new Rejection(Rejection.CANNOT_UNDERSTAND, "truncated in the file meta information");
        return pos;
    }
}
