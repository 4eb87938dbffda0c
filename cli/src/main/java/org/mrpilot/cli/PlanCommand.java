package org.mrpilot.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.physics.patient.VirtualPatient;
import org.mrpilot.planning.LocalizerRejectedException;
import org.mrpilot.planning.Plan;

/** `./mrpilot plan generated --seed N -o plan.json`: plans the slices of a simulated localizer. */
final class PlanCommand implements Command {
    @Override
    public String name() {
        return "plan";
    }

    @Override
    public String summary() {
        return "plan axial, coronal and sagittal stacks from a three-plane localizer (plan.json)";
    }

    @Override
    public String usage() {
        return """
                generated --seed N -o plan.json [--source procedural|icbm152] [--icbm-dir DIR] [--models DIR]
                  generated     a virtual patient of the planning collection N (random pose, localizer variation)
                  plan.json     stacks (geometry-table rows), landmarks and mid-sagittal plane (LPS mm), confidence,
                                and for generated localizers the ground-truth landmarks next to them""";
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.positionals().size() != 1) throw new UsageException("name the localizer: generated");
        if (!args.positionals().get(0).equals("generated")) {
            throw new UsageException("only 'generated' localizers are supported so far; reading a DICOM folder is not built yet");
        }
        if (args.string("seed", null) == null) throw new UsageException("option --seed is required");
        long seed = args.longValue("seed", 0);
        Path out = args.path("o", null);
        if (out == null) throw new UsageException("option -o plan.json is required");
        AnatomyFactory anatomies = new AnatomyFactory(DatasetCommand.source(args.string("source", "procedural")), args.path("icbm-dir", null));
        Path models = args.path("models", PlanningModels.DEFAULT_DIRECTORY);
        args.done();
        VirtualPatient patient = PlanningDataset.patient(anatomies, seed, 0, 1, 3);
        List<ImageSlice> localizer = PlanningDataset.localizer(patient, PlanningDataset.settings(patient));
        try (OnnxInference host = PlanningModels.open(models, 0)) {
            Plan plan;
            try {
                plan = PlanningModels.planner(host).plan(localizer);
            } catch (LocalizerRejectedException e) {
                throw new IllegalStateException("localizer refused: " + e.getMessage());
            }
            JsonObject json = PlanJson.of(plan);
            json.add("ground_truth", PlanningBenchmark.errors(plan, patient).toJson());
            Files.writeString(out, new GsonBuilder().setPrettyPrinting().create().toJson(json) + "\n");
            System.out.printf("planned %d stacks, confidence %.2f -> %s%n", plan.stacks().size(), plan.confidence(), out);
        }
        return 0;
    }
}
