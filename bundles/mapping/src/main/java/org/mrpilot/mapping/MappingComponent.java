package org.mrpilot.mapping;

import java.util.Map;
import org.mrpilot.api.config.ConfigurationCheck;
import org.mrpilot.api.inference.InferenceService;
import org.mrpilot.api.mapping.MappingMethod;
import org.mrpilot.api.mapping.MappingService;
import org.mrpilot.api.mapping.QuantitativeMap;
import org.mrpilot.api.mapping.WeightedSeries;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The OSGi face of {@link RelaxometryMapping}; the RIM models (rim-t1, rim-t2) are loaded by the inference host. */
@Component(immediate = true, configurationPid = MappingComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MappingComponent.Config.class)
public class MappingComponent implements MappingService {
    static final String PID = "org.mrpilot.mapping";

    @ObjectClassDefinition(name = "mrpilot mapping")
    public @interface Config {
        @AttributeDefinition(description = "Threads of the MLE fit; 0 = one per core")
        int mle_threads() default 0;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL)
    private volatile InferenceService inference;

    private MleMapper mle;

    @Activate
    void activate(Config config, Map<String, Object> properties) {
        ConfigurationCheck.of(PID, properties, Config.class).inRange("mle.threads", config.mle_threads(), 0, 256);
        mle = new MleMapper(config.mle_threads());
    }

    @Deactivate
    void deactivate() {
        mle.close();
    }

    @Override
    public QuantitativeMap map(WeightedSeries series, MappingMethod method) {
        return new RelaxometryMapping(inference, mle).map(series, method);
    }
}
