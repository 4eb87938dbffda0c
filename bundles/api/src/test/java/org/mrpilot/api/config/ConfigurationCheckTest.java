package org.mrpilot.api.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigurationCheckTest {
    @interface Sample {
        int port();

        String ae_title();

        String my__key();
    }

    @Test
    void knownKeysFollowTheDsNameMapping() {
        assertDoesNotThrow(() -> ConfigurationCheck.of("p", Map.of("port", 1, "ae.title", "X", "my_key", "y", "service.pid", "p"), Sample.class));
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> ConfigurationCheck.of("p", Map.of("prot", 104), Sample.class));
        assertEquals("prot", e.key());
        assertTrue(e.getMessage().contains("configuration p: key 'prot' is unknown (known keys: ae.title, my_key, port)"), e.getMessage());
    }

    @Test
    void valueChecksNameTheKeyAndTheRule() {
        ConfigurationCheck check = ConfigurationCheck.of("p", Map.of(), Sample.class);
        assertEquals("configuration p: key 'port' is -1, must be within [1, 65535]",
                assertThrows(ConfigurationError.class, () -> check.inRange("port", -1, 1, 65535)).getMessage());
        assertEquals("configuration p: key 'c' is NaN, must be within [0.0, 1.0]",
                assertThrows(ConfigurationError.class, () -> check.inRange("c", Double.NaN, 0.0, 1.0)).getMessage());
        assertThrows(ConfigurationError.class, () -> check.inRange("c", 1.5, 0.0, 1.0));
        assertDoesNotThrow(() -> check.inRange("c", 1.0, 0.0, 1.0));
        assertThrows(ConfigurationError.class, () -> check.atLeast("n", 0, 1));
        assertThrows(ConfigurationError.class, () -> check.positive("x", Double.NaN));
        assertThrows(ConfigurationError.class, () -> check.notBlank("s", " "));
        assertThrows(ConfigurationError.class, () -> check.oneOf("level", "LOUD", Set.of("INFO")));
        assertDoesNotThrow(() -> check.inRange("port", 104, 1, 65535).positive("x", 0.5).notBlank("s", "a").oneOf("level", "INFO", Set.of("INFO")));
    }

    @Test
    void pathsAreRelativeToTheInstallationAndTheDataDirectoryIsRequired() {
        Map<String, String> props = Map.of(AgentProperties.HOME, "/opt/mrpilot");
        assertEquals(Path.of("/opt/mrpilot/models"), AgentProperties.resolve(props::get, "models"));
        assertEquals(Path.of("/abs"), AgentProperties.resolve(props::get, "/abs"));
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> AgentProperties.dataDirectory(k -> null));
        assertEquals(AgentProperties.DATA_DIR, e.key());
    }
}
