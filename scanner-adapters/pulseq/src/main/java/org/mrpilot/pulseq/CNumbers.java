package org.mrpilot.pulseq;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C printf-compatible number formatting ({@code %g}, {@code %.9g}, {@code %.0f}, widths), independent of the default
 * locale. Java's own {@code %g} keeps trailing zeros and switches notation differently, so the references' files
 * could not be reproduced with it.
 */
final class CNumbers {
    private CNumbers() {
    }

    /** {@code %.<precision>g}: correctly rounded (half-even on the exact binary value, as glibc does). */
    static String g(double v, int precision) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0" : "0";
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4 && exponent < precision) {
            return stripZeros(rounded.setScale(Math.max(precision - 1 - exponent, 0), RoundingMode.HALF_EVEN).toPlainString());
        }
        BigDecimal mantissa = rounded.movePointLeft(exponent).setScale(precision - 1, RoundingMode.HALF_EVEN);
        String m = stripZeros(mantissa.toPlainString());
        int e = Math.abs(exponent);
        return m + (exponent < 0 ? "e-" : "e+") + (e < 10 ? "0" : "") + e;
    }

    /** {@code %g} (six significant digits). */
    static String g(double v) {
        return g(v, 6);
    }

    /** {@code %.9g}, the precision of shape samples and definitions. */
    static String g9(double v) {
        return g(v, 9);
    }

    /** {@code %.0f} (round half to even, like C and Python). */
    static String f0(double v) {
        if (!Double.isFinite(v)) return g(v);
        String s = new BigDecimal(v).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
        return (v < 0 || (v == 0 && 1 / v < 0)) && s.equals("0") ? "-0" : s;
    }

    /** Right-aligns {@code s} in a field of {@code width} characters, like {@code %<width>...}. */
    static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }
}
