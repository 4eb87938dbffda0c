package org.mrpilot.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The start-up load runs beside its starter, holds callers until it is through, and stops only between models. */
class StartupLoadTest {
    static final List<Path> CARDS = List.of(Path.of("a.card.json"), Path.of("b.card.json"), Path.of("c.card.json"));

    @Test
    void startReturnsWhileAModelIsStillLoadingAndCallersWaitForAll() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Path> loaded = new CopyOnWriteArrayList<>();
        AtomicInteger done = new AtomicInteger();
        StartupLoad load = new StartupLoad("test-loader", CARDS, card -> {
            awaitQuietly(release);
            loaded.add(card);
        }, done::incrementAndGet);
        load.start();

        CountDownLatch callerReturned = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            load.await();
            callerReturned.countDown();
        });
        caller.start();
        // the first model blocks: the starter is back, the caller is held
        assertEquals(Thread.State.WAITING, settled(caller));
        assertTrue(loaded.isEmpty());
        assertFalse(load.finished());
        release.countDown();
        assertTrue(callerReturned.await(10, TimeUnit.SECONDS), "the caller is released once every model was tried");
        assertTrue(load.finished());
        assertEquals(CARDS, loaded);
        assertEquals(1, done.get());
    }

    @Test
    void stopLetsTheCurrentModelFinishAndLoadsNoFurtherOne() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Path> loaded = new CopyOnWriteArrayList<>();
        AtomicInteger done = new AtomicInteger();
        StartupLoad load = new StartupLoad("test-loader", CARDS, card -> {
            firstStarted.countDown();
            awaitQuietly(release);
            loaded.add(card);
        }, done::incrementAndGet);
        load.start();
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS));

        Thread stopper = new Thread(load::stop);
        stopper.start();
        assertEquals(Thread.State.WAITING, settled(stopper), "stop() waits for the model in progress");
        release.countDown();
        stopper.join(10_000);
        assertEquals(List.of(CARDS.get(0)), loaded);
        assertEquals(0, done.get(), "a stopped load does not report itself complete");
    }

    @Test
    void aCallFromTheLoadingThreadItselfDoesNotWaitForItself() throws Exception {
        StartupLoad[] self = new StartupLoad[1];
        List<Path> loaded = new CopyOnWriteArrayList<>();
        self[0] = new StartupLoad("test-loader", CARDS, card -> {
            self[0].await();
            loaded.add(card);
        }, () -> { });
        self[0].start();
        Thread caller = new Thread(self[0]::await);
        caller.start();
        caller.join(10_000);
        assertEquals(CARDS, loaded);
    }

    @Test
    void anInterruptedCallerStillWaitsAndKeepsItsInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StartupLoad load = new StartupLoad("test-loader", CARDS, card -> awaitQuietly(release), () -> { });
        load.start();
        boolean[] interruptedAfter = new boolean[1];
        Thread caller = new Thread(() -> {
            load.await();
            interruptedAfter[0] = Thread.currentThread().isInterrupted();
        });
        caller.start();
        assertEquals(Thread.State.WAITING, settled(caller));
        caller.interrupt();
        Thread.sleep(50);
        assertEquals(Thread.State.WAITING, settled(caller), "an interrupt does not let a caller past an unfinished load");
        release.countDown();
        caller.join(10_000);
        assertTrue(interruptedAfter[0]);
    }

    /** The thread's state once it has either parked or ended. */
    private static Thread.State settled(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TERMINATED && System.nanoTime() < deadline) Thread.sleep(1);
        return t.getState();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
