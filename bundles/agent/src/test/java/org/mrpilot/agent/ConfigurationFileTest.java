package org.mrpilot.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.config.ConfigurationError;

class ConfigurationFileTest {
    @TempDir
    Path dir;

    @Test
    void readsPidsWithTypedValues() throws Exception {
        var pids = ConfigurationFile.read(write("""
                {"a.pid": {"port": 104, "ratio": 0.5, "name": "x", "on": true, "aets": ["A", "B"], "big": 1e3}}
                """));
        var a = pids.get("a.pid");
        assertEquals(104L, a.get("port"));
        assertEquals(0.5, a.get("ratio"));
        assertEquals("x", a.get("name"));
        assertEquals(true, a.get("on"));
        assertArrayEquals(new String[] {"A", "B"}, (String[]) a.get("aets"));
        assertEquals(1000L, a.get("big"));
    }

    @Test
    void refusesBrokenJsonWithLineAndColumn() throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigurationFile.read(write("{\"a\": {\"k\": 1,}}")));
        assertTrue(e.getMessage().startsWith("is not valid JSON: ") && e.getMessage().contains("line 1 column"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfigurationFile.read(write("[1, 2]")));
        assertThrows(IllegalArgumentException.class, () -> ConfigurationFile.read(write("{\"a\": {}} trailing")));
        assertThrows(IllegalArgumentException.class, () -> ConfigurationFile.read(dir.resolve("missing.json")));
    }

    @Test
    void refusesValuesOfTheWrongKindNamingPidAndKey() throws Exception {
        var nested = assertThrows(ConfigurationError.class, () -> ConfigurationFile.read(write("{\"a.pid\": {\"k\": {\"x\": 1}}}")));
        assertEquals("a.pid", nested.pid());
        assertEquals("k", nested.key());
        var mixed = assertThrows(ConfigurationError.class, () -> ConfigurationFile.read(write("{\"a.pid\": {\"k\": [1, \"x\"]}}")));
        assertEquals("k", mixed.key());
        assertThrows(ConfigurationError.class, () -> ConfigurationFile.read(write("{\"a.pid\": 3}")));
        assertThrows(ConfigurationError.class, () -> ConfigurationFile.read(write("{\"a.pid\": {\"k\": 1e30}}")));
    }

    @Test
    void failureReasonDropsTheExceptionClass() {
        assertEquals("configuration x: key 'k' is unknown",
                AgentStatus.reason("org.mrpilot.api.config.ConfigurationError: configuration x: key 'k' is unknown\n\tat a.b(C.java:1)"));
    }

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("c" + System.nanoTime() + ".json"), json);
    }
}
