package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private final int defaultThreads = Parallel.getNumThreads();

    @AfterEach
    void restore() {
        Parallel.setNumThreads(defaultThreads);
    }

    @Test
    void defaultsToTheAvailableProcessorsAndRejectsNonPositiveCounts() {
        assertEquals(Runtime.getRuntime().availableProcessors(), defaultThreads);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.setNumThreads(0));
        assertEquals("set_num_threads expects a positive integer", e.getMessage());
        Parallel.setNumThreads(3);
        assertEquals(3, Parallel.getNumThreads());
    }

    @Test
    void runsEveryTaskExactlyOnceForAnyThreadCount() {
        for (int threads : new int[] {1, 2, 4}) {
            Parallel.setNumThreads(threads);
            for (int tasks : new int[] {0, 1, 2, 7, 64}) {
                AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(tasks, 1));
                Parallel.parallelFor(tasks, t -> runs.incrementAndGet(t));
                for (int t = 0; t < tasks; t++) {
                    assertEquals(1, runs.get(t), "task " + t + " of " + tasks + " with " + threads + " threads");
                }
            }
        }
    }

    @Test
    void nestedRegionsRunInlineOnTheCallingThread() {
        Parallel.setNumThreads(4);
        AtomicIntegerArray inner = new AtomicIntegerArray(4 * 5);
        Parallel.parallelFor(4, t -> {
            assertTrue(Parallel.inParallelRegion());
            Thread outer = Thread.currentThread();
            Parallel.parallelFor(5, u -> {
                assertSame(outer, Thread.currentThread());
                inner.incrementAndGet(t * 5 + u);
            });
        });
        for (int i = 0; i < 20; i++) {
            assertEquals(1, inner.get(i));
        }
        assertFalse(Parallel.inParallelRegion());
    }

    @Test
    void theFirstFailureReachesTheCaller() {
        Parallel.setNumThreads(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.parallelFor(8, t -> {
            if (t == 3) {
                throw new IllegalStateException("task 3 failed");
            }
        }));
        assertEquals("task 3 failed", e.getMessage());
        assertFalse(Parallel.inParallelRegion());
    }

    @Test
    void callersOnSeveralThreadsShareThePool() throws InterruptedException {
        Parallel.setNumThreads(2);
        int callers = 4;
        int tasks = 16;
        int regions = 200;
        AtomicIntegerArray runs = new AtomicIntegerArray(callers * tasks);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            threads.add(new Thread(() -> {
                for (int r = 0; r < regions; r++) {
                    Parallel.parallelFor(tasks, t -> runs.incrementAndGet(caller * tasks + t));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(60_000);
            assertFalse(t.isAlive(), "a caller did not finish");
        }
        for (int i = 0; i < callers * tasks; i++) {
            assertEquals(regions, runs.get(i), "task " + i % tasks + " of caller " + i / tasks);
        }
    }

    @Test
    void idleWorkersParkAfterTheSpinAndRetiredOnesExit() throws InterruptedException {
        Parallel.setNumThreads(3);
        Parallel.parallelFor(8, t -> { });
        List<Thread> workers = workers();
        assertTrue(workers.size() >= 2, "workers alive: " + workers);
        long deadline = System.nanoTime() + Parallel.SPIN_NANOS + 10_000_000_000L;
        for (Thread w : workers) {
            // (a worker of a pool retired by an earlier test may be exiting instead)
            while (w.getState() != Thread.State.WAITING && w.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertTrue(w.getState() == Thread.State.WAITING || !w.isAlive(), w.getName() + " still spinning after the spin window");
        }
        Parallel.setNumThreads(2);
        for (Thread w : workers) {
            w.join(10_000);
            assertFalse(w.isAlive(), w.getName() + " outlived set_num_threads");
        }
    }

    /** The live pool workers. */
    private static List<Thread> workers() {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("jtorch-worker-") && t.isAlive()) {
                found.add(t);
            }
        }
        return found;
    }
}
