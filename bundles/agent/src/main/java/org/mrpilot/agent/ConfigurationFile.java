package org.mrpilot.agent;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mrpilot.api.config.ConfigurationError;

/**
 * The agent's configuration file: a JSON object whose keys are configuration PIDs and whose values are objects
 * of that configuration's keys. Values may be strings, numbers (whole numbers become Long, others Double),
 * booleans, or arrays of one of those. An unreadable file or bad JSON is an {@link IllegalArgumentException};
 * a value of the wrong kind a {@link ConfigurationError} naming PID and key.
 */
final class ConfigurationFile {
    private ConfigurationFile() {
    }

    static Map<String, Hashtable<String, Object>> read(Path file) {
        JsonObject root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonReader json = new JsonReader(reader);
            json.setStrictness(Strictness.STRICT);
            JsonElement parsed = com.google.gson.JsonParser.parseReader(json);
            if (json.peek() != com.google.gson.stream.JsonToken.END_DOCUMENT) throw new JsonParseException("text after the top-level object");
            if (!parsed.isJsonObject()) throw new JsonParseException("the top level must be an object of configuration PIDs");
            root = parsed.getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be read: " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new IllegalArgumentException("is not valid JSON: " + why.lines().findFirst().orElse(why), e);
        }
        Map<String, Hashtable<String, Object>> pids = new LinkedHashMap<>();
        for (var pid : root.entrySet()) {
            if (!pid.getValue().isJsonObject()) throw new ConfigurationError(pid.getKey(), "(all)", "must be a JSON object of keys");
            Hashtable<String, Object> properties = new Hashtable<>();
            for (var key : pid.getValue().getAsJsonObject().entrySet()) {
                properties.put(key.getKey(), value(pid.getKey(), key.getKey(), key.getValue()));
            }
            pids.put(pid.getKey(), properties);
        }
        return pids;
    }

    private static Object value(String pid, String key, JsonElement v) {
        if (v.isJsonPrimitive()) return primitive(pid, key, v.getAsJsonPrimitive());
        if (v.isJsonArray()) {
            JsonArray a = v.getAsJsonArray();
            if (a.isEmpty()) return new String[0];
            Object first = value(pid, key, a.get(0));
            Object[] out = (Object[]) java.lang.reflect.Array.newInstance(first.getClass(), a.size());
            for (int i = 0; i < a.size(); i++) {
                Object item = a.get(i).isJsonPrimitive() ? primitive(pid, key, a.get(i).getAsJsonPrimitive()) : null;
                if (item == null || item.getClass() != first.getClass()) {
                    throw new ConfigurationError(pid, key, "must be an array of values of one type");
                }
                out[i] = item;
            }
            return out;
        }
        throw new ConfigurationError(pid, key, "must be a string, number, boolean or array (got " + (v.isJsonNull() ? "null" : "an object") + ")");
    }

    private static Object primitive(String pid, String key, JsonPrimitive p) {
        if (p.isBoolean()) return p.getAsBoolean();
        if (p.isString()) return p.getAsString();
        java.math.BigDecimal d = p.getAsBigDecimal();
        if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw new ConfigurationError(pid, key, "is " + d + ", too large for a whole number");
            }
        }
        return d.doubleValue();
    }

}
