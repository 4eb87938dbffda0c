package org.mrpilot.cli;

import java.nio.file.Path;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.anatomy.AnatomySource;
import org.mrpilot.physics.dataset.RelaxometryDataset;

/** `./mrpilot dataset KIND`: exports a seeded training set as .npy arrays plus meta.json. */
final class DatasetCommand implements Command {
    @Override
    public String name() {
        return "dataset";
    }

    @Override
    public String summary() {
        return "export a seeded training set (.npy + meta.json): relaxometry";
    }

    @Override
    public String usage() {
        return """
                KIND --seed N --count P -o DIR [options]
                  relaxometry   RIM patches: pd, t1_s, t2_s, b (float32 P,S,S), labels, mask (uint8 P,S,S), meta.json
                options:
                  --size S            patch size in pixels (default 64)
                  --source NAME       procedural (default), icbm152 or both
                  --field T           field strength, 3 (default) or 1.5
                  --per-anatomy K     patches (each a new subject's tissue values and pose) per anatomy (default 16)""";
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.positionals().size() != 1) throw new UsageException("name one dataset kind: relaxometry");
        String kind = args.positionals().get(0);
        long seed = args.longValue("seed", -1);
        if (args.string("seed", null) == null) throw new UsageException("option --seed is required");
        int count = args.intValue("count", -1);
        if (count <= 0) throw new UsageException("option --count must be a positive number");
        Path out = args.path("o", null);
        if (out == null) throw new UsageException("option -o DIR is required");
        AnatomySource source = source(args.string("source", "procedural"));
        double field = field(args);
        switch (kind) {
            case "relaxometry" -> {
                RelaxometryDataset.Spec spec;
                try {
                    spec = new RelaxometryDataset.Spec(seed, count, args.intValue("size", 64), field, args.intValue("per-anatomy", 16));
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                args.done();
                try (Progress progress = new Progress("relaxometry", count)) {
                    new RelaxometryDataset(new AnatomyFactory(source)).write(spec, out, progress::step);
                }
            }
            default -> throw new UsageException("unknown dataset kind '" + kind + "' (relaxometry)");
        }
        System.out.println("wrote " + count + " " + kind + " samples to " + out);
        return 0;
    }

    static double field(Args args) {
        double field = args.doubleValue("field", 3.0);
        if (field != 3.0 && field != 1.5) throw new UsageException("option --field must be 3 or 1.5, got " + field);
        return field;
    }

    static AnatomySource source(String name) {
        try {
            return AnatomySource.parse(name);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
