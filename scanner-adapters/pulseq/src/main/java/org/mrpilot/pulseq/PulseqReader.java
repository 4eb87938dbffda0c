package org.mrpilot.pulseq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mrpilot.api.sequence.Adc;
import org.mrpilot.api.sequence.ArbitraryGradient;
import org.mrpilot.api.sequence.Block;
import org.mrpilot.api.sequence.Gradient;
import org.mrpilot.api.sequence.Label;
import org.mrpilot.api.sequence.Rasters;
import org.mrpilot.api.sequence.RfPulse;
import org.mrpilot.api.sequence.RfUse;
import org.mrpilot.api.sequence.Rotation;
import org.mrpilot.api.sequence.SequenceTable;
import org.mrpilot.api.sequence.Shape;
import org.mrpilot.api.sequence.Trapezoid;

/**
 * Reads .seq files of format 1.4.x and 1.5.x (ours, the MATLAB reference's, pypulseq's) into a {@link SequenceTable}.
 * Anything malformed, truncated, inconsistent or of another version is refused with the line number and the reason.
 */
public final class PulseqReader {
    private static final List<String> RASTER_KEYS = List.of("GradientRasterTime", "RadiofrequencyRasterTime", "AdcRasterTime", "BlockDurationRaster");

    /** A parsed row and where it was. */
    private record Row(int line, String[] cells) {
    }

    private final String[] lines;
    private int minor = -1;
    private String version;
    private final Map<String, String> definitions = new LinkedHashMap<>();
    private final List<Row> blockRows = new ArrayList<>();
    private final Map<Integer, Row> rfRows = new HashMap<>();
    private final Map<Integer, Row> gradRows = new HashMap<>();
    private final Map<Integer, Row> trapRows = new HashMap<>();
    private final Map<Integer, Row> adcRows = new HashMap<>();
    private final Map<Integer, Row> extensionRows = new HashMap<>();
    private final Map<Integer, String> extensionNames = new HashMap<>();
    private final Map<String, Map<Integer, Row>> extensionSpecs = new HashMap<>();
    private final Map<Integer, Shape> shapes = new HashMap<>();
    private final Map<Integer, Integer> shapeLines = new HashMap<>();
    private String signature;
    private Rasters rasters;

    private PulseqReader(String text) {
        this.lines = text.split("\n", -1);
    }

    public static PulseqFile read(byte[] bytes) throws PulseqFormatException {
        for (int i = 0, line = 1; i < bytes.length; i++) {
            if (bytes[i] == '\n') line++;
            else if (bytes[i] < 0 || (bytes[i] < 32 && bytes[i] != '\t' && bytes[i] != '\r')) {
                throw new PulseqFormatException(line, "not a text file (byte " + (bytes[i] & 0xff) + ")");
            }
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new PulseqFormatException((int) text.chars().filter(c -> c == '\n').count() + 1, "last line has no line feed (file truncated)");
        }
        PulseqReader reader = new PulseqReader(text);
        reader.parse();
        reader.verifySignature(text);
        return new PulseqFile(reader.version, reader.table(), reader.signature);
    }

    // ---- pass 1: sections into rows ----

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
            shapeLines.put(id, headLine);
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

    // ---- pass 2: rows into events ----

    private SequenceTable table() throws PulseqFormatException {
        rasters = rasters();
        Map<Integer, RfPulse> rfCache = new HashMap<>();
        Map<Integer, Gradient> gradCache = new HashMap<>();
        Map<Integer, Adc> adcCache = new HashMap<>();
        List<Block> blocks = new ArrayList<>();
        int expectedId = 1;
        double[] previousLast = new double[3];
        for (Row row : blockRows) {
            int[] v = integers(row);
            if (v[0] != expectedId) throw new PulseqFormatException(row.line(), "block id " + v[0] + " where " + expectedId + " was expected");
            expectedId++;
            long durationUs = Math.round(v[1] * rasters.blockDurationUs());
            try {
                Gradient[] g = new Gradient[3];
                for (int a = 0; a < 3; a++) {
                    g[a] = gradient(gradCache, v[3 + a], row);
                    if (minor == 4) g[a] = withFirstFromPreviousBlock(g[a], previousLast, a, durationUs);
                }
                blocks.add(new Block(durationUs, v[2] == 0 ? null : rf(rfCache, v[2], row), g[0], g[1], g[2],
                        v[6] == 0 ? null : adc(adcCache, v[6], row), labels(v[7], row), rotation(v[7], row)));
            } catch (IllegalArgumentException e) {
                throw new PulseqFormatException(row.line(), "block " + v[0] + ": " + e.getMessage());
            }
        }
        Map<String, String> extra = new LinkedHashMap<>(definitions);
        RASTER_KEYS.forEach(extra::remove);
        return new SequenceTable(rasters, extra, blocks);
    }

