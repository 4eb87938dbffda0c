package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mrpilot.api.config.ConfigurationError;

/** The components refuse bad configuration with the key's name, as Declarative Services would hand it to them. */
class ConfigurationTest {
    /** The configuration object SCR builds: each method returns the property (its name with '_' read as '.') or its default. */
    @SuppressWarnings("unchecked")
    static <T> T config(Class<T> type, Map<String, Object> properties) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object v = properties.get(method.getName().replace('_', '.'));
            return v != null ? v : method.getDefaultValue();
        });
    }

    private static ConfigurationError receiverRefuses(Map<String, Object> properties) {
        return assertThrows(ConfigurationError.class,
                () -> DicomReceiverComponent.settings(config(DicomReceiverComponent.Config.class, properties), properties));
    }

    @Test
    void receiverDefaultsAreValidAndBadValuesNameTheirKey() {
        ScpSettings defaults = DicomReceiverComponent.settings(config(DicomReceiverComponent.Config.class, Map.of()), Map.of());
        assertEquals(11112, defaults.port());
        assertEquals("MRPILOT", defaults.aeTitle());
        ScpSettings custom = DicomReceiverComponent.settings(config(DicomReceiverComponent.Config.class,
                Map.of("calling.ae.titles", new String[] {"SCANNER"})), Map.of("calling.ae.titles", new String[] {"SCANNER"}));
        assertEquals(Set.of("SCANNER"), custom.acceptedCallingAeTitles());

        assertEquals("port", receiverRefuses(Map.of("port", 70000)).key());
        assertEquals("port", receiverRefuses(Map.of("port", 0)).key());
        assertEquals("ae.title", receiverRefuses(Map.of("ae.title", "MUCH_TOO_LONG_AE_TITLE")).key());
        assertEquals("quiet.period.s", receiverRefuses(Map.of("quiet.period.s", 0)).key());
        assertEquals("calling.ae.titles", receiverRefuses(Map.of("calling.ae.titles", new String[] {""})).key());
        assertEquals("bind.address", receiverRefuses(Map.of("bind.address", "no.such.host.invalid")).key());
        ConfigurationError heap = receiverRefuses(Map.of("max.instance.mib", 4096, "max.associations", 256));
        assertEquals("max.instance.mib", heap.key(), "4096 MiB x 256 associations fit no heap");
        assertTrue(heap.getMessage().contains("fit a heap of"), heap.getMessage());
        assertEquals("prot", receiverRefuses(Map.of("prot", 104)).key(), "a typo is refused, not ignored");
    }

    @Test
    void resultsRefuseMalformedDestinations() {
        Map<String, Object> ok = Map.of("destinations", new String[] {"console=CONSOLE@10.0.0.5:104", "pacs=PACS@pacs.local:11112"});
        var destinations = DicomResultsComponent.destinations(config(DicomResultsComponent.Config.class, ok), ok);
        assertEquals(new Destination("pacs", "pacs.local", 11112, "PACS"), destinations.get(1));

        for (String bad : new String[] {"pacs@host:104", "pacs=PACS@host:99999", "pacs=PACS@host:port", "p/a=PACS@host:104"}) {
            Map<String, Object> p = Map.of("destinations", new String[] {bad});
            ConfigurationError e = assertThrows(ConfigurationError.class,
                    () -> DicomResultsComponent.destinations(config(DicomResultsComponent.Config.class, p), p), bad);
            assertEquals("destinations", e.key());
        }
        Map<String, Object> twice = Map.of("destinations", new String[] {"pacs=PACS@pacs.local:104", "pacs=ARCHIVE@archive.local:104"});
        ConfigurationError duplicate = assertThrows(ConfigurationError.class,
                () -> DicomResultsComponent.destinations(config(DicomResultsComponent.Config.class, twice), twice));
        assertEquals("destinations", duplicate.key());
        assertTrue(duplicate.getMessage().contains("'pacs' is used twice"), duplicate.getMessage());
        Map<String, Object> blank = Map.of("calling.ae.title", "   ");
        assertEquals("calling.ae.title", assertThrows(ConfigurationError.class,
                () -> DicomResultsComponent.destinations(config(DicomResultsComponent.Config.class, blank), blank)).key());
        Map<String, Object> retry = Map.of("retry.interval.s", -1);
        assertEquals("retry.interval.s", assertThrows(ConfigurationError.class,
                () -> DicomResultsComponent.destinations(config(DicomResultsComponent.Config.class, retry), retry)).key());
    }
}
