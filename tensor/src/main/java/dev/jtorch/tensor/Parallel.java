package dev.jtorch.tensor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * jtorch's intra-op thread pool: one fixed pool of daemon threads shared by every kernel that
 * splits work ({@code torch.set_num_threads} / {@code torch.get_num_threads}). Work is handed out
 * as a few coarse tasks; the calling thread takes part, so {@code n} threads means {@code n - 1}
 * pool workers. A parallel region entered from inside another one runs inline on the calling
 * thread, as ATen's {@code at::parallel_for} does, so kernels may nest without oversubscribing.
 */
public final class Parallel {
    private Parallel() {}

    private static final ThreadLocal<Boolean> IN_REGION = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final AtomicInteger WORKER_IDS = new AtomicInteger();

    /** Written under the class lock; read without it on every op's hot path (a lock there cost tens of ns). */
    private static volatile int numThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static ExecutorService workers;

    /**
     * {@code torch.set_num_threads(n)}: the number of threads used for intra-op parallelism,
     * the caller included. The old pool's workers finish their current task and exit.
     */
    public static synchronized void setNumThreads(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("set_num_threads expects a positive integer");
        }
        if (n != numThreads) {
            numThreads = n;
            if (workers != null) {
                workers.shutdown();
                workers = null;
            }
        }
    }

    /** {@code torch.get_num_threads()}: defaults to the number of available processors. */
    public static int getNumThreads() {
        return numThreads;
    }

    /** True on a thread that is running a task of a parallel region (the caller included). */
    public static boolean inParallelRegion() {
        return IN_REGION.get();
    }

    /**
     * Runs {@code body.accept(t)} for every task {@code t} in {@code [0, tasks)}, spread over up
     * to {@link #getNumThreads()} threads, and returns when all have finished. The first
     * exception thrown by a task is rethrown here (after the other tasks finish). Tasks must be
     * independent; they are claimed in increasing order.
     */
    public static void parallelFor(int tasks, IntConsumer body) {
        if (tasks <= 0) {
            return;
        }
        ExecutorService pool = tasks == 1 || inParallelRegion() ? null : pool();
        if (pool == null) {
            runInline(tasks, body);
            return;
        }
        Job job = new Job(tasks, body);
        int helpers = Math.min(tasks, getNumThreads()) - 1;
        for (int i = 0; i < helpers; i++) {
            pool.execute(job::work);
        }
        job.work();
        job.await();
    }

    private static void runInline(int tasks, IntConsumer body) {
        boolean outer = !IN_REGION.get();
        IN_REGION.set(Boolean.TRUE);
        try {
            for (int t = 0; t < tasks; t++) {
                body.accept(t);
            }
        } finally {
            if (outer) {
                IN_REGION.set(Boolean.FALSE);
            }
        }
    }

    private static synchronized ExecutorService pool() {
        if (numThreads <= 1) {
            return null;
        }
        if (workers == null) {
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "jtorch-worker-" + WORKER_IDS.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            workers = Executors.newFixedThreadPool(numThreads - 1, factory);
        }
        return workers;
    }

    /** One parallel region: tasks are claimed from a counter; the last one to finish wakes the caller. */
    private static final class Job {
        private final int tasks;
        private final IntConsumer body;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private volatile Throwable error;

        Job(int tasks, IntConsumer body) {
            this.tasks = tasks;
            this.body = body;
        }

        void work() {
            IN_REGION.set(Boolean.TRUE);
            try {
                int t;
                while ((t = next.getAndIncrement()) < tasks) {
                    try {
                        if (error == null) {
                            body.accept(t);
                        }
                    } catch (Throwable e) {
                        synchronized (this) {
                            if (error == null) {
                                error = e;
                            }
                        }
                    }
                    if (finished.incrementAndGet() == tasks) {
                        synchronized (this) {
                            notifyAll();
                        }
                    }
                }
            } finally {
                IN_REGION.set(Boolean.FALSE);
            }
        }

        void await() {
            boolean interrupted = false;
            synchronized (this) {
                while (finished.get() < tasks) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable e = error;
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            if (e instanceof Error) {
                throw (Error) e;
            }
            if (e != null) {
                throw new IllegalStateException(e);
            }
        }
    }
}