    private Rasters rasters() throws PulseqFormatException {
        double[] r = new double[4];
        for (int k = 0; k < 4; k++) {
            String text = definitions.get(RASTER_KEYS.get(k));
            if (text == null) throw new PulseqFormatException(1, "[DEFINITIONS] lacks " + RASTER_KEYS.get(k) + ", required since format 1.4");
            r[k] = number(1, text, RASTER_KEYS.get(k));
        }
        try {
            return new Rasters(r[0], r[1], r[2], r[3]);
        } catch (IllegalArgumentException e) {
            throw new PulseqFormatException(1, e.getMessage());
        }
    }

    private interface EventParser<T> {
        T parse(Row row) throws PulseqFormatException;
    }

    /** The event with {@code id} from {@code rows}, parsed once; a missing id is reported at the block's line. */
    private static <T> T event(Map<Integer, T> cache, Map<Integer, Row> rows, int id, Row block, String what, EventParser<T> parser)
            throws PulseqFormatException {
        T event = cache.get(id);
        if (event == null) {
            Row row = rows.get(id);
            if (row == null) throw new PulseqFormatException(block.line(), "refers to " + what + " " + id + ", which is not defined");
            try {
                event = parser.parse(row);
            } catch (IllegalArgumentException e) {
                throw new PulseqFormatException(row.line(), what + " " + id + ": " + e.getMessage());
            }
            cache.put(id, event);
        }
        return event;
    }

    private RfPulse rf(Map<Integer, RfPulse> cache, int id, Row block) throws PulseqFormatException {
        return event(cache, rfRows, id, block, "RF event", row -> {
            String[] c = row.cells();
            double amplitude = number(row.line(), c[1], "RF amplitude");
            Shape magnitude = shape(row, c[2], false);
            Shape phase = shape(row, c[3], false);
            Shape time = shape(row, c[4], true);
            if (minor == 4) {
                int delay = integer(row.line(), c[5], "RF delay");
                return new RfPulse(amplitude, magnitude, phase, time, peakCentreUs(magnitude, time), delay, 0, 0,
                        number(row.line(), c[6], "RF freq"), number(row.line(), c[7], "RF phase"), RfUse.UNDEFINED);
            }
            RfUse use = c[11].length() == 1 ? RfUse.ofCode(c[11].charAt(0)) : null;
            if (use == null) throw new PulseqFormatException(row.line(), "unknown RF use '" + c[11] + "'");
            return new RfPulse(amplitude, magnitude, phase, time, number(row.line(), c[5], "RF center"), integer(row.line(), c[6], "RF delay"),
                    number(row.line(), c[7], "RF freqPPM"), number(row.line(), c[8], "RF phasePPM"), number(row.line(), c[9], "RF freq"),
                    number(row.line(), c[10], "RF phase"), use);
        });
    }

    /** Format 1.4 has no centre column: like the references, take the middle of the magnitude peak. */
    private double peakCentreUs(Shape magnitude, Shape time) {
        double peak = 0;
        for (int i = 0; i < magnitude.length(); i++) peak = Math.max(peak, Math.abs(magnitude.sample(i)));
        int first = -1;
        int last = -1;
        for (int i = 0; i < magnitude.length(); i++) {
            if (Math.abs(magnitude.sample(i)) >= peak * 0.99999) {
                if (first < 0) first = i;
                last = i;
            }
        }
        double rasterUs = rasters.radiofrequencyUs();
        return time == null ? (first + last + 1) / 2.0 * rasterUs : (time.sample(first) + time.sample(last)) / 2.0 * rasterUs;
    }

    private Adc adc(Map<Integer, Adc> cache, int id, Row block) throws PulseqFormatException {
        return event(cache, adcRows, id, block, "ADC event", row -> {
            String[] c = row.cells();
            int samples = integer(row.line(), c[1], "ADC num");
            long dwellNs = Math.round(number(row.line(), c[2], "ADC dwell"));
            int delay = integer(row.line(), c[3], "ADC delay");
            if (minor == 4) {
                return new Adc(samples, dwellNs, delay, 0, 0, number(row.line(), c[4], "ADC freq"), number(row.line(), c[5], "ADC phase"), null);
            }
            return new Adc(samples, dwellNs, delay, number(row.line(), c[4], "ADC freqPPM"), number(row.line(), c[5], "ADC phasePPM"),
                    number(row.line(), c[6], "ADC freq"), number(row.line(), c[7], "ADC phase"), shape(row, c[8], true));
        });
    }

