package org.mrpilot.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.inference.OnnxInference;
import org.mrpilot.physics.anatomy.AnatomyFactory;
import org.mrpilot.planning.AutoExecutePolicy;
import org.mrpilot.planning.LocalizerPlanning;
import org.mrpilot.planning.LocalizerRejectedException;
import org.mrpilot.planning.Plan;
import org.mrpilot.planning.SlicePlanner;

/**
 * `./mrpilot plan <localizer-dicom-dir>|generated -o plan.json`: plans the stacks of a localizer read from DICOM files
 * (or simulated), and draws them on the localizer (plan.png next to plan.json unless told otherwise).
 */
final class PlanCommand implements Command {
    @Override
    public String name() {
        return "plan";
    }

    @Override
    public String summary() {
        return "plan axial, coronal and sagittal stacks from a three-plane localizer (DICOM folder or generated): plan.json + PNG";
    }

    @Override
    public String usage() {
        return """
                <localizer-dicom-dir>|generated -o plan.json [--follow-up DIR] [--png FILE | --no-png] [--models DIR] [--min-confidence C]
                  <localizer-dicom-dir>  folder of the localizer's DICOM files as the scanner sent them (sub-folders too);
                                         every localizer series in it is used, other series are ignored
                    [--follow-up DIR]    folder of the follow-up localizer that the plan from the localizer alone asked
                                         for (plan.json's follow_up_localizer): AC and PC are read again with it
                  generated --seed N     a simulated localizer of planning collection N (random pose, localizer variation);
                                         the simulated scanner also acquires the follow-up localizer the first plan asks
                                         for, and the plan is made again with it
                    [--dicom-out DIR]    also write them as DICOM files, DIR/localizer and DIR/follow-up (DIR empty or
                                         new), and plan from those files
                    [--source procedural|icbm152] [--icbm-dir DIR]
                  plan.json   stacks (geometry-table rows), landmarks and mid-sagittal plane (LPS mm), confidence, quality
                              verdict, commissures_imaged (false: AC or PC lies in no localizer slice), follow_up_localizer
                              (on a plan from the localizer alone: thin slices across its AC and PC to acquire and plan
                              again with), auto_execute (if the site allowed it: confidence >= --min-confidence, default
                              the calibrated threshold), and for generated localizers the errors against the ground
                              truth, with those of the first plan
                  --png FILE  the localizer's three planes with the stacks, landmarks and mid-sagittal trace drawn
                              (default: plan.json's name with .png)""";
    }

    @Override
    public int run(Args args) throws Exception {
        if (args.positionals().size() != 1) throw new UsageException("name the localizer: a DICOM folder or 'generated'");
        String source = args.positionals().get(0);
        Path out = args.path("o", null);
        if (out == null) throw new UsageException("option -o plan.json is required");
        Path png = args.flag("no-png") ? null : args.path("png", siblingPng(out));
        Path models = args.path("models", PlanningModels.DEFAULT_DIRECTORY);
        double minConfidence = args.doubleValue("min-confidence", AutoExecutePolicy.CALIBRATED_MIN_CONFIDENCE);
        if (!(minConfidence >= 0 && minConfidence <= 1)) throw new UsageException("--min-confidence must be within [0, 1]");
        GeneratedLocalizer generated = null;
        Path dicomOut = null, followUpDir = null;
        List<ImageSlice> localizer;
        if (source.equals("generated")) {
            if (args.string("seed", null) == null) throw new UsageException("option --seed is required for a generated localizer");
            long seed = args.longValue("seed", 0);
            AnatomyFactory anatomies = new AnatomyFactory(DatasetCommand.source(args.string("source", "procedural")), args.path("icbm-dir", null));
            dicomOut = args.path("dicom-out", null);
            args.done();
            generated = GeneratedLocalizer.of(anatomies, seed, 0, 1);
            if (dicomOut != null) {
                int files = generated.writeDicom(dicomOut.resolve("localizer")).size();
                System.out.printf("wrote the localizer as %d DICOM files -> %s%n", files, dicomOut.resolve("localizer"));
                localizer = DicomLocalizer.read(dicomOut.resolve("localizer"));
            } else {
                localizer = generated.slices();
            }
        } else {
            followUpDir = args.path("follow-up", null);
            args.done();
            localizer = DicomLocalizer.read(Path.of(source));
        }
        try (OnnxInference host = PlanningModels.open(models, 0)) {
            SlicePlanner planner = PlanningModels.planner(host);
            Plan first = planOrRefuse(() -> planner.plan(localizer));
            List<ImageSlice> followUp = generated != null ? simulatedFollowUp(generated, first, dicomOut)
                    : followUpDir != null ? DicomLocalizer.read(followUpDir) : null;
            Plan plan = followUp == null ? first : planOrRefuse(() -> planner.planWithFollowUp(first, localizer, followUp));
            var decided = new LocalizerPlanning(planner, new AutoExecutePolicy(true, minConfidence)).describe(plan);
            JsonObject json = PlanJson.of(plan, decided, minConfidence);
            if (generated != null) {
                json.add("ground_truth", PlanningBenchmark.errors(plan, generated.patient()).toJson());
                json.add("ground_truth_first_plan", PlanningBenchmark.errors(first, generated.patient()).toJson());
            }
            Files.writeString(out, new GsonBuilder().setPrettyPrinting().create().toJson(json) + "\n");
            List<ImageSlice> shown = new ArrayList<>(localizer);
            if (followUp != null) shown.addAll(followUp);
            if (png != null) PlanOverlay.write(shown, plan, png);
            System.out.printf("planned %d stacks from %d localizer images%s, confidence %.2f%s -> %s%s%n", plan.stacks().size(), localizer.size(),
                    followUp == null ? "" : " and " + followUp.size() + " follow-up images", plan.confidence(),
                    decided.autoExecute() ? " (auto-execute)" : " (operator confirms)", out, png == null ? "" : ", " + png);
            if (!plan.commissuresImaged()) System.out.println("AC or PC lies in no localizer slice: the AC-PC line was inferred from the anatomy around them");
            if (plan.followUpLocalizer().isPresent()) {
                System.out.println("acquire the follow_up_localizer of " + out.getFileName() + " (thin slices across AC and PC) and plan again with"
                        + " --follow-up FOLDER: the AC-PC line is then read where they are imaged");
            }
        }
        return 0;
    }

    /**
     * What the simulated scanner does with the follow-up localizer the first plan asks for: acquire it (and write it as
     * DICOM into {@code dicomOut}/follow-up, then read it back, when given); null when the plan asks for none.
     */
    private static List<ImageSlice> simulatedFollowUp(GeneratedLocalizer generated, Plan first, Path dicomOut) throws IOException {
        if (first.followUpLocalizer().isEmpty()) return null;
        List<ImageSlice> images = generated.acquire(first.followUpLocalizer().get());
        if (dicomOut == null) return images;
        generated.writeFollowUpDicom(dicomOut.resolve("follow-up"), images);
        return DicomLocalizer.read(dicomOut.resolve("follow-up"));
    }

    /** The plan, or the localizer's refusal as the command's one-line error. */
    private static Plan planOrRefuse(Supplier<Plan> planning) {
        try {
            return planning.get();
        } catch (LocalizerRejectedException e) {
            throw new IllegalStateException("localizer refused: " + e.getMessage());
        }
    }

    private static Path siblingPng(Path json) {
        String name = json.getFileName().toString();
        return json.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".png");
    }
}
