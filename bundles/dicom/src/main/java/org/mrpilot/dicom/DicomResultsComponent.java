package org.mrpilot.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mrpilot.api.config.AgentProperties;
import org.mrpilot.api.config.ConfigurationCheck;
import org.mrpilot.api.config.ConfigurationError;
import org.mrpilot.api.dicom.DicomResults;
import org.mrpilot.api.dicom.MapQuantity;
import org.mrpilot.api.dicom.WrittenSeries;
import org.mrpilot.api.exam.ReceivedSeries;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Volume;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The OSGi face of {@link Results}: destinations and outbox from configuration. */
@Component(immediate = true, configurationPid = DicomResultsComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DicomResultsComponent.Config.class)
public class DicomResultsComponent implements DicomResults {
    static final String PID = "org.mrpilot.dicom.results";

    @ObjectClassDefinition(name = "mrpilot DICOM results")
    public @interface Config {
        @AttributeDefinition(description = "Destinations as name=AETITLE@host:port")
        String[] destinations() default {};

        @AttributeDefinition(description = "Our AE title when sending")
        String calling_ae_title() default "MRPILOT";

        @AttributeDefinition(description = "Seconds before retrying an unreachable destination (doubles up to 16x)")
        int retry_interval_s() default 10;

        @AttributeDefinition(description = "Outbox directory; empty = <data>/dicom/outbox")
        String outbox_dir() default "";
    }

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private Results results;

    @Activate
    void activate(BundleContext context, Config config, Map<String, Object> properties) {
        List<Destination> destinations = destinations(config, properties);
        Path dir = config.outbox_dir().isBlank()
                ? AgentProperties.dataDirectory(context::getProperty).resolve("dicom/outbox") : Path.of(config.outbox_dir());
        try {
            results = new Results(dir, destinations, config.calling_ae_title(), Duration.ofSeconds(config.retry_interval_s()), new OsgiLog(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The validated destinations; a bad value is refused with its key's name. */
    static List<Destination> destinations(Config config, Map<String, Object> properties) {
        ConfigurationCheck.of(PID, properties, Config.class).notBlank("calling.ae.title", config.calling_ae_title()).inRange("calling.ae.title", config.calling_ae_title().length(), 1, 16)
                .inRange("retry.interval.s", config.retry_interval_s(), 1, 3600);
        List<Destination> destinations = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String spec : config.destinations()) {
            Destination d;
            try {
                d = Destination.parse(spec);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationError(PID, "destinations", e.getMessage());
            }
            // The name is the outbox folder: two destinations sharing it would share one queue and each send it.
            if (!names.add(d.name())) throw new ConfigurationError(PID, "destinations", "name '" + d.name() + "' is used twice");
            destinations.add(d);
        }
        return destinations;
    }

    @Deactivate
    void deactivate() {
        results.close();
    }

    @Override
    public List<WrittenSeries> sendMap(MapQuantity quantity, Volume valuesS, ReceivedSeries source) {
        return results.sendMap(quantity, valuesS, source);
    }

    @Override
    public WrittenSeries sendPlanReview(ReceivedSeries localizer, int sliceIndex, List<SliceGroup> plan) {
        return results.sendPlanReview(localizer, sliceIndex, plan);
    }

    @Override
    public int pending() {
        return results.pending();
    }
}
