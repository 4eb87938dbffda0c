package org.mrpilot.cli;

import java.nio.file.Path;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.anatomy.AnatomySource;
import org.mrpilot.physics.dataset.ContrastDataset;
import org.mrpilot.physics.dataset.LocalizerDataset;
import org.mrpilot.physics.dataset.RelaxometryDataset;

/** `./mrpilot dataset KIND`: exports a seeded training set as .npy arrays plus meta.json. */
final class DatasetCommand implements Command {
    @Override
    public String name() {
        return "dataset";
    }

    @Override
    public String summary() {
        return "export a seeded training set (.npy + meta.json): relaxometry, localizer, contrast, planning";
    }

    @Override
    public String usage() {
        return """
                KIND --seed N --count P -o DIR [options]
                  relaxometry   RIM patches: pd, t1_s, t2_s, b (float32 P,S,S), labels, mask (uint8 P,S,S)
                  localizer     three-plane localizers: images (float32 P,3,N,M,M), brain (uint8 P,3,N,M,M),
                                geometry (float64 P,3,N,12), landmarks (float64 P,6,3)
                  contrast      images (float32 P,S,S) with their sequence (uint8 P) and parameters (float32 P,8)
                  planning      localizers resampled on the 64^3 x 4 mm planning grid: volume (float32 P,2,S,S,S image
                                and coverage), brain (uint8 P,S,S,S), landmarks (float64 P,5,3 LPS mm), normal, origin,
                                quality (uint8 P: 0 clean, else the injected localizer artefact)
                  every kind writes meta.json (seed, source, arrays, label names, tissue table, one entry per sample)
                options:
                  --size S            relaxometry patch / contrast image size in pixels (default 64 / 128)
                  --matrix M          localizer matrix (default 128)
                  --slices N          localizer slices per plane (default 5)
                  --source NAME       procedural (default), icbm152 or both (alternating per anatomy)
                  --icbm-dir DIR      folder with nilearn's ICBM152 templates (default: found in .venv)
                  --field T           field strength, 3 (default) or 1.5 (contrast draws 1.5 or 3 itself)
                  --per-anatomy K     samples (each a new subject's tissue values and pose) per anatomy
                                      (default 16 relaxometry, 4 localizer, 8 contrast)
                  --artefacts F       planning: share of localizers with an injected artefact (motion, wrap-around,
                                      partial coverage, extreme intensity, no brain), default 0
                  --commissure-crops C  planning: also C close-ups per localizer for the commissure net
                                      (commissures.npy, commissure_targets.npy), default 0""";
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.positionals().size() != 1) throw new UsageException("name one dataset kind: relaxometry, localizer, contrast or planning");
        String kind = args.positionals().get(0);
        if (args.string("seed", null) == null) throw new UsageException("option --seed is required");
        long seed = args.longValue("seed", 0);
        int count = args.intValue("count", -1);
        if (count <= 0) throw new UsageException("option --count must be a positive number");
        Path out = args.path("o", null);
        if (out == null) throw new UsageException("option -o DIR is required");
        AnatomyFactory anatomies = new AnatomyFactory(source(args.string("source", "procedural")), args.path("icbm-dir", null));
        Export export = switch (kind) {
            case "relaxometry" -> {
                RelaxometryDataset.Spec spec = spec(() -> new RelaxometryDataset.Spec(seed, count, args.intValue("size", 64), field(args),
                        args.intValue("per-anatomy", 16)));
                yield progress -> new RelaxometryDataset(anatomies).write(spec, out, progress);
            }
            case "localizer" -> {
                LocalizerDataset.Spec spec = spec(() -> new LocalizerDataset.Spec(seed, count, args.intValue("matrix", 128), args.intValue("slices", 5),
                        field(args), args.intValue("per-anatomy", 4)));
                yield progress -> new LocalizerDataset(anatomies).write(spec, out, progress);
            }
            case "contrast" -> {
                ContrastDataset.Spec spec = spec(() -> new ContrastDataset.Spec(seed, count, args.intValue("size", 128), args.intValue("per-anatomy", 8)));
                yield progress -> new ContrastDataset(anatomies).write(spec, out, progress);
            }
            case "planning" -> {
                PlanningDataset.Spec spec = spec(() -> new PlanningDataset.Spec(seed, count, args.intValue("per-anatomy", 4), field(args),
                        args.doubleValue("artefacts", 0), args.intValue("commissure-crops", 0)));
                yield progress -> new PlanningDataset(anatomies).write(spec, out, progress);
            }
            default -> throw new UsageException("unknown dataset kind '" + kind + "' (relaxometry, localizer, contrast, planning)");
        };
        args.done();
        try (Progress progress = new Progress(kind, count)) {
            export.write(progress::step);
        }
        System.out.println("wrote " + count + " " + kind + " samples to " + out);
        return 0;
    }

    private interface Export {
        void write(Runnable progress) throws Exception;
    }

    /** Builds a spec, turning its range checks into usage errors. */
    private static <T> T spec(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
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
