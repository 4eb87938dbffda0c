package org.mrpilot.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import org.mrpilot.api.config.ConfigurationError;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Loads the file named by the framework property {@code mrpilot.config} into Config Admin before the product's
 * bundles start (start levels), so every component starts once, with its configuration. A file that cannot
 * be read or parsed stops the agent: running on defaults would hide the operator's intent.
 */
@Component(immediate = true)
public class ConfigurationFileComponent {
    static final String CONFIG_FILE = "mrpilot.config";

    @Reference(service = LoggerFactory.class)
    private Logger log;

    @Reference
    private ConfigurationAdmin configurationAdmin;

    @Activate
    void activate(BundleContext context) throws IOException {
        String name = context.getProperty(CONFIG_FILE);
        if (name == null || name.isBlank()) {
            log.info("no configuration file ({} not set): components use their defaults", CONFIG_FILE);
            return;
        }
        Path file = Path.of(name).toAbsolutePath();
        Map<String, Hashtable<String, Object>> pids;
        try {
            pids = ConfigurationFile.read(file);
        } catch (IllegalArgumentException | ConfigurationError e) {
            String problem = e instanceof ConfigurationError ? e.getMessage() : "the file " + e.getMessage();
            log.error("configuration file {} refused: {}; the agent stops", file, problem);
            System.err.println("mrpilot: configuration file " + file + " refused: " + problem);
            AgentLifecycle.exit(context, 2);
            return;
        }
        for (var pid : pids.entrySet()) {
            Configuration configuration = configurationAdmin.getConfiguration(pid.getKey(), "?");
            configuration.updateIfDifferent(pid.getValue());
        }
        log.info("configuration {} loaded: {}", file, pids.keySet());
    }
}
