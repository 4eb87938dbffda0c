package org.mrpilot.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mrpilot.api.geometry.Vec3;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The packaged bundle in Felix with SCR and Config Admin: it resolves with nothing but the JRE, the api bundle and
 * the OSGi services; the receiver component starts from its configuration and stores what dcmtk sends; a bad port
 * fails activation with the key's name.
 */
class OsgiBundleTest {
    /** Bundles from the test class path, by a fragment of their jar name, in start order. */
    private static final List<String> BUNDLES = List.of("org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component-",
            "org.apache.felix.log", "org.apache.felix.configadmin", "org.apache.felix.scr", "mrpilot-api", "mrpilot-dicom");
    private static final int FAILED_ACTIVATION = 16;
    private static final int ACTIVE = 8;

    @TempDir
    Path tmp;
    private Framework framework;

    @AfterEach
    void stop() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void receiverRunsInFelixAndRefusesABadPort() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("felix").toString());
        props.put("mrpilot.data", tmp.resolve("data").toString());
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(props);
        framework.start();
        BundleContext context = framework.getBundleContext();
        List<Bundle> bundles = new ArrayList<>();
        for (String name : BUNDLES) bundles.add(context.installBundle(jar(name).toUri().toString()));
        for (Bundle b : bundles) b.start();
        for (Bundle b : bundles) assertEquals(Bundle.ACTIVE, b.getState(), b.getSymbolicName());

        int port = Tools.freePort();
        configure(context, Map.of("port", port, "quiet.period.s", 1));
        awaitState(context, "org.mrpilot.dicom.DicomReceiverComponent", ACTIVE);
        List<Path> files = PhantomSeries.write(tmp.resolve("in"), "1.2.826.0.1.3680043.9.7777.60", 1, "t1", PhantomSeries.stack(3, Vec3.ZERO, Vec3.L, Vec3.P, 5),
                16, 10, false);
        Tools.Result sent = Tools.storescu(port, "SCANNER", "MRPILOT", files);
        assertEquals(0, sent.exit(), sent.output());
        try (Stream<Path> stored = Files.walk(tmp.resolve("data/dicom/received/studies"))) {
            assertEquals(3, stored.filter(p -> p.toString().endsWith(".dcm")).count());
        }

        configure(context, Map.of("port", 70000));
        Object failed = awaitState(context, "org.mrpilot.dicom.DicomReceiverComponent", FAILED_ACTIVATION);
        String failure = (String) failed.getClass().getField("failure").get(failed);
        assertTrue(failure.contains("key 'port'"), failure);
    }

    private static Path jar(String fragment) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.getFileName().toString().startsWith(fragment) && p.toString().endsWith(".jar")) return p;
        }
        throw new IllegalStateException("no " + fragment + " jar on the test class path");
    }

    /** Any registration of the service: the test class path has its own copies of some OSGi APIs, which a class-space check would hide. */
    private static Object service(BundleContext context, String name) throws Exception {
        var refs = context.getAllServiceReferences(name, null);
        if (refs == null) throw new AssertionError("no " + name + " service");
        return context.getService(refs[0]);
    }

    /** Config Admin and SCR are used reflectively: their API classes live in the framework, not in this class loader. */
    private static void configure(BundleContext context, Map<String, Object> values) throws Exception {
        Object cm = service(context, "org.osgi.service.cm.ConfigurationAdmin");
        Object conf = cm.getClass().getMethod("getConfiguration", String.class, String.class).invoke(cm, DicomReceiverComponent.PID, "?");
        Dictionary<String, Object> d = new Hashtable<>(values);
        conf.getClass().getMethod("update", Dictionary.class).invoke(conf, d);
    }

    /** Waits until a configuration of the component reaches {@code state}; returns its DTO. */
    private static Object awaitState(BundleContext context, String component, int state) throws Exception {
        Object scr = service(context, "org.osgi.service.component.runtime.ServiceComponentRuntime");
        long deadline = System.currentTimeMillis() + 10_000;
        int last = -1;
        while (System.currentTimeMillis() < deadline) {
            for (Object description : (Iterable<?>) scr.getClass().getMethod("getComponentDescriptionDTOs", Bundle[].class).invoke(scr, (Object) new Bundle[0])) {
                if (!component.equals(description.getClass().getField("name").get(description))) continue;
                Object configs = scr.getClass().getMethod("getComponentConfigurationDTOs", description.getClass()).invoke(scr, description);
                for (Object c : (Iterable<?>) configs) {
                    last = c.getClass().getField("state").getInt(c);
                    if (last == state) return c;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(component + " did not reach state " + state + " (last " + last + ")");
    }
}
