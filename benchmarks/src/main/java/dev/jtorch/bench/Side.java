package dev.jtorch.bench;

import org.bytedeco.javacpp.PointerScope;

/**
 * One framework setting that a workload is timed on: jtorch with its defaults, or libtorch with a
 * given intra-op thread count. {@link #time(int)} runs a batch of ops and returns its wall time,
 * consuming every result into a sink so that no op can be optimised away.
 */
abstract class Side {
    /** Results land here; a plain static store of an escaping object keeps the op alive for the JIT. */
    static Object sink;
    /** Written once per batch so that the last result is observable. */
    static volatile Object lastResult;

    final Op op;

    Side(Op op) {
        this.op = op;
    }

    /** The label for the report: "jtorch" or "libtorch, 2 threads". */
    abstract String label();

    /** Puts the framework in this side's setting (libtorch's thread count) before a batch. */
    abstract void activate();

    /** Runs {@code iterations} ops and returns the elapsed nanoseconds. */
    abstract long time(int iterations);

    static Side jtorch(Op op) {
        return new Side(op) {
            @Override
            String label() {
                return "jtorch";
            }

            @Override
            void activate() {}

            @Override
            long time(int iterations) {
                long t0 = System.nanoTime();
                for (int i = 0; i < iterations; i++) {
                    sink = op.run();
                }
                long t = System.nanoTime() - t0;
                lastResult = sink;
                return t;
            }
        };
    }

    /** libtorch at {@code threads} intra-op threads; results are freed every {@code scopeEvery} ops. */
    static LibtorchSide libtorch(Op op, int threads, int scopeEvery) {
        return new LibtorchSide(op, threads, scopeEvery);
    }

    static final class LibtorchSide extends Side {
        final int threads;
        private final int scopeEvery;

        LibtorchSide(Op op, int threads, int scopeEvery) {
            super(op);
            this.threads = threads;
            this.scopeEvery = scopeEvery;
        }

        @Override
        String label() {
            return "libtorch, " + threads + (threads == 1 ? " thread" : " threads");
        }

        @Override
        void activate() {
            Libtorch.setNumThreads(threads);
        }

        @Override
        long time(int iterations) {
            long t0 = System.nanoTime();
            for (int done = 0; done < iterations; ) {
                int k = Math.min(scopeEvery, iterations - done);
                try (PointerScope s = new PointerScope()) {
                    for (int i = 0; i < k; i++) {
                        sink = op.run();
                    }
                    lastResult = sink; // before the scope frees it, so the tensor was live when observed
                }
                done += k;
            }
            return System.nanoTime() - t0;
        }
    }
}
