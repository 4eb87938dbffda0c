package org.mrpilot.api.config;

/** A configuration value a component refuses to start with; names the configuration and the key. */
public class ConfigurationError extends RuntimeException {
    private final String pid;
    private final String key;

    public ConfigurationError(String pid, String key, String problem) {
        super("configuration " + pid + ": key '" + key + "' " + problem);
        this.pid = pid;
        this.key = key;
    }

    public String pid() {
        return pid;
    }

    public String key() {
        return key;
    }
}
