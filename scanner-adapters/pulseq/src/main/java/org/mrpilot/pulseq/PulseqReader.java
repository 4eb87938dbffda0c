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
import org.mrpilot.pulseq.SeqSections.Row;

/**
 * Reads .seq files of format 1.4.x and 1.5.x (ours, the MATLAB reference's, pypulseq's) into a {@link SequenceTable}.
 * Anything malformed, truncated, inconsistent or of another version is refused with the line number and the reason.
 * Pass 1 ({@link SeqSections}) splits the text into rows; this class turns the rows into events and blocks.
 */
public final class PulseqReader {
    private static final List<String> RASTER_KEYS = List.of("GradientRasterTime", "RadiofrequencyRasterTime", "AdcRasterTime", "BlockDurationRaster");

    private final SeqSections sections;
    private final int minor;
    private Rasters rasters;

    private PulseqReader(SeqSections sections) {
        this.sections = sections;
        this.minor = sections.minor;
    }

    /** Reads a signed file: the [SIGNATURE] must be there and match. */
    public static PulseqFile read(byte[] bytes) throws PulseqFormatException {
        return read(bytes, false);
    }

    /** Reads a file that may lack [SIGNATURE] (written by hand); a signature that is there must still match. */
    public static PulseqFile readAllowingUnsigned(byte[] bytes) throws PulseqFormatException {
        return read(bytes, true);
    }

    private static PulseqFile read(byte[] bytes, boolean unsignedAllowed) throws PulseqFormatException {
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
        SeqSections sections = SeqSections.of(text);
        SequenceTable table = new PulseqReader(sections).table();
        // Checked last so a malformed file is named for its first bad line; unsigned, a cut right before the section would pass as complete.
        if (sections.signature == null && !unsignedAllowed) {
            throw new PulseqFormatException(sections.lineCount(), "no [SIGNATURE] section (file truncated; hand-written files need the unsigned opt-in)");
        }
        return new PulseqFile(sections.version, table, sections.signature);
    }

