package org.mrpilot.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;

/** Reading attribute values with one rule: absent or empty is "", never null. */
final class Attribute {
    private Attribute() {
    }

    static String string(AttributeList list, AttributeTag tag) {
        return com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }

    static String[] strings(AttributeList list, AttributeTag tag) {
        com.pixelmed.dicom.Attribute a = list.get(tag);
        if (a == null) return new String[0];
        try {
            String[] v = a.getStringValues();
            return v == null ? new String[0] : v;
        } catch (DicomException e) {
            return new String[0];
        }
    }

    /** Numeric values (DS/IS/FD/US...); null when absent or unreadable. */
    static double[] doubles(AttributeList list, AttributeTag tag) {
        com.pixelmed.dicom.Attribute a = list.get(tag);
        if (a == null || a.getVM() == 0) return null;
        try {
            return a.getDoubleValues();
        } catch (DicomException | NumberFormatException e) {
            return null;
        }
    }

    /** First numeric value, or {@code NaN} when absent. */
    static double number(AttributeList list, AttributeTag tag) {
        double[] v = doubles(list, tag);
        return v == null || v.length == 0 ? Double.NaN : v[0];
    }

    static int integer(AttributeList list, AttributeTag tag, int fallback) {
        double v = number(list, tag);
        return Double.isNaN(v) ? fallback : (int) v;
    }
}
