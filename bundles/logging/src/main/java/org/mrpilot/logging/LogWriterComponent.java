package org.mrpilot.logging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mrpilot.api.config.AgentProperties;
import org.mrpilot.api.config.ConfigurationCheck;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Sends every OSGi log entry to the console and to {@code <data>/logs/mrpilot.log} (rolled by size). */
@Component(immediate = true, configurationPid = LogWriterComponent.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = LogWriterComponent.Config.class)
public class LogWriterComponent implements LogListener {
    static final String PID = "org.mrpilot.logging";
    private static final Set<String> LEVELS = Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");

    @ObjectClassDefinition(name = "mrpilot logging")
    public @interface Config {
        @AttributeDefinition(description = "Least severe level printed on the console")
        String console_level() default "INFO";

        @AttributeDefinition(description = "Least severe level written to the log file")
        String file_level() default "DEBUG";

        @AttributeDefinition(description = "Size at which the log file rolls over, in bytes")
        long file_max_bytes() default 10L * 1024 * 1024;

        @AttributeDefinition(description = "Log files kept, the current one included")
        int file_count() default 5;
    }

    private final PrintStream console = System.out;
    @Reference
    private LogReaderService reader;
    private LogLevel consoleLevel;
    private LogLevel fileLevel;
    private RollingFile file;
    /** Highest sequence number written; history replays (at start and stop) skip what was written already. */
    private long lastWritten = -1;

    @Activate
    void activate(BundleContext context, Config config, Map<String, Object> properties) throws IOException {
        ConfigurationCheck.of(PID, properties, Config.class)
                .oneOf("console.level", config.console_level(), LEVELS)
                .oneOf("file.level", config.file_level(), LEVELS)
                .atLeast("file.max.bytes", config.file_max_bytes(), 4096)
                .inRange("file.count", config.file_count(), 1, 100);
        consoleLevel = LogLevel.valueOf(config.console_level());
        fileLevel = LogLevel.valueOf(config.file_level());
        Path logFile = AgentProperties.dataDirectory(context::getProperty).resolve("logs").resolve("mrpilot.log");
        file = new RollingFile(logFile, config.file_max_bytes(), config.file_count());
        reader.addLogListener(this);
        writeHistory();
        console.printf("mrpilot: logging to console (%s) and %s (%s)%n", consoleLevel, logFile, fileLevel);
    }

    /**
     * Writes what the log service holds but this writer has not written: at start, the framework's and bundles'
     * start-up; at stop, entries still queued for asynchronous delivery (the shutdown itself). Oldest first.
     */
    @SuppressWarnings("unchecked")
    private synchronized void writeHistory() {
        List<LogEntry> history = new ArrayList<>();
        for (Enumeration<LogEntry> e = reader.getLog(); e.hasMoreElements(); ) history.add(e.nextElement());
        Collections.reverse(history);
        history.forEach(this::write);
    }

    @Deactivate
    void deactivate() throws IOException {
        reader.removeLogListener(this);
        writeHistory();
        file.close();
    }

    @Override
    public void logged(LogEntry entry) {
        write(entry);
    }

    private synchronized void write(LogEntry entry) {
        // Live delivery and history may overlap or arrive out of order; the sequence number settles it.
        if (entry.getSequence() <= lastWritten) return;
        lastWritten = entry.getSequence();
        LogLevel level = entry.getLogLevel();
        String origin = origin(entry);
        // Service registrations are many and rarely interesting: file only.
        boolean serviceEvent = entry.getLoggerName() != null && entry.getLoggerName().startsWith("Events.Service");
        if (consoleLevel.implies(level) && !(serviceEvent && consoleLevel != LogLevel.DEBUG && consoleLevel != LogLevel.TRACE)) {
            console.print(LogFormat.line(entry.getTime(), level.name(), origin, entry.getMessage(), entry.getException(), false));
        }
        if (fileLevel.implies(level)) {
            try {
                file.write(LogFormat.line(entry.getTime(), level.name(), origin, entry.getMessage(), entry.getException(), true));
            } catch (IOException e) {
                console.println("mrpilot: cannot write the log file: " + e.getMessage());
            }
        }
    }

    private static String origin(LogEntry entry) {
        Bundle bundle = entry.getBundle();
        String name = entry.getLoggerName();
        if (name == null || name.startsWith("Events.") || name.equals("LogService") || name.equals("ROOT")) {
            return bundle == null ? "framework" : bundle.getSymbolicName();
        }
        return name;
    }
}