    private SequenceTable table() throws PulseqFormatException {
        rasters = rasters();
        Map<Integer, RfPulse> rfCache = new HashMap<>();
        Map<Integer, Gradient> gradCache = new HashMap<>();
        Map<Integer, Adc> adcCache = new HashMap<>();
        List<Block> blocks = new ArrayList<>();
        int expectedId = 1;
        double[] previousLast = new double[3];
        for (Row row : sections.blockRows) {
            int[] v = SeqSections.integers(row);
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
        Map<String, String> extra = new LinkedHashMap<>(sections.definitions);
        RASTER_KEYS.forEach(extra::remove);
        return new SequenceTable(rasters, extra, blocks);
    }

    private Rasters rasters() throws PulseqFormatException {
        double[] r = new double[4];
        for (int k = 0; k < 4; k++) {
            String text = sections.definitions.get(RASTER_KEYS.get(k));
            if (text == null) throw new PulseqFormatException(1, "[DEFINITIONS] lacks " + RASTER_KEYS.get(k) + ", required since format 1.4");
            r[k] = SeqSections.number(1, text, RASTER_KEYS.get(k));
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
        return event(cache, sections.rfRows, id, block, "RF event", row -> {
            String[] c = row.cells();
            double amplitude = SeqSections.number(row.line(), c[1], "RF amplitude");
            Shape magnitude = shape(row, c[2], false);
            Shape phase = shape(row, c[3], false);
            Shape time = shape(row, c[4], true);
            if (minor == 4) {
                int delay = SeqSections.integer(row.line(), c[5], "RF delay");
                return new RfPulse(amplitude, magnitude, phase, time, peakCentreUs(magnitude, time), delay, 0, 0,
                        SeqSections.number(row.line(), c[6], "RF freq"), SeqSections.number(row.line(), c[7], "RF phase"), RfUse.UNDEFINED);
            }
            RfUse use = c[11].length() == 1 ? RfUse.ofCode(c[11].charAt(0)) : null;
            if (use == null) throw new PulseqFormatException(row.line(), "unknown RF use '" + c[11] + "'");
            return new RfPulse(amplitude, magnitude, phase, time, SeqSections.number(row.line(), c[5], "RF center"), SeqSections.integer(row.line(), c[6], "RF delay"),
                    SeqSections.number(row.line(), c[7], "RF freqPPM"), SeqSections.number(row.line(), c[8], "RF phasePPM"), SeqSections.number(row.line(), c[9], "RF freq"),
                    SeqSections.number(row.line(), c[10], "RF phase"), use);
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
        return event(cache, sections.adcRows, id, block, "ADC event", row -> {
            String[] c = row.cells();
            int samples = SeqSections.integer(row.line(), c[1], "ADC num");
            long dwellNs = Math.round(SeqSections.number(row.line(), c[2], "ADC dwell"));
            int delay = SeqSections.integer(row.line(), c[3], "ADC delay");
            if (minor == 4) {
                return new Adc(samples, dwellNs, delay, 0, 0, SeqSections.number(row.line(), c[4], "ADC freq"), SeqSections.number(row.line(), c[5], "ADC phase"), null);
            }
            return new Adc(samples, dwellNs, delay, SeqSections.number(row.line(), c[4], "ADC freqPPM"), SeqSections.number(row.line(), c[5], "ADC phasePPM"),
                    SeqSections.number(row.line(), c[6], "ADC freq"), SeqSections.number(row.line(), c[7], "ADC phase"), shape(row, c[8], true));
        });
    }

    private Gradient gradient(Map<Integer, Gradient> cache, int id, Row block) throws PulseqFormatException {
        if (id == 0) return null;
        if (sections.trapRows.containsKey(id)) {
            return event(cache, sections.trapRows, id, block, "trapezoid", row -> {
                int[] v = new int[4];
                for (int k = 0; k < 4; k++) v[k] = SeqSections.integer(row.line(), row.cells()[k + 2], "trapezoid time");
                return new Trapezoid(SeqSections.number(row.line(), row.cells()[1], "trapezoid amplitude"), v[0], v[1], v[2], v[3]);
            });
        }
        return event(cache, sections.gradRows, id, block, "gradient", row -> {
            String[] c = row.cells();
            double amplitude = SeqSections.number(row.line(), c[1], "gradient amplitude");
            int at = minor == 4 ? 2 : 4;
            if (c[at + 1].equals("-1")) throw new PulseqFormatException(row.line(), "oversampled gradients (time_shape_id -1) are not supported");
            Shape waveform = shape(row, c[at], false);
            Shape time = shape(row, c[at + 1], true);
            int delay = SeqSections.integer(row.line(), c[at + 2], "gradient delay");
            if (minor == 4) {
                // 1.4 stores no end values: corners are the samples themselves; raster-centre samples end half a step
                // beyond the last sample (linear extrapolation, as the references do) and start where the previous block ended.
                int n = waveform.length();
                double first = time != null ? waveform.sample(0) : 0;
                double last = time != null || n < 2 ? waveform.sample(n - 1) : 1.5 * waveform.sample(n - 1) - 0.5 * waveform.sample(n - 2);
                return new ArbitraryGradient(amplitude, amplitude * first, amplitude * last, waveform, time, delay);
            }
            return new ArbitraryGradient(amplitude, SeqSections.number(row.line(), c[2], "gradient first"), SeqSections.number(row.line(), c[3], "gradient last"),
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
        int id = SeqSections.integer(row.line(), idText, "shape id");
        if (id == 0 && optional) return null;
        Shape shape = sections.shapes.get(id);
        if (shape == null) throw new PulseqFormatException(row.line(), "refers to shape " + id + ", which is not defined");
        return shape;
    }

    /** The extension entries of a block, head first. */
    private List<String[]> extensionChain(int ext, Row block) throws PulseqFormatException {
        List<String[]> chain = new ArrayList<>();
        for (int id = ext; id != 0; ) {
            Row row = sections.extensionRows.get(id);
            if (row == null) throw new PulseqFormatException(block.line(), "refers to extension list entry " + id + ", which is not defined");
            if (chain.size() > sections.extensionRows.size()) throw new PulseqFormatException(row.line(), "extension list loops");
            int[] v = SeqSections.integers(row);
            String name = sections.extensionNames.get(v[1]);
            if (name == null) throw new PulseqFormatException(row.line(), "extension type " + v[1] + " has no 'extension' specification");
            Row spec = sections.extensionSpecs.get(name).get(v[2]);
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
            labels.add(new Label(e[0].equals("LABELINC"), e[3], SeqSections.integer(block.line(), e[2], "label value")));
        }
        return labels;
    }

    private Rotation rotation(int ext, Row block) throws PulseqFormatException {
        for (String[] e : extensionChain(ext, block)) {
            if (e[0].equals("ROTATIONS")) {
                return new Rotation(SeqSections.number(block.line(), e[2], "q0"), SeqSections.number(block.line(), e[3], "qx"), SeqSections.number(block.line(), e[4], "qy"),
                        SeqSections.number(block.line(), e[5], "qz"));
            }
        }
        return null;
    }

}
