package org.mrpilot.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mrpilot.api.config.AgentProperties;
import org.mrpilot.api.config.ConfigurationCheck;
import org.mrpilot.api.config.ConfigurationError;
import org.mrpilot.api.exam.ExamEventListener;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The OSGi face of the DICOM {@link Receiver}: configuration and the {@link ExamEventListener} whiteboard. */
@Component(immediate = true, configurationPid = DicomReceiverComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DicomReceiverComponent.Config.class)
public class DicomReceiverComponent {
    static final String PID = "org.mrpilot.dicom.receiver";
    /** An instance being validated is in memory about four times: file bytes, parsed attributes, float pixels (2x 16-bit). */
    static final int COPIES_IN_MEMORY = 4;

    @ObjectClassDefinition(name = "mrpilot DICOM receiver")
    public @interface Config {
        @AttributeDefinition(description = "Our AE title (1-16 characters)")
        String ae_title() default "MRPILOT";

        @AttributeDefinition(description = "TCP port")
        int port() default 11112;

        @AttributeDefinition(description = "Interface to listen on")
        String bind_address() default "0.0.0.0";

        @AttributeDefinition(description = "Calling AE titles allowed to send; empty = any")
        String[] calling_ae_titles() default {};

        @AttributeDefinition(description = "Associations served at once")
        int max_associations() default 8;

        @AttributeDefinition(description = "Seconds without a new image after which a series is complete")
        int quiet_period_s() default 5;

        @AttributeDefinition(description = "Largest instance accepted, in MiB; max.associations instances of this size must fit in the heap")
        int max_instance_mib() default 32;

        @AttributeDefinition(description = "Store directory; empty = <data>/dicom/received")
        String store_dir() default "";
    }

    private final List<ExamEventListener> listeners = new CopyOnWriteArrayList<>();

    @Reference(service = LoggerFactory.class)
    private Logger log;

    private Receiver receiver;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ExamEventListener l) {
        listeners.add(l);
    }

    void removeListener(ExamEventListener l) {
        listeners.remove(l);
    }

    @Activate
    void activate(BundleContext context, Config config, Map<String, Object> properties) {
        ScpSettings settings = settings(config, properties);
        Path dir = config.store_dir().isBlank()
                ? AgentProperties.dataDirectory(context::getProperty).resolve("dicom/received") : Path.of(config.store_dir());
        try {
            receiver = new Receiver(settings, new InstanceStore(dir, (long) config.max_instance_mib() << 20), () -> listeners, new OsgiLog(log));
        } catch (IOException e) {
            log.error("DICOM receiver not started: {}", e.getMessage());
            throw new UncheckedIOException(e);
        }
    }

    /** The validated settings; a bad value is refused with its key's name. */
    static ScpSettings settings(Config config, Map<String, Object> properties) {
        ConfigurationCheck.of(PID, properties, Config.class).notBlank("ae.title", config.ae_title()).inRange("ae.title", config.ae_title().length(), 1, 16)
                .inRange("port", config.port(), 1, 65535).inRange("max.associations", config.max_associations(), 1, 256)
                .inRange("quiet.period.s", config.quiet_period_s(), 1, 3600).inRange("max.instance.mib", config.max_instance_mib(), 1, 4096);
        long heapMib = Runtime.getRuntime().maxMemory() >> 20;
        long fitMib = heapMib / ((long) COPIES_IN_MEMORY * config.max_associations());
        if (config.max_instance_mib() > fitMib) {
            throw new ConfigurationError(PID, "max.instance.mib", "is " + config.max_instance_mib() + ", but " + config.max_associations()
                    + " associations at once, each holding an instance about " + COPIES_IN_MEMORY + " times, fit a heap of " + heapMib
                    + " MiB only up to " + fitMib);
        }
        for (String ae : config.calling_ae_titles()) {
            if (ae.isBlank() || ae.length() > 16) throw new ConfigurationError(PID, "calling.ae.titles", "has '" + ae + "', AE titles are 1-16 characters");
        }
        try {
            return new ScpSettings(config.ae_title(), InetAddress.getByName(config.bind_address()), config.port(), Set.of(config.calling_ae_titles()),
                    config.max_associations(), Duration.ofSeconds(config.quiet_period_s()));
        } catch (UnknownHostException e) {
            throw new ConfigurationError(PID, "bind.address", "is '" + config.bind_address() + "', which is not an address of this host");
        }
    }

    @Deactivate
    void deactivate() {
        receiver.close();
    }
}
