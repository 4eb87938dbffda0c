package org.mrpilot.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one entry point that turns received bytes into attributes: a DICOM Part 10 file (preamble, "DICM", meta
 * header) in a transfer syntax we accept. Its structure is checked by {@link ElementScanner} before PixelMed parses
 * the data set (the returned list holds the data set only, not the meta header).
 */
final class Part10Parser {
    /** Uncompressed transfer syntaxes we read, with their encoding (explicit VR?, byte order). */
    static final Map<String, ByteOrder> EXPLICIT = Map.of(
            TransferSyntax.ExplicitVRLittleEndian, ByteOrder.LITTLE_ENDIAN,
            TransferSyntax.ExplicitVRBigEndian, ByteOrder.BIG_ENDIAN);
    static final String IMPLICIT_LE = TransferSyntax.ImplicitVRLittleEndian;
    private static final int PREAMBLE = 128;
    private static final int TRANSFER_SYNTAX_ELEMENT = 0x0010;

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
        Meta meta = meta(bytes, metaStart);
        ElementScanner.check(bytes, metaStart, meta.end(), true, ByteOrder.LITTLE_ENDIAN);
        String ts = meta.transferSyntaxUid();
        if (ts.isEmpty()) throw new Rejection(Rejection.CANNOT_UNDERSTAND, "file meta information has no TransferSyntaxUID (0002,0010)");
        if (!accepts(ts)) throw new Rejection(Rejection.CANNOT_UNDERSTAND, "transfer syntax " + ts + " is not accepted (only uncompressed)");
        int metaEnd = meta.end();
        ElementScanner.check(bytes, metaEnd, bytes.length, EXPLICIT.containsKey(ts), EXPLICIT.getOrDefault(ts, ByteOrder.LITTLE_ENDIAN));
        try {
            // Only the data set, in the transfer syntax we checked it with: PixelMed sees exactly the bytes we scanned.
            AttributeList list = new AttributeList();
            list.read(new DicomInputStream(new ByteArrayInputStream(bytes, metaEnd, bytes.length - metaEnd), ts, false));
            return list;
        } catch (Exception | StackOverflowError e) {
            throw new Rejection(Rejection.CANNOT_UNDERSTAND, "unreadable data set: " + e.getMessage());
        }
    }

    /** Where group 0002 ends, and the transfer syntax it names. */
    private record Meta(int end, String transferSyntaxUid) {
    }

    /**
     * Walks the group 0002 elements (always explicit VR little endian) ourselves: PixelMed's meta reader reads on into
     * the data set with the meta encoding, which for an implicit VR data set means garbage lengths.
     */
    private static Meta meta(byte[] b, int pos) throws Rejection {
        String ts = "";
        while (pos + 8 <= b.length && (b[pos] & 0xff | (b[pos + 1] & 0xff) << 8) == 0x0002) {
            int element = b[pos + 2] & 0xff | (b[pos + 3] & 0xff) << 8;
            String vr = new String(b, pos + 4, 2, StandardCharsets.US_ASCII);
            if (!ElementScanner.VRS.contains(vr)) throw new Rejection(Rejection.CANNOT_UNDERSTAND, "file meta element at offset " + pos + " has no valid VR");
            int header = 8;
            long length = (b[pos + 6] & 0xff) | (b[pos + 7] & 0xff) << 8;
            if (ElementScanner.LONG_LENGTH_VRS.contains(vr)) {
                if (pos + 12 > b.length) break;
                header = 12;
                if (b[pos + 6] != 0 || b[pos + 7] != 0) throw new Rejection(Rejection.CANNOT_UNDERSTAND, "file meta element at offset " + pos + " has non-zero reserved bytes");
                length = (b[pos + 8] & 0xffL) | (b[pos + 9] & 0xffL) << 8 | (b[pos + 10] & 0xffL) << 16 | (b[pos + 11] & 0xffL) << 24;
            }
            if (length > b.length - pos - header) throw new Rejection(Rejection.CANNOT_UNDERSTAND, "file meta element claims " + length + " bytes, more than the file holds");
            if (element == TRANSFER_SYNTAX_ELEMENT) ts = new String(b, pos + header, (int) length, StandardCharsets.US_ASCII).replace("\0", "").trim();
            pos += header + (int) length;
        }
        if (pos > b.length) throw new Rejection(Rejection.CANNOT_UNDERSTAND, "truncated in the file meta information");
        return new Meta(pos, ts);
    }
}
