package org.mrpilot.pulseq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mrpilot.api.sequence.Adc;
import org.mrpilot.api.sequence.ArbitraryGradient;
import org.mrpilot.api.sequence.Block;
import org.mrpilot.api.sequence.Gradient;
import org.mrpilot.api.sequence.Label;
import org.mrpilot.api.sequence.Rasters;
import org.mrpilot.api.sequence.RfPulse;
import org.mrpilot.api.sequence.Rotation;
import org.mrpilot.api.sequence.SequenceTable;
import org.mrpilot.api.sequence.Shape;
import org.mrpilot.api.sequence.Trapezoid;

/**
 * Renders a {@link SequenceTable} as a signed .seq file. Events and shapes are de-duplicated on their written text
 * (so values equal after rounding share one id) and numbered in order of first use; columns and number formats follow
 * the reference writers so that files stay comparable line by line.
 */
public final class PulseqWriter {
    private final PulseqVersion version;
    private final Map<String, Integer> shapes = new LinkedHashMap<>();
    /** Shapes already encoded: sequences reuse a few shapes in thousands of events. */
    private final Map<Shape, Integer> shapeIds = new java.util.HashMap<>();
    private final Map<String, Integer> rfs = new LinkedHashMap<>();
    private final Map<String, Integer> gradients = new LinkedHashMap<>();
    private final Map<Integer, String> gradientRows = new TreeMap<>();
    private final Map<Integer, String> trapRows = new TreeMap<>();
    private final Map<String, Integer> adcs = new LinkedHashMap<>();
    private final Map<String, Integer> extensionTypes = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> extensionRefs = new LinkedHashMap<>();
    private final Map<String, Integer> extensionList = new LinkedHashMap<>();
    private Rasters rasters;

    private PulseqWriter(PulseqVersion version) {
        this.version = version;
    }

    /** A written file and the MD5 hash its [SIGNATURE] carries. */
    public record Signed(byte[] bytes, String signature) {
    }

    /**
     * The file's bytes.
     *
     * @throws IllegalArgumentException naming the block when the table cannot be expressed in {@code version}
     */
    public static byte[] write(SequenceTable table, PulseqVersion version) {
        return writeSigned(table, version).bytes();
    }

    /** As {@link #write}, with the signature. */
    public static Signed writeSigned(SequenceTable table, PulseqVersion version) {
        String body = new PulseqWriter(version).render(table);
        String md5 = Signature.md5(body);
        return new Signed(Signature.sign(body, md5).getBytes(StandardCharsets.US_ASCII), md5);
    }

