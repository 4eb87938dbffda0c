package org.mrpilot.api.config;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Checks a component's configuration before it is used, so a typo or an impossible value stops the component
 * with the key's name instead of running on a silent default.
 */
public final class ConfigurationCheck {
    /** Keys the framework and Config Admin add to every configuration. */
    private static final Set<String> FRAMEWORK_KEYS = Set.of(
            "service.pid", "service.factoryPid", "service.bundleLocation", "component.name", "component.id",
            "felix.fileinstall.filename", ":configurator:resource-version");

    private final String pid;

    private ConfigurationCheck(String pid) {
        this.pid = pid;
    }

    /**
     * Starts a check of {@code properties} against the keys a DS configuration annotation type declares
     * (method names with '_' read as '.', the DS 1.4 name mapping); refuses keys it does not declare.
     */
    public static ConfigurationCheck of(String pid, Map<String, ?> properties, Class<?> configType) {
        Set<String> known = new HashSet<>();
        for (Method m : configType.getDeclaredMethods()) {
            known.add(keyOf(m.getName()));
        }
        for (String key : properties.keySet()) {
            if (!known.contains(key) && !FRAMEWORK_KEYS.contains(key) && !key.startsWith("osgi.") && !key.startsWith(".")
                    && !key.startsWith("component.") && !key.startsWith("service.")) {
                throw new ConfigurationError(pid, key, "is unknown (known keys: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
        return new ConfigurationCheck(pid);
    }

    static String keyOf(String methodName) {
        return methodName.replace("__", "\u0000").replace('_', '.').replace('\u0000', '_').replace("$", "");
    }

    public ConfigurationCheck atLeast(String key, long value, long min) {
        if (value < min) throw new ConfigurationError(pid, key, "is " + value + ", must be at least " + min);
        return this;
    }

    public ConfigurationCheck inRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigurationError(pid, key, "is " + value + ", must be within [" + min + ", " + max + "]");
        }
        return this;
    }

    public ConfigurationCheck inRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigurationError(pid, key, "is " + value + ", must be within [" + min + ", " + max + "]");
        }
        return this;
    }

    public ConfigurationCheck positive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) throw new ConfigurationError(pid, key, "is " + value + ", must be positive");
        return this;
    }

    public ConfigurationCheck notBlank(String key, String value) {
        if (value == null || value.isBlank()) throw new ConfigurationError(pid, key, "is empty");
        return this;
    }

    public ConfigurationCheck oneOf(String key, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new ConfigurationError(pid, key, "is '" + value + "', must be one of " + allowed.stream().sorted().toList());
        }
        return this;
    }
}
