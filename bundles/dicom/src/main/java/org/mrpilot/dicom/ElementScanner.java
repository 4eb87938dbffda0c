package org.mrpilot.dicom;

import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Set;

/**
 * Walks the element structure of an encoded data set and refuses it before any parser allocates memory for it:
 * every length must fit in the bytes that remain (a claimed 2 GB length in a 1 MB file is refused here), undefined
 * lengths are allowed only where DICOM allows them, and nesting is bounded. It reads the structure exactly as
 * PixelMed will: explicit VRs must be real VRs (PixelMed would re-read a garbled one as implicit, with a 4-byte
 * length), and in implicit VR the dictionary decides which elements are sequences.
 */
final class ElementScanner {
    static final Set<String> VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF", "OL",
            "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV");
    static final Set<String> LONG_LENGTH_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV");
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int MAX_DEPTH = 16;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final int PIXEL_DATA = 0x7FE00010;

    private final ByteBuffer buf;
    private final boolean explicitVr;

    private ElementScanner(byte[] bytes, boolean explicitVr, ByteOrder order) {
        this.buf = ByteBuffer.wrap(bytes).order(order);
        this.explicitVr = explicitVr;
    }

    /** Checks {@code bytes[from, to)} as a data set; returns normally or throws naming the first problem. */
    static void check(byte[] bytes, int from, int to, boolean explicitVr, ByteOrder order) throws Rejection {
        new ElementScanner(bytes, explicitVr, order).dataSet(from, to, 0, false);
    }

    /** Scans elements from {@code pos}; stops at {@code end} or, inside an undefined-length item, after its delimiter. */
    private int dataSet(int pos, int end, int depth, boolean untilItemEnd) throws Rejection {
        if (depth > MAX_DEPTH) throw broken("sequences nested deeper than " + MAX_DEPTH + " levels");
        while (pos < end) {
            need(pos, 8, end, "element header");
            int tag = tagAt(pos);
            if (tag == ITEM_END && untilItemEnd) return pos + 8;
            if ((tag >>> 16) == 0xFFFE) throw broken("unexpected delimiter " + tagName(tag) + " at offset " + pos);
            String vr = explicitVr ? vrAt(pos + 4) : null;
            if (vr != null && !VRS.contains(vr)) throw broken("element " + tagName(tag) + " at offset " + pos + " has no valid VR");
            long length;
            int header;
            if (vr != null && LONG_LENGTH_VRS.contains(vr)) {
                need(pos, 12, end, "element header");
                if (buf.getShort(pos + 6) != 0) throw broken("element " + tagName(tag) + " at offset " + pos + " has non-zero reserved bytes after its VR");
                length = Integer.toUnsignedLong(buf.getInt(pos + 8));
                header = 12;
            } else if (vr != null) {
                length = Short.toUnsignedInt(buf.getShort(pos + 6));
                header = 8;
            } else {
                length = Integer.toUnsignedLong(buf.getInt(pos + 4));
                header = 8;
            }
            pos += header;
            String dictionaryVr = explicitVr ? vr : dictionaryVr(tag);
            if (length == UNDEFINED) {
                boolean sequence = "SQ".equals(dictionaryVr) || "UN".equals(dictionaryVr) || dictionaryVr == null;
                if (tag == PIXEL_DATA) throw broken("encapsulated (compressed) pixel data is not accepted");
                if (!sequence) throw broken("element " + tagName(tag) + " has an undefined length, which its VR " + vr + " does not allow");
                pos = undefinedSequence(pos, end, depth + 1, tag);
            } else {
                if (length > end - pos) {
                    throw broken(String.format(Locale.ROOT, "element %s claims %d bytes but only %d remain (truncated or corrupt)", tagName(tag), length, end - pos));
                }
                int valueEnd = pos + (int) length;
                if ("SQ".equals(dictionaryVr)) definedSequence(pos, valueEnd, depth + 1);
                pos = valueEnd;
            }
        }
        if (untilItemEnd) throw broken("item without its delimiter before offset " + end);
        return pos;
    }

    private void definedSequence(int pos, int end, int depth) throws Rejection {
        while (pos < end) pos = item(pos, end, depth);
    }

    private int undefinedSequence(int pos, int end, int depth, int tag) throws Rejection {
        while (true) {
            need(pos, 8, end, "item of " + tagName(tag));
            if (tagAt(pos) == SEQUENCE_END) return pos + 8;
            pos = item(pos, end, depth);
        }
    }

    private int item(int pos, int end, int depth) throws Rejection {
        need(pos, 8, end, "item header");
        if (tagAt(pos) != ITEM) throw broken("expected an item at offset " + pos + ", found " + tagName(tagAt(pos)));
        long length = Integer.toUnsignedLong(buf.getInt(pos + 4));
        pos += 8;
        if (length == UNDEFINED) return dataSet(pos, end, depth, true);
        if (length > end - pos) throw broken(String.format(Locale.ROOT, "item claims %d bytes but only %d remain", length, end - pos));
        dataSet(pos, pos + (int) length, depth, false);
        return pos + (int) length;
    }

    /** The VR the standard dictionary gives a tag (what an implicit VR reader assumes); null for unknown tags. */
    private static String dictionaryVr(int tag) {
        byte[] vr = DicomDictionary.StandardDictionary.getValueRepresentationFromTag(new AttributeTag(tag >>> 16, tag & 0xffff));
        return vr == null || vr.length != 2 ? null : new String(vr, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private void need(int pos, int n, int end, String what) throws Rejection {
        if (end - pos < n) throw broken("truncated: " + what + " at offset " + pos + " needs " + n + " bytes, " + (end - pos) + " remain");
    }

    private int tagAt(int pos) {
        return (Short.toUnsignedInt(buf.getShort(pos)) << 16) | Short.toUnsignedInt(buf.getShort(pos + 2));
    }

    private String vrAt(int pos) {
        return new String(new char[] {(char) (buf.get(pos) & 0xff), (char) (buf.get(pos + 1) & 0xff)});
    }

    private static String tagName(int tag) {
        return String.format(Locale.ROOT, "(%04X,%04X)", tag >>> 16, tag & 0xffff);
    }

    private static Rejection broken(String reason) {
        return new Rejection(Rejection.CANNOT_UNDERSTAND, reason);
    }
}
