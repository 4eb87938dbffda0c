package org.mrpilot.pulseq;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mrpilot.api.sequence.Shape;

/**
 * Pass 1 of reading a .seq file: its text split into sections and numbered rows (ids checked unique, column counts
 * checked per version), shapes decoded, the signature located and verified when there is one. No event is built here.
 */
final class SeqSections {
    /** A parsed row and the line it came from. */
    record Row(int line, String[] cells) {
    }

    private final String[] lines;
    int minor = -1;
    String version;
    final Map<String, String> definitions = new LinkedHashMap<>();
    final List<Row> blockRows = new ArrayList<>();
    final Map<Integer, Row> rfRows = new HashMap<>();
    final Map<Integer, Row> gradRows = new HashMap<>();
    final Map<Integer, Row> trapRows = new HashMap<>();
    final Map<Integer, Row> adcRows = new HashMap<>();
    final Map<Integer, Row> extensionRows = new HashMap<>();
    final Map<Integer, String> extensionNames = new HashMap<>();
    final Map<String, Map<Integer, Row>> extensionSpecs = new HashMap<>();
    final Map<Integer, Shape> shapes = new HashMap<>();
    /** Samples decoded so far: a few compressed lines may claim billions, so the file's claims are bounded before allocating. */
    private long decodedSamples;
    String signature;

    private SeqSections(String text) {
        this.lines = text.split("\n", -1);
    }

    /** The sections of {@code text}; throws with the line and reason for anything malformed. */
    static SeqSections of(String text) throws PulseqFormatException {
        SeqSections s = new SeqSections(text);
        s.parse();
        s.verifySignature(text);
        return s;
    }

    /** The number of the last line. */
    int lineCount() {
        return lines.length;
    }

