package org.mrpilot.api.config;

import java.nio.file.Path;
import java.util.function.Function;

/** Framework properties every bundle may read; set by the launcher. */
public final class AgentProperties {
    /** The agent's data directory: logs, native libraries, received data, outbox. */
    public static final String DATA_DIR = "mrpilot.data";
    /** The agent's installation directory; relative paths in configuration are resolved against it. */
    public static final String HOME = "mrpilot.home";

    private AgentProperties() {
    }

    /** The data directory from a property lookup (e.g. {@code BundleContext::getProperty}); refuses when unset. */
    public static Path dataDirectory(Function<String, String> properties) {
        String value = properties.apply(DATA_DIR);
        if (value == null || value.isBlank()) {
            throw new ConfigurationError("framework", DATA_DIR, "is not set (the launcher sets it to the agent's data directory)");
        }
        return Path.of(value).toAbsolutePath();
    }

    /** A path from configuration: absolute as given, relative to {@link #HOME} (or the working directory when unset). */
    public static Path resolve(Function<String, String> properties, String path) {
        Path p = Path.of(path);
        if (p.isAbsolute()) return p;
        String home = properties.apply(HOME);
        return (home == null || home.isBlank() ? p : Path.of(home).resolve(p)).toAbsolutePath().normalize();
    }
}
