package org.mrpilot.planning;

import java.util.List;
import java.util.Map;
import org.mrpilot.api.config.ConfigurationCheck;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.inference.InferenceService;
import org.mrpilot.api.planning.PlanningService;
import org.mrpilot.api.planning.SlicePlan;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The OSGi face of {@link LocalizerPlanning}; the planning nets (planning-landmarks, planning-commissures,
 * planning-quality) are loaded by the inference host.
 * Delayed (activated by the first user of the service), so it never reaches for the inference host while that host is
 * still starting and loading models: as an immediate component (static or dynamic reference alike) the in-framework
 * tests' JVM crashed inside ONNX Runtime's session creation during the host's start, every time.
 */
@Component(configurationPid = PlanningComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PlanningComponent.Config.class)
public class PlanningComponent implements PlanningService {
    static final String PID = "org.mrpilot.planning";

    @ObjectClassDefinition(name = "mrpilot planning")
    public @interface Config {
        @AttributeDefinition(description = "Site policy: may a confident plan run without the operator's confirmation?")
        boolean auto_execute_allowed() default false;

        @AttributeDefinition(description = "Confidence (0-1) a plan needs to run on its own; default from the held-out calibration")
        double auto_execute_min_confidence() default AutoExecutePolicy.CALIBRATED_MIN_CONFIDENCE;
    }

    @Reference
    private InferenceService inference;

    private LocalizerPlanning planning;

    @Activate
    void activate(Config config, Map<String, Object> properties) {
        ConfigurationCheck.of(PID, properties, Config.class).inRange("auto.execute.min.confidence", config.auto_execute_min_confidence(), 0.0, 1.0);
        AutoExecutePolicy policy = new AutoExecutePolicy(config.auto_execute_allowed(), config.auto_execute_min_confidence());
        planning = new LocalizerPlanning(new SlicePlanner(inference, CanonicalGrid.DEFAULT, StackSettings.DEFAULT, BrainBox.POPULATION), policy);
    }

    @Override
    public SlicePlan plan(List<ImageSlice> localizer) {
        return planning.plan(localizer);
    }

    @Override
    public SlicePlan plan(List<ImageSlice> localizer, List<ImageSlice> followUp) {
        return planning.plan(localizer, followUp);
    }
}
