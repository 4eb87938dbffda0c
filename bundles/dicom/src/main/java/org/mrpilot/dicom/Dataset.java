package org.mrpilot.dicom;

import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomDictionary;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.BigInteger;
import java.util.UUID;

/** Builds a data set by attribute keyword, so writers read like the IOD tables they follow. */
final class Dataset {
    static final String AE_TITLE = "MRPILOT";
    private static final MathContext DS_DIGITS = new MathContext(10);
    private final AttributeList list = new AttributeList();

    static AttributeTag tag(String keyword) {
        AttributeTag tag = DicomDictionary.StandardDictionary.getTagFromName(keyword);
        if (tag == null) throw new IllegalArgumentException("no DICOM keyword " + keyword);
        return tag;
    }

    /** Sets an attribute; numbers are written as decimal strings of at most 16 characters; no value = empty (type 2). */
    Dataset set(String keyword, Object... values) {
        try {
            com.pixelmed.dicom.Attribute a = AttributeFactory.newAttribute(tag(keyword));
            for (Object v : values) {
                if (v instanceof Double || v instanceof Float) a.addValue(decimal(((Number) v).doubleValue()));
                else if (v instanceof Integer) a.addValue((int) v);
                else a.addValue(String.valueOf(v));
            }
            list.put(a);
            return this;
        } catch (DicomException e) {
            throw new IllegalStateException("cannot set " + keyword + ": " + e.getMessage(), e);
        }
    }

    /** Sets an AT attribute to the tag of another keyword. */
    Dataset tag(String keyword, String pointedKeyword) {
        com.pixelmed.dicom.AttributeTagAttribute a = new com.pixelmed.dicom.AttributeTagAttribute(tag(keyword));
        AttributeTag pointed = tag(pointedKeyword);
        try {
            a.addValue(pointed);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
        list.put(a);
        return this;
    }

    /** Sets PixelData to 16-bit words (OW). */
    Dataset pixels16(short[] stored) {
        try {
            com.pixelmed.dicom.OtherWordAttribute pixels = new com.pixelmed.dicom.OtherWordAttribute(tag("PixelData"));
            pixels.setValues(stored);
            return put(pixels);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    Dataset put(com.pixelmed.dicom.Attribute attribute) {
        list.put(attribute);
        return this;
    }

    Dataset sequence(String keyword, Dataset... items) {
        SequenceAttribute s = new SequenceAttribute(tag(keyword));
        for (Dataset item : items) s.addItem(item.list);
        list.put(s);
        return this;
    }

    Dataset code(String keyword, String value, String scheme, String meaning) {
        return sequence(keyword, new Dataset().set("CodeValue", value).set("CodingSchemeDesignator", scheme).set("CodeMeaning", meaning));
    }

    AttributeList list() {
        return list;
    }

    /** A DS value: ten significant digits, which keeps geometry exact to far below a micrometre. */
    static String decimal(double v) {
        if (v == 0) return "0";
        String s = new BigDecimal(v).round(DS_DIGITS).stripTrailingZeros().toPlainString();
        return s.length() <= 16 ? s : new BigDecimal(v).round(new MathContext(7)).stripTrailingZeros().toString();
    }

    /** A new UID under the UUID-derived root 2.25 (no registered org root needed). */
    static String newUid() {
        UUID u = UUID.randomUUID();
        BigInteger value = new BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array());
        return "2.25." + value;
    }

    /** The data set as a Part 10 file in explicit VR little endian. */
    byte[] toPart10() {
        return toPart10(TransferSyntax.ExplicitVRLittleEndian);
    }

    /** The data set as a Part 10 file in an uncompressed transfer syntax. */
    byte[] toPart10(String transferSyntaxUid) {
        try {
            FileMetaInformation.addFileMetaInformation(list, transferSyntaxUid, AE_TITLE);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            list.write(new DicomOutputStream(bytes, TransferSyntax.ExplicitVRLittleEndian, transferSyntaxUid));
            return bytes.toByteArray();
        } catch (DicomException e) {
            throw new IllegalStateException("cannot encode " + Attribute.string(list, com.pixelmed.dicom.TagFromName.SOPInstanceUID) + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
