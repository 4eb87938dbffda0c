package org.mrpilot.agent;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mrpilot.api.lifecycle.StartupWork;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Watches start-up until every bundle is active, every component satisfied and every piece of {@link StartupWork}
 * done, then logs "agent ready" with the time since JVM start; logs each component that failed (e.g. refused its
 * configuration). Turns SIGINT and SIGTERM into an orderly framework stop followed by exit code 0.
 */
@Component(immediate = true)
public class AgentLifecycle {
    /** Start-up is reported as stalled after this long; components that wait for a peer may still come. */
    private static final long READY_TIMEOUT_MS = 60_000;
    private static final long STOP_TIMEOUT_MS = 4_500;
    private static final String LOG_WRITER = "org.mrpilot.logging.LogWriterComponent";
    /** One stop per JVM, whether a second signal or a configuration error asks again. */
    private static final AtomicBoolean EXITING = new AtomicBoolean();

    @Reference(service = LoggerFactory.class)
    private Logger log;

    @Reference
    private ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<StartupWork> startupWork;

    private BundleContext context;
    private ScheduledExecutorService watcher;
    private ScheduledFuture<?> poll;
    private long watchStartMs;
    private boolean slowWorkReported;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        Signals.onTermination(this::stopFramework);
        watcher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "mrpilot-readiness"));
        watchStartMs = System.currentTimeMillis();
        poll = watcher.scheduleWithFixedDelay(this::checkReady, 50, 50, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        watcher.shutdownNow();
    }

    private void checkReady() {
        if (!startLevelsDone()) return;
        AgentStatus status = AgentStatus.of(context, scr, startupWork);
        boolean timedOut = System.currentTimeMillis() - watchStartMs > READY_TIMEOUT_MS;
        boolean onlyFailures = !status.problems().isEmpty() && status.problems().stream().allMatch(p -> p.contains("failed to start"));
        if (status.ready()) {
            double seconds = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
            log.info("agent ready in {} s after JVM start: {} bundles active, {} components satisfied",
                    String.format(Locale.ROOT, "%.2f", seconds), status.bundles(), status.components());
            poll.cancel(false);
        } else if (onlyFailures || (timedOut && !status.problems().isEmpty())) {
            // If the console log writer is among the failures, nobody else would print these.
            boolean consoleDown = status.problems().stream().anyMatch(p -> p.contains(LOG_WRITER));
            for (String problem : status.problems()) {
                log.error("agent not fully started: {}", problem);
                if (consoleDown) System.err.println("mrpilot: agent not fully started: " + problem);
            }
            poll.cancel(false);
        } else if (timedOut && !slowWorkReported) {
            // Start-up work that outlasts the timeout (a slow disk, a busy host) still ends; keep watching for it.
            log.warn("agent not ready after {} s: still {}", READY_TIMEOUT_MS / 1000, String.join(", ", status.pending()));
            slowWorkReported = true;
        }
    }

    /** True once the framework has raised its start level to the highest any bundle has: all bundles were started. */
    private boolean startLevelsDone() {
        int highest = 1;
        for (Bundle b : context.getBundles()) {
            BundleStartLevel level = b.adapt(BundleStartLevel.class);
            if (level != null) highest = Math.max(highest, level.getStartLevel());
        }
        return context.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel() >= highest;
    }

    /** Runs on a signal: stops the framework (every bundle stops in order), then ends the JVM with status 0. */
    private void stopFramework(String signal) {
        if (EXITING.get()) return;
        log.info("stopping on SIG{}", signal);
        exit(context, 0);
    }

    /**
     * Stops the framework on a thread of its own (callers may be components the stop deactivates) and ends the
     * JVM with {@code status} ({@link #statusAfterStop}).
     */
    static void exit(BundleContext context, int status) {
        if (!EXITING.compareAndSet(false, true)) return;
        // The launcher ends the JVM with its own code (117, "framework stopped") as soon as the framework stops,
        // racing the halt below; a hook that halts with our status makes ours the one the JVM ends with.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(status), "mrpilot-exit-status"));
        Framework framework = (Framework) context.getBundle(0);
        Thread stopper = new Thread(() -> {
            try {
                framework.stop();
                var event = framework.waitForStop(STOP_TIMEOUT_MS);
                boolean timedOut = event.getType() == org.osgi.framework.FrameworkEvent.WAIT_TIMEDOUT;
                if (timedOut) System.err.println("mrpilot: the framework did not stop within " + STOP_TIMEOUT_MS + " ms");
                Runtime.getRuntime().halt(statusAfterStop(status, timedOut));
            } catch (BundleException | InterruptedException | IllegalStateException e) {
                Runtime.getRuntime().halt(1);
            }
        }, "mrpilot-exit");
        stopper.start();
    }

    /**
     * A stop that did not finish in time turns a clean exit (0) into 1, but never hides why the agent stopped: a model
     * still loading on a starved host must not make a refused configuration (2) look like a crash.
     */
    static int statusAfterStop(int requested, boolean stopTimedOut) {
        return stopTimedOut && requested == 0 ? 1 : requested;
    }
}
