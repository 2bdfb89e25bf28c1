package dev.jtorch.tensor;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * jtorch's intra-op thread pool: one fixed pool of daemon threads shared by every kernel that
 * splits work ({@code torch.set_num_threads} / {@code torch.get_num_threads}). Work is handed out
 * as a few coarse tasks; the calling thread takes part, so {@code n} threads means {@code n - 1}
 * pool workers. A parallel region entered from inside another one runs inline on the calling
 * thread, as ATen's {@code at::parallel_for} does, so kernels may nest without oversubscribing.
 *
 * <p>Waiting spins before it sleeps, as OpenMP's and OpenBLAS's threads do. An idle worker keeps
 * polling for the next region for {@link #SPIN_NANOS} after its last task before it parks, and a
 * caller whose own tasks are done polls for the others' for as long before it parks. Waking a
 * parked thread took 0.1-0.4 ms on the 2-core virtual machine the benchmarks run on: a training
 * step runs its matrix products a few microseconds apart, and without the spin the worker joined
 * each one late, or not at all. {@code -Djtorch.parallel.spinMicros=0} turns spinning off (for a
 * machine shared with other busy processes).
 */
public final class Parallel {
    private Parallel() {}

    /** How long an idle worker, or a caller waiting for a region's last tasks, spins before parking. */
    static final long SPIN_NANOS = Math.max(0L, Long.getLong("jtorch.parallel.spinMicros", 500L)) * 1000L;

    private static final ThreadLocal<Boolean> IN_REGION = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final AtomicInteger WORKER_IDS = new AtomicInteger();

    /** Written under the class lock; read without it on every op's hot path (a lock there cost tens of ns). */
    private static volatile int numThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static Pool pool;

    /**
     * {@code torch.set_num_threads(n)}: the number of threads used for intra-op parallelism,
     * the caller included. The old pool's workers finish the tasks queued for them and exit.
     */
    public static synchronized void setNumThreads(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("set_num_threads expects a positive integer");
        }
        if (n != numThreads) {
            numThreads = n;
            if (pool != null) {
                pool.retire();
                pool = null;
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
        Pool p = tasks == 1 || inParallelRegion() ? null : pool();
        if (p == null) {
            runInline(tasks, body);
            return;
        }
        Job job = new Job(tasks, body);
        p.submit(job, Math.min(tasks, p.workers.length + 1) - 1);
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

    private static synchronized Pool pool() {
        if (numThreads <= 1) {
            return null;
        }
        if (pool == null) {
            pool = new Pool(numThreads - 1);
        }
        return pool;
    }

    /** The workers and the queue of regions they help with (one entry per helper wanted). */
    private static final class Pool {
        final ConcurrentLinkedQueue<Job> queue = new ConcurrentLinkedQueue<>();
        final Worker[] workers;
        volatile boolean retired;

        Pool(int size) {
            workers = new Worker[size];
            for (int i = 0; i < size; i++) {
                workers[i] = new Worker(this);
                workers[i].start();
            }
        }

        void submit(Job job, int helpers) {
            for (int i = 0; i < helpers; i++) {
                queue.add(job);
            }
            // after the queue's volatile write: a worker that set parked before its last poll is seen here
            for (int i = 0, woken = 0; i < workers.length && woken < helpers; i++) {
                if (workers[i].parked) {
                    LockSupport.unpark(workers[i]);
                    woken++;
                }
            }
        }

        void retire() {
            retired = true;
            for (Worker w : workers) {
                LockSupport.unpark(w);
            }
        }
    }

    private static final class Worker extends Thread {
        private final Pool pool;
        volatile boolean parked;

        Worker(Pool pool) {
            super("jtorch-worker-" + WORKER_IDS.incrementAndGet());
            this.pool = pool;
            setDaemon(true);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                Job job = pool.queue.poll();
                if (job != null) {
                    job.work();
                    idleSince = System.nanoTime();
                } else if (pool.retired) {
                    return;
                } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (pool.queue.isEmpty() && !pool.retired) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }

    /** One parallel region: tasks are claimed from a counter; the last one to finish wakes a parked caller. */
    private static final class Job {
        private final int tasks;
        private final IntConsumer body;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private volatile Throwable error;
        private volatile Thread waiter;

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
                        Thread w = waiter;
                        if (w != null) {
                            LockSupport.unpark(w);
                        }
                    }
                }
            } finally {
                IN_REGION.set(Boolean.FALSE);
            }
        }

        /** Returns when every task has finished (spinning first, then parked), rethrowing the first failure. */
        void await() {
            long start = System.nanoTime();
            while (finished.get() < tasks) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    waiter = Thread.currentThread();
                    if (finished.get() < tasks) {
                        LockSupport.park(this);
                    }
                }
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
