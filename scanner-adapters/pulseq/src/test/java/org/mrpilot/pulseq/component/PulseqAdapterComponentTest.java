package org.mrpilot.pulseq.component;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.config.ConfigurationError;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.api.sequence.Protocol;
import org.mrpilot.api.sequence.SafetyLimits;
import org.mrpilot.sequence.Protocols;
import org.mrpilot.sequence.SequenceBuilder;

class PulseqAdapterComponentTest {
    /** The configuration DS would hand over: the given values, annotation defaults otherwise. */
    private static PulseqAdapterComponent.Config config(Map<String, Object> values) {
        return (PulseqAdapterComponent.Config) Proxy.newProxyInstance(PulseqAdapterComponent.Config.class.getClassLoader(),
                new Class<?>[] {PulseqAdapterComponent.Config.class}, (proxy, method, args) -> {
                    Object v = values.get(method.getName().replace('_', '.'));
                    return v != null ? v : method.getDefaultValue();
                });
    }

    @Test
    void configuredComponentWritesIntoItsFolder(@TempDir Path dir) throws Exception {
        Map<String, Object> props = new HashMap<>(Map.of("output.folder", dir.toString(), "version", "1.4", "component.name", "x"));
        PulseqAdapterComponent c = new PulseqAdapterComponent();
        c.configure(Map.of("mrpilot.data", dir.resolve("data").toString())::get, config(props), props);
        Protocol gre = Protocols.all().get("gre");
        SliceGroup g = new SliceGroup("t", Vec3.ZERO, Vec3.L, Vec3.P, 200, 200, 32, 8, 3, 1, 1, "", "HFS");
        c.push("gre", SequenceBuilder.geometry(gre, g), SequenceBuilder.build(gre, g, SafetyLimits.siemensLike()));
        assertTrue(Files.readString(dir.resolve("gre.seq")).contains("minor 4\n"));
        assertEquals(1, c.status().pushes());
        assertEquals("pulseq", c.vendor());
    }

    @Test
    void withoutAFolderItWritesUnderTheDataDirectory(@TempDir Path dir) throws Exception {
        Map<String, Object> props = Map.of();
        PulseqAdapterComponent c = new PulseqAdapterComponent();
        c.configure(Map.of("mrpilot.data", dir.toString())::get, config(props), props);
        Protocol gre = Protocols.all().get("gre");
        SliceGroup g = new SliceGroup("t", Vec3.ZERO, Vec3.L, Vec3.P, 200, 200, 32, 8, 3, 1, 1, "", "HFS");
        c.push("gre", SequenceBuilder.geometry(gre, g), SequenceBuilder.build(gre, g, SafetyLimits.siemensLike()));
        assertTrue(Files.exists(dir.resolve("pulseq/gre.seq")));
    }

    @Test
    void unknownKeysAndBadValuesAreRefusedByName() {
        Map<String, Object> typo = Map.of("output.foldr", "x");
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> new PulseqAdapterComponent().configure(k -> null, config(typo), typo));
        assertTrue(e.getMessage().contains("output.foldr"), e.getMessage());
        Map<String, Object> version = Map.of("version", "1.3");
        assertTrue(assertThrows(ConfigurationError.class, () -> new PulseqAdapterComponent().configure(k -> null, config(version), version))
                .getMessage().contains("version"));
        Map<String, Object> bad = Map.of("max.gradient.mT.per.m", 0.0, "max.slew.T.per.m.per.s", -150.0, "max.b1rms.uT", Double.NaN,
                "rf.dead.time.us", -1.0, "rf.ringdown.time.us", Double.NaN, "adc.dead.time.us", Double.NEGATIVE_INFINITY);
        for (Map.Entry<String, Object> one : bad.entrySet()) {
            Map<String, Object> limit = Map.of(one.getKey(), one.getValue());
            String message = assertThrows(ConfigurationError.class, () -> new PulseqAdapterComponent().configure(k -> null, config(limit), limit)).getMessage();
            assertTrue(message.contains(one.getKey()), message);
        }
    }
}