    private Gradient gradient(Map<Integer, Gradient> cache, int id, Row block) throws PulseqFormatException {
        if (id == 0) return null;
        if (trapRows.containsKey(id)) {
            return event(cache, trapRows, id, block, "trapezoid", row -> {
                int[] v = new int[4];
                for (int k = 0; k < 4; k++) v[k] = integer(row.line(), row.cells()[k + 2], "trapezoid time");
                return new Trapezoid(number(row.line(), row.cells()[1], "trapezoid amplitude"), v[0], v[1], v[2], v[3]);
            });
        }
        return event(cache, gradRows, id, block, "gradient", row -> {
            String[] c = row.cells();
            double amplitude = number(row.line(), c[1], "gradient amplitude");
            int at = minor == 4 ? 2 : 4;
            if (c[at + 1].equals("-1")) throw new PulseqFormatException(row.line(), "oversampled gradients (time_shape_id -1) are not supported");
            Shape waveform = shape(row, c[at], false);
            Shape time = shape(row, c[at + 1], true);
            int delay = integer(row.line(), c[at + 2], "gradient delay");
            if (minor == 4) {
                // 1.4 stores no end values: corners are the samples themselves; raster-centre samples end half a step
                // beyond the last sample (linear extrapolation, as the references do) and start where the previous block ended.
                int n = waveform.length();
                double first = time != null ? waveform.sample(0) : 0;
                double last = time != null || n < 2 ? waveform.sample(n - 1) : 1.5 * waveform.sample(n - 1) - 0.5 * waveform.sample(n - 2);
                return new ArbitraryGradient(amplitude, amplitude * first, amplitude * last, waveform, time, delay);
            }
            return new ArbitraryGradient(amplitude, number(row.line(), c[2], "gradient first"), number(row.line(), c[3], "gradient last"),
                    waveform, time, delay);
        });
    }

    /**
     * Format 1.4 stores no start value for gradients sampled on the raster; like the references, take the previous
     * block's end value on that axis when that gradient ran to its block's end (else zero), and remember this one's.
     */
    private Gradient withFirstFromPreviousBlock(Gradient g, double[] previousLast, int axis, long blockUs) {
        Gradient out = g;
        if (g instanceof ArbitraryGradient a && a.time() == null) {
            out = new ArbitraryGradient(a.amplitudeHzPerM(), a.delayUs() > 0 ? 0 : previousLast[axis], a.lastHzPerM(), a.waveform(), null, a.delayUs());
        }
        boolean runsToEnd = out instanceof ArbitraryGradient a && a.endUs(rasters.gradientUs()) >= blockUs - 1e-6;
        previousLast[axis] = runsToEnd ? ((ArbitraryGradient) out).lastHzPerM() : 0;
        return out;
    }

    private Shape shape(Row row, String idText, boolean optional) throws PulseqFormatException {
        int id = integer(row.line(), idText, "shape id");
        if (id == 0 && optional) return null;
        Shape s = shapes.get(id);
        if (s == null) throw new PulseqFormatException(row.line(), "refers to shape " + id + ", which is not defined");
        return s;
    }

    /** The extension entries of a block, head first. */
    private List<String[]> extensionChain(int ext, Row block) throws PulseqFormatException {
        List<String[]> chain = new ArrayList<>();
        for (int id = ext; id != 0; ) {
            Row row = extensionRows.get(id);
            if (row == null) throw new PulseqFormatException(block.line(), "refers to extension list entry " + id + ", which is not defined");
            if (chain.size() > extensionRows.size()) throw new PulseqFormatException(row.line(), "extension list loops");
            int[] v = integers(row);
            String name = extensionNames.get(v[1]);
            if (name == null) throw new PulseqFormatException(row.line(), "extension type " + v[1] + " has no 'extension' specification");
            Row spec = extensionSpecs.get(name).get(v[2]);
            if (spec == null) throw new PulseqFormatException(row.line(), name + " " + v[2] + " is not defined");
            String[] entry = new String[spec.cells().length + 1];
            entry[0] = name;
            System.arraycopy(spec.cells(), 0, entry, 1, spec.cells().length);
            chain.add(entry);
            id = v[3];
        }
        return chain;
    }

    private List<Label> labels(int ext, Row block) throws PulseqFormatException {
        List<Label> labels = new ArrayList<>();
        for (String[] e : extensionChain(ext, block)) {
            if (e[0].equals("ROTATIONS")) continue;
            if (!Label.NAMES.contains(e[3])) throw new PulseqFormatException(block.line(), "unknown label '" + e[3] + "'");
            labels.add(new Label(e[0].equals("LABELINC"), e[3], integer(block.line(), e[2], "label value")));
        }
        return labels;
    }

    private Rotation rotation(int ext, Row block) throws PulseqFormatException {
        for (String[] e : extensionChain(ext, block)) {
            if (e[0].equals("ROTATIONS")) {
                return new Rotation(number(block.line(), e[2], "q0"), number(block.line(), e[3], "qx"), number(block.line(), e[4], "qy"),
                        number(block.line(), e[5], "qz"));
            }
        }
        return null;
    }

    // ---- cell parsing ----

    /** Splits a stripped line at runs of blanks (faster than a regular expression on files of a million lines). */
    private static String[] cells(String line) {
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

    private static int[] integers(Row row) throws PulseqFormatException {
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