    /** Everything before the [SIGNATURE] section. */
    private String render(SequenceTable table) {
        rasters = table.rasters();
        List<String> blockRows = new ArrayList<>();
        int width = Integer.toString(table.blocks().size()).length();
        for (int i = 0; i < table.blocks().size(); i++) {
            try {
                blockRows.add(blockRow(i + 1, width, table.blocks().get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("block " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        StringBuilder out = new StringBuilder("# Pulseq sequence file\n# Created by mrpilot\n\n");
        out.append("[VERSION]\nmajor 1\nminor ").append(version.minor).append("\nrevision ").append(version.revision).append("\n\n");
        out.append("[DEFINITIONS]\n");
        definitions(table).forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
        out.append("\n# Format of blocks:\n# NUM DUR RF  GX  GY  GZ  ADC  EXT\n[BLOCKS]\n");
        blockRows.forEach(r -> out.append(r).append('\n'));
        out.append('\n');
        if (!rfs.isEmpty()) {
            out.append(version.is14()
                    ? "# Format of RF events:\n# id amplitude mag_id phase_id time_shape_id delay freq phase\n# ..        Hz   ....     ....          ....    us   Hz   rad\n"
                    : "# Format of RF events:\n# id ampl. mag_id phase_id time_shape_id center delay freqPPm phasePPM freq phase use\n"
                      + "# ..   Hz      ..       ..            ..     us    us     ppm  rad/MHz   Hz   rad  ..\n"
                      + "# Field \"use\" is the initial of: excitation refocusing inversion saturation preparation other undefined\n");
            section(out, "RF", rfs);
        }
        if (!gradientRows.isEmpty()) {
            out.append("# Format of arbitrary gradients:\n#   time_shape_id of 0 means default timing (stepping with grad_raster starting at 1/2 of grad_raster)\n")
                    .append(version.is14() ? "# id amplitude amp_shape_id time_shape_id delay\n# ..      Hz/m       ..         ..          us\n"
                            : "# id amplitude first last amp_shape_id time_shape_id delay\n# ..      Hz/m  Hz/m Hz/m        ..         ..          us\n")
                    .append("[GRADIENTS]\n");
            gradientRows.forEach((id, row) -> out.append(CNumbers.f0(id)).append(row).append('\n'));
            out.append('\n');
        }
        if (!trapRows.isEmpty()) {
            out.append("# Format of trapezoid gradients:\n# id amplitude rise flat fall delay\n# ..      Hz/m   us   us   us    us\n[TRAP]\n");
            trapRows.forEach((id, row) -> out.append(CNumbers.pad(Integer.toString(id), 2)).append(row).append('\n'));
            out.append('\n');
        }
        if (!adcs.isEmpty()) {
            out.append(version.is14() ? "# Format of ADC events:\n# id num dwell delay freq phase\n# ..  ..    ns    us   Hz   rad\n"
                    : "# Format of ADC events:\n# id num dwell delay freqPPM phasePPM freq phase phase_id\n# ..  ..    ns    us     ppm  rad/MHz   Hz   rad       ..\n");
            section(out, "ADC", adcs);
        }
        if (!extensionList.isEmpty()) {
            out.append("# Format of extension lists:\n# id type ref next_id\n# next_id of 0 terminates the list\n"
                    + "# Extension list is followed by extension specifications\n");
            section(out, "EXTENSIONS", extensionList);
            extensionRefs.forEach((type, rows) -> {
                out.append(type.equals("ROTATIONS") ? "# Extension specification for rotation events:\n# id RotQuat0 RotQuatX RotQuatY RotQuatZ\n"
                        : "# Extension specification for setting labels:\n# id set labelstring\n");
                out.append("extension ").append(type).append(' ').append(extensionTypes.get(type)).append('\n');
                rows.forEach((row, id) -> out.append(id).append(' ').append(row).append('\n'));
                out.append('\n');
            });
        }
        if (!shapes.isEmpty()) {
            out.append("# Sequence Shapes\n[SHAPES]\n\n");
            shapes.forEach((text, id) -> out.append("shape_id ").append(id).append('\n').append(text).append('\n'));
        }
        return out.toString();
    }

    private Map<String, String> definitions(SequenceTable table) {
        Map<String, String> all = new TreeMap<>(table.definitions());
        all.put("AdcRasterTime", CNumbers.g9(rasters.adcS()));
        all.put("BlockDurationRaster", CNumbers.g9(rasters.blockDurationS()));
        all.put("GradientRasterTime", CNumbers.g9(rasters.gradientS()));
        all.put("RadiofrequencyRasterTime", CNumbers.g9(rasters.radiofrequencyS()));
        return all;
    }

    private static void section(StringBuilder out, String name, Map<String, Integer> rows) {
        out.append('[').append(name).append("]\n");
        rows.forEach((row, id) -> out.append(id).append(row).append('\n'));
        out.append('\n');
    }

    private String blockRow(int id, int width, Block b) {
        double ticks = b.durationUs() / rasters.blockDurationUs();
        if (Math.abs(ticks - Math.rint(ticks)) > 1e-6) {
            throw new IllegalArgumentException("duration " + b.durationUs() + " us is not a multiple of the block raster");
        }
        int rf = b.rf() == null ? 0 : rf(b.rf());
        int gx = gradient(b.gx());
        int gy = gradient(b.gy());
        int gz = gradient(b.gz());
        int adc = b.adc() == null ? 0 : adc(b.adc());
        int ext = extensions(b);
        return CNumbers.pad(Integer.toString(id), width) + ' ' + CNumbers.pad(Long.toString(Math.round(ticks)), 3)
                + ' ' + CNumbers.pad(Integer.toString(rf), 3) + ' ' + CNumbers.pad(Integer.toString(gx), 3)
                + ' ' + CNumbers.pad(Integer.toString(gy), 3) + ' ' + CNumbers.pad(Integer.toString(gz), 3)
                + ' ' + CNumbers.pad(Integer.toString(adc), 2) + ' ' + CNumbers.pad(Integer.toString(ext), 2);
    }

    private int shape(Shape s) {
        if (s == null) return 0;
        Integer known = shapeIds.get(s);
        if (known != null) return known;
        double[] stored = ShapeCodec.encode(s.samples());
        StringBuilder text = new StringBuilder("num_samples ").append(s.length()).append('\n');
        for (double v : stored) text.append(CNumbers.g9(v)).append('\n');
        int id = register(shapes, text.toString());
        shapeIds.put(s, id);
        return id;
    }

    private int rf(RfPulse p) {
        int mag = shape(p.magnitude());
        int phase = shape(p.phase());
        int time = shape(p.time());
        String head = " " + CNumbers.pad(CNumbers.g(p.amplitudeHz()), 12) + ' ' + mag + ' ' + phase + ' ' + time + ' ';
        if (version.is14()) {
            if (p.freqPpm() != 0 || p.phasePpm() != 0) throw new IllegalArgumentException("ppm offsets of RF need format 1.5");
            return register(rfs, head + CNumbers.g(p.delayUs()) + ' ' + CNumbers.g(p.freqOffsetHz()) + ' ' + CNumbers.g(p.phaseOffsetRad()));
        }
        return register(rfs, head + CNumbers.g(p.centerUs()) + ' ' + CNumbers.g(p.delayUs()) + ' ' + CNumbers.g(p.freqPpm()) + ' '
                + CNumbers.g(p.phasePpm()) + ' ' + CNumbers.g(p.freqOffsetHz()) + ' ' + CNumbers.g(p.phaseOffsetRad()) + ' ' + p.use().code());
    }

    /** Trapezoids and arbitrary gradients share one id space, numbered by first use. */
    private int gradient(Gradient g) {
        if (g == null) return 0;
        if (g instanceof Trapezoid t) {
            String row = " " + CNumbers.pad(CNumbers.g(t.amplitudeHzPerM()), 12) + ' ' + CNumbers.pad(Integer.toString(t.riseUs()), 3) + ' '
                    + CNumbers.pad(Integer.toString(t.flatUs()), 4) + ' ' + CNumbers.pad(Integer.toString(t.fallUs()), 3) + ' '
                    + CNumbers.pad(Integer.toString(t.delayUs()), 3);
            return registerGradient("t" + row, row, trapRows);
        }
        ArbitraryGradient a = (ArbitraryGradient) g;
        int waveform = shape(a.waveform());
        int time = shape(a.time());
        String row = version.is14()
                ? " " + CNumbers.pad(CNumbers.g(a.amplitudeHzPerM()), 12) + ' ' + waveform + ' ' + time + ' ' + a.delayUs()
                : " " + CNumbers.pad(CNumbers.g(a.amplitudeHzPerM()), 12) + ' ' + CNumbers.pad(CNumbers.g(a.firstHzPerM()), 12) + ' '
                  + CNumbers.pad(CNumbers.g(a.lastHzPerM()), 12) + ' ' + waveform + ' ' + time + ' ' + a.delayUs();
        return registerGradient("g" + row, row, gradientRows);
    }

    private int registerGradient(String key, String row, Map<Integer, String> rows) {
        Integer id = gradients.get(key);
        if (id == null) {
            id = gradients.size() + 1;
            gradients.put(key, id);
            rows.put(id, row);
        }
        return id;
    }

    private int adc(Adc a) {
        String head = " " + a.numSamples() + ' ' + a.dwellNs() + ' ' + a.delayUs() + ' ';
        if (version.is14()) {
            if (a.freqPpm() != 0 || a.phasePpm() != 0 || a.phaseModulation() != null) {
                throw new IllegalArgumentException("ADC ppm offsets and phase modulation need format 1.5");
            }
            return register(adcs, head + CNumbers.g(a.freqOffsetHz()) + ' ' + CNumbers.g(a.phaseOffsetRad()));
        }
        int phaseShape = shape(a.phaseModulation());
        return register(adcs, head + CNumbers.g(a.freqPpm()) + ' ' + CNumbers.g(a.phasePpm()) + ' ' + CNumbers.g(a.freqOffsetHz()) + ' '
                + CNumbers.g(a.phaseOffsetRad()) + ' ' + phaseShape);
    }

    /** The block's extension list; entries are registered tail first, like the references do. */
    private int extensions(Block b) {
        List<String[]> entries = new ArrayList<>();
        for (Label l : b.labels()) entries.add(new String[] {l.increment() ? "LABELINC" : "LABELSET", l.value() + " " + l.name()});
        Rotation r = b.rotation();
        if (r != null) {
            if (version != PulseqVersion.V1_5_1) throw new IllegalArgumentException("rotations need format 1.5.1");
            entries.add(new String[] {"ROTATIONS", CNumbers.g(r.q0()) + ' ' + CNumbers.g(r.qx()) + ' ' + CNumbers.g(r.qy()) + ' ' + CNumbers.g(r.qz())});
        }
        int next = 0;
        for (int i = entries.size() - 1; i >= 0; i--) {
            String type = entries.get(i)[0];
            int typeId = extensionTypes.computeIfAbsent(type, k -> extensionTypes.size() + 1);
            int ref = register(extensionRefs.computeIfAbsent(type, k -> new LinkedHashMap<>()), entries.get(i)[1]);
            next = register(extensionList, " " + typeId + ' ' + ref + ' ' + next);
        }
        return next;
    }

    private static int register(Map<String, Integer> library, String row) {
        return library.computeIfAbsent(row, k -> library.size() + 1);
    }
}
