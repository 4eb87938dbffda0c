package org.mrpilot.pulseq.component;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.mrpilot.api.adapter.AdapterException;
import org.mrpilot.api.adapter.AdapterStatus;
import org.mrpilot.api.adapter.PushResult;
import org.mrpilot.api.adapter.ScannerAdapter;
import org.mrpilot.api.config.AgentProperties;
import org.mrpilot.api.config.ConfigurationCheck;
import org.mrpilot.api.sequence.GeometryTable;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.api.sequence.SequenceRefusedException;
import org.mrpilot.api.sequence.SequenceTable;
import org.mrpilot.pulseq.PulseqAdapter;
import org.mrpilot.pulseq.PulseqVersion;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The OSGi face of {@link PulseqAdapter}: configuration only. */
@Component(service = ScannerAdapter.class, configurationPid = PulseqAdapterComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PulseqAdapterComponent.Config.class)
public class PulseqAdapterComponent implements ScannerAdapter {
    static final String PID = "org.mrpilot.pulseq";

    @ObjectClassDefinition(name = "mrpilot Pulseq adapter")
    public @interface Config {
        @AttributeDefinition(description = "Folder the .seq and .geometry.json files are written to; empty = <data>/pulseq; relative to mrpilot.home")
        String output_folder() default "";

        @AttributeDefinition(description = "Format version: 1.5 (default) or 1.4")
        String version() default "1.5";

        @AttributeDefinition(description = "Maximum gradient amplitude, mT/m")
        double max_gradient_mT_per_m() default 28;

        @AttributeDefinition(description = "Maximum slew rate, T/m/s")
        double max_slew_T_per_m_per_s() default 150;

        @AttributeDefinition(description = "RF dead time, us")
        double rf_dead_time_us() default 100;

        @AttributeDefinition(description = "RF ring-down time, us")
        double rf_ringdown_time_us() default 30;

        @AttributeDefinition(description = "ADC dead time, us")
        double adc_dead_time_us() default 10;

        @AttributeDefinition(description = "Limit on B1+rms over every 10 s (RF energy / SAR estimate), uT")
        double max_b1rms_uT() default 5;
    }

    private PulseqAdapter adapter;

    @Activate
    void activate(BundleContext context, Config config, Map<String, Object> properties) {
        configure(context::getProperty, config, properties);
    }

    /** Activation without a framework: {@code frameworkProperties} supplies mrpilot.home and mrpilot.data. */
    void configure(Function<String, String> frameworkProperties, Config config, Map<String, Object> properties) {
        ConfigurationCheck.of(PID, properties, Config.class)
                .positive("max.gradient.mT.per.m", config.max_gradient_mT_per_m())
                .positive("max.slew.T.per.m.per.s", config.max_slew_T_per_m_per_s())
                .positive("max.b1rms.uT", config.max_b1rms_uT());
        notNegative("rf.dead.time.us", config.rf_dead_time_us());
        notNegative("rf.ringdown.time.us", config.rf_ringdown_time_us());
        notNegative("adc.dead.time.us", config.adc_dead_time_us());
        PulseqVersion version;
        try {
            version = PulseqVersion.parse(config.version());
        } catch (IllegalArgumentException e) {
            throw new org.mrpilot.api.config.ConfigurationError(PID, "version", e.getMessage());
        }
        SafetyLimits limits = new SafetyLimits(config.max_gradient_mT_per_m() * 1e-3, config.max_slew_T_per_m_per_s(), config.rf_dead_time_us() * 1e-6,
                config.rf_ringdown_time_us() * 1e-6, config.adc_dead_time_us() * 1e-6, config.max_b1rms_uT(), SafetyLimits.PROTON_GAMMA_HZ_PER_T);
        Path folder = config.output_folder().isBlank()
                ? AgentProperties.dataDirectory(frameworkProperties).resolve("pulseq")
                : AgentProperties.resolve(frameworkProperties, config.output_folder());
        adapter = new PulseqAdapter(folder, version, limits);
    }

    /** A dead time may be zero, unlike the limits {@link ConfigurationCheck#positive} covers. */
    private static void notNegative(String key, double us) {
        if (!(us >= 0) || Double.isInfinite(us)) throw new org.mrpilot.api.config.ConfigurationError(PID, key, "is " + us + ", must be zero or more");
    }

    @Override
    public String vendor() {
        return adapter.vendor();
    }

    @Override
    public PushResult push(String name, GeometryTable geometry, SequenceTable sequence) throws SequenceRefusedException, AdapterException {
        return adapter.push(name, geometry, sequence);
    }

    @Override
    public AdapterStatus status() {
        return adapter.status();
    }
}
