package org.mrpilot.inference;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Loads the configured models on a thread of its own. Opening and self-testing a large model takes seconds; done
 * during activation, it held up the framework's start-level thread and every bundle started after this one.
 * Service calls {@link #await()} it instead, so no caller ever sees a half-loaded model directory.
 */
final class StartupLoad {
    private final Thread thread;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;

    /**
     * @param loadOne loads one card's model and reports the outcome itself; it should not throw
     * @param done runs once the last card was tried (not when stopped before)
     */
    StartupLoad(String threadName, List<Path> cards, Consumer<Path> loadOne, Runnable done) {
        thread = new Thread(() -> {
            try {
                for (Path card : cards) {
                    if (stopping) return;
                    loadOne.accept(card);
                }
                done.run();
            } finally {
                finished.countDown();
            }
        }, threadName);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** True once every model was tried or the load was stopped. */
    boolean finished() {
        return finished.getCount() == 0;
    }

    /** Waits until every model was tried or the load was stopped; returns at once on the loading thread itself. */
    void await() {
        if (Thread.currentThread() == thread) return;
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /**
     * Loads no further model and waits for the one in progress: the runtime must not be closed under it, and a JVM
     * that exits while the runtime is inside a session crashes in the runtime's own exit handlers.
     */
    void stop() {
        stopping = true;
        await();
    }
}