    private void parse() throws PulseqFormatException {
        String section = null;
        String extension = null;
        for (int i = 0; i < lines.length; i++) {
            int n = i + 1;
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) continue;
            if (trimmed.isEmpty()) {
                if (!"SHAPES".equals(section)) section = null;
                continue;
            }
            if (trimmed.startsWith("[")) {
                if (!trimmed.endsWith("]")) throw new PulseqFormatException(n, "malformed section header '" + trimmed + "'");
                section = trimmed.substring(1, trimmed.length() - 1);
                extension = null;
                if (section.equals("DELAYS")) throw new PulseqFormatException(n, "[DELAYS] belongs to format 1.3 and older, which is not supported");
                if (!section.equals("VERSION") && minor < 0) throw new PulseqFormatException(n, "[" + section + "] before [VERSION]");
                if (section.equals("SHAPES")) i = readShapes(i + 1) - 1;
                if (section.equals("SIGNATURE") || section.equals("SHAPES")) continue;
                if (!List.of("VERSION", "DEFINITIONS", "BLOCKS", "RF", "GRADIENTS", "TRAP", "ADC", "EXTENSIONS").contains(section)) {
                    throw new PulseqFormatException(n, "unknown section [" + section + "]");
                }
                continue;
            }
            String[] cells = cells(trimmed);
            if (section == null) {
                if (cells[0].equals("extension") && cells.length == 3) {
                    extension = cells[1];
                    if (!List.of("LABELSET", "LABELINC", "ROTATIONS").contains(extension)) {
                        throw new PulseqFormatException(n, "unsupported extension " + extension);
                    }
                    extensionNames.put(integer(n, cells[2], "extension type id"), extension);
                    extensionSpecs.put(extension, new HashMap<>());
                    section = "extension";
                    continue;
                }
                throw new PulseqFormatException(n, "text outside any section: '" + (trimmed.length() > 60 ? trimmed.substring(0, 60) + "..." : trimmed) + "'");
            }
            Row row = new Row(n, cells);
            switch (section) {
                case "VERSION" -> version(row);
                case "DEFINITIONS" -> definitions.put(cells[0], String.join(" ", java.util.Arrays.copyOfRange(cells, 1, cells.length)));
                case "BLOCKS" -> blockRows.add(columns(row, 8, "[BLOCKS]"));
                case "RF" -> put(rfRows, columns(row, minor == 4 ? 8 : 12, "[RF]"));
                case "GRADIENTS" -> put(gradRows, columns(row, minor == 4 ? 5 : 7, "[GRADIENTS]"));
                case "TRAP" -> put(trapRows, columns(row, 6, "[TRAP]"));
                case "ADC" -> put(adcRows, columns(row, minor == 4 ? 6 : 9, "[ADC]"));
                case "EXTENSIONS" -> put(extensionRows, columns(row, 4, "[EXTENSIONS]"));
                case "extension" -> put(extensionSpecs.get(extension), columns(row, extension.equals("ROTATIONS") ? 5 : 3, extension));
                case "SIGNATURE" -> {
                    if (cells[0].equals("Hash") && cells.length == 2) signature = cells[1];
                }
                default -> throw new PulseqFormatException(n, "unexpected content in [" + section + "]");
            }
        }
        if (minor < 0) throw new PulseqFormatException(lines.length, "no [VERSION] section (empty or not a .seq file)");
        if (version.indexOf('?') >= 0) throw new PulseqFormatException(lines.length, "[VERSION] is incomplete");
        if (blockRows.isEmpty()) throw new PulseqFormatException(lines.length, "no [BLOCKS] (file empty or truncated)");
    }

    private void version(Row row) throws PulseqFormatException {
        String[] c = row.cells();
        if (c.length != 2) throw new PulseqFormatException(row.line(), "[VERSION] rows are 'major|minor|revision <n>'");
        int value = integer(row.line(), c[1], c[0]);
        String[] parts = version == null ? new String[] {"?", "?", "?"} : version.split("\\.");
        switch (c[0]) {
            case "major" -> {
                if (value != 1) throw new PulseqFormatException(row.line(), "unsupported version: major " + value + " (supported: 1.4.x, 1.5.x)");
                parts[0] = "1";
            }
            case "minor" -> {
                if (value != 4 && value != 5) throw new PulseqFormatException(row.line(), "unsupported version: minor " + value + " (supported: 1.4.x, 1.5.x)");
                minor = value;
                parts[1] = Integer.toString(value);
            }
            case "revision" -> parts[2] = c[1];
            default -> throw new PulseqFormatException(row.line(), "unknown [VERSION] key '" + c[0] + "'");
        }
        version = String.join(".", parts);
    }

    /** Reads shapes from line index {@code start}; returns the index of the first line after [SHAPES]. */
    private int readShapes(int start) throws PulseqFormatException {
        int i = start;
        while (i < lines.length) {
            String t = lines[i].strip();
            if (t.isEmpty() || t.startsWith("#")) {
                i++;
                continue;
            }
            if (t.startsWith("[")) return i;
            String[] head = cells(t);
            if (head.length != 2 || !head[0].equals("shape_id")) throw new PulseqFormatException(i + 1, "expected 'shape_id <id>', found '" + t + "'");
            int id = integer(i + 1, head[1], "shape id");
            int headLine = i + 1;
            i++;
            String[] count = i < lines.length ? cells(lines[i].strip()) : new String[0];
            if (count.length != 2 || !count[0].equals("num_samples")) throw new PulseqFormatException(i + 1, "expected 'num_samples <n>' after shape_id " + id);
            int numSamples = integer(i + 1, count[1], "num_samples");
            if (numSamples <= 0) throw new PulseqFormatException(i + 1, "num_samples must be positive");
            if (numSamples > ShapeCodec.MAX_SAMPLES) {
                throw new PulseqFormatException(i + 1, "num_samples " + numSamples + " is more than a shape may have (" + ShapeCodec.MAX_SAMPLES + ")");
            }
            decodedSamples += numSamples;
            if (decodedSamples > ShapeCodec.MAX_TOTAL_SAMPLES) {
                throw new PulseqFormatException(i + 1, "the shapes hold more than " + ShapeCodec.MAX_TOTAL_SAMPLES + " samples in all");
            }
            i++;
            List<Double> values = new ArrayList<>();
            while (i < lines.length && !lines[i].strip().isEmpty() && !lines[i].strip().startsWith("shape_id") && !lines[i].strip().startsWith("[")) {
                if (!lines[i].strip().startsWith("#")) values.add(number(i + 1, lines[i].strip(), "shape sample"));
                i++;
            }
            double[] stored = values.stream().mapToDouble(Double::doubleValue).toArray();
            try {
                if (shapes.put(id, new Shape(ShapeCodec.decode(stored, numSamples))) != null) throw new PulseqFormatException(headLine, "duplicate shape id " + id);
            } catch (IllegalArgumentException e) {
                throw new PulseqFormatException(headLine, "shape " + id + " " + e.getMessage() + " (truncated or corrupt)");
            }
        }
        return i;
    }

    private void verifySignature(String text) throws PulseqFormatException {
        int marker = text.indexOf(Signature.MARKER);
        if (marker < 0) return;
        int line = (int) text.substring(0, marker + 1).chars().filter(c -> c == '\n').count() + 1;
        if (signature == null) throw new PulseqFormatException(line, "[SIGNATURE] without a Hash line (truncated)");
        if (!Signature.md5(text.substring(0, marker)).equals(signature.toLowerCase(java.util.Locale.ROOT))) {
            throw new PulseqFormatException(line, "MD5 signature does not match the file's content (altered or truncated)");
        }
    }

    // ---- cell parsing ----

    /** Splits a stripped line at runs of blanks (faster than a regular expression on files of a million lines). */
    static String[] cells(String line) {
        List<String> out = new ArrayList<>(12);
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean blank = i == line.length() || line.charAt(i) == ' ' || line.charAt(i) == '\t';
            if (blank && start >= 0) {
                out.add(line.substring(start, i));
                start = -1;
            } else if (!blank && start < 0) {
                start = i;
            }
        }
        return out.toArray(new String[0]);
    }

    private static void put(Map<Integer, Row> rows, Row row) throws PulseqFormatException {
        int id = integer(row.line(), row.cells()[0], "id");
        if (id <= 0) throw new PulseqFormatException(row.line(), "ids must be positive, found " + id);
        if (rows.put(id, row) != null) throw new PulseqFormatException(row.line(), "duplicate id " + id);
    }

    private static Row columns(Row row, int count, String where) throws PulseqFormatException {
        if (row.cells().length != count) {
            throw new PulseqFormatException(row.line(), where + " rows have " + count + " columns, this one has " + row.cells().length
                    + (row.cells().length < count ? " (truncated?)" : ""));
        }
        return row;
    }

    static int[] integers(Row row) throws PulseqFormatException {
        int[] v = new int[row.cells().length];
        for (int i = 0; i < v.length; i++) v[i] = integer(row.line(), row.cells()[i], "column " + (i + 1));
        return v;
    }

    static int integer(int line, String text, String what) throws PulseqFormatException {
        if (text.length() < 10 && text.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')) {
            try {
                return Integer.parseInt(text); // most ids and counts; avoids the slower floating-point parse
            } catch (NumberFormatException e) {
                // fall through to the general form ("1e3", "-", ...)
            }
        }
        double v = number(line, text, what);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) throw new PulseqFormatException(line, what + " must be a whole number, found '" + text + "'");
        return (int) v;
    }

    static double number(int line, String text, String what) throws PulseqFormatException {
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new PulseqFormatException(line, what + " is not a finite number: '" + text + "'");
        }
    }
}
