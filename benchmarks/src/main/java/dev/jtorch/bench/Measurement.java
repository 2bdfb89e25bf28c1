package dev.jtorch.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.PointerScope;

/**
 * Times one workload on jtorch and on libtorch (at each thread count) in this JVM: each side is
 * warmed up and calibrated to a batch of about {@code roundNanos}, then the sides alternate for
 * {@code rounds} rounds (the starting side rotates each round, so that neither always follows the
 * other), each round giving one time per op per side. A long workload (a training epoch) skips the
 * calibration: each round times one op, for at most the workload's own number of rounds.
 */
final class Measurement {
    /** How long and how often to measure. */
    static final class Settings {
        final int rounds;
        final long roundNanos;
        final long warmupNanos;
        final int[] torchThreads;

        Settings(int rounds, long roundMillis, long warmupMillis, int[] torchThreads) {
            if (rounds < 1 || roundMillis < 1 || warmupMillis < 0 || torchThreads.length == 0) {
                throw new IllegalArgumentException("need at least one round of at least 1 ms and a libtorch thread count");
            }
            this.rounds = rounds;
            this.roundNanos = roundMillis * 1_000_000;
            this.warmupNanos = warmupMillis * 1_000_000;
            this.torchThreads = torchThreads.clone();
        }
    }

    private Measurement() {}

    /**
     * A pause before every timed batch, so that what one side left running does not take a core
     * from the next side's batch: libtorch's OpenBLAS keeps its helper threads spinning after its
     * last call for about 0.1 s ({@code THREAD_TIMEOUT}, 2^28 cycles by default), whatever
     * {@code OMP_WAIT_POLICY} says. Measured on the 2-core VM (matmul 256, median of 10 rounds of
     * 150 ms): jtorch 2.75 ms per op right after a libtorch batch, 1.95 ms after the same batch and
     * a 150 ms pause, 2.03 ms after idling; 1 jtorch thread 2.87 and 2.24 ms (a busy machine, load 7:
     * the ratios matter). Each batch gets the same pause, never longer than a round.
     * {@code -Dbench.settleMillis=N} changes it (0: none).
     */
    static final long SETTLE_MILLIS = Math.max(0, Long.getLong("bench.settleMillis", 150));

    private static void settle(Settings s) {
        long ms = Math.min(SETTLE_MILLIS, s.roundNanos / 1_000_000);
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static WorkloadResult measure(Workload w, Settings s) {
        List<float[]> inputs = w.inputs();
        Op jtorchOp = w.jtorch(inputs);
        try (PointerScope workloadScope = new PointerScope()) {
            Op libtorchOp = w.libtorch(inputs);
            Crosscheck.agree(w.name(), jtorchOp.run(), libtorchOp.run(), w.agreementAtol());
            List<Side> sides = new ArrayList<>();
            sides.add(Side.jtorch(jtorchOp));
            for (int t : s.torchThreads) {
                sides.add(Side.libtorch(libtorchOp, t, w.libtorchScopeEvery()));
            }
            boolean longRunning = w.maxRounds() > 0;
            int rounds = longRunning ? Math.min(s.rounds, w.maxRounds()) : s.rounds;
            int[] iterations = new int[sides.size()];
            for (int i = 0; i < sides.size(); i++) {
                iterations[i] = longRunning ? 1 : calibrate(sides.get(i), s);
            }
            double[][] secondsPerOp = new double[sides.size()][rounds];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < sides.size(); k++) {
                    int i = (r + k) % sides.size();
                    Side side = sides.get(i);
                    side.activate();
                    settle(s);
                    secondsPerOp[i][r] = side.time(iterations[i]) * 1e-9 / iterations[i];
                }
            }
            Map<Integer, double[]> libtorch = new LinkedHashMap<>();
            for (int i = 1; i < sides.size(); i++) {
                libtorch.put(((Side.LibtorchSide) sides.get(i)).threads, secondsPerOp[i]);
            }
            return new WorkloadResult(w.name(), w.work(), w.target(), secondsPerOp[0], libtorch);
        }
    }

    /**
     * Warms the side up and returns the number of ops that lasts about {@code roundNanos}: batches
     * double until one lasts a quarter of a round; then batches repeat until at least
     * {@code warmupNanos} have passed and the JIT compiled nothing during the last round's worth of
     * batches, or until {@link #MAX_WARMUP_FACTOR} times the warm-up has passed. The count is scaled
     * from the last batch.
     *
     * <p>Why wait for the JIT: on a busy machine C2 can take seconds to finish the kernels, and timing
     * interpreted Vector API code would be meaningless. Why a whole round of quiet: a training step
     * calls most of its methods a few times per step, so C2 reaches them one by one over seconds;
     * one quiet quarter-round batch came early in that stretch, and the MLP step's first timed rounds
     * ran at twice its steady time (the same model steadies at about 2.5 ms per step after 7 s).
     */
    static int calibrate(Side side, Settings s) {
        side.activate();
        int n = 1;
        long spent = 0;
        long quiet = 0;
        long last;
        while (true) {
            long compiledBefore = compilationMillis();
            last = Math.max(1, side.time(n));
            spent += last;
            quiet = compilationMillis() == compiledBefore ? quiet + last : 0;
            if (last < s.roundNanos / 4 && n < (1 << 29)) {
                n *= 2;
            } else if (spent >= s.warmupNanos && (quiet >= s.roundNanos || spent >= MAX_WARMUP_FACTOR * Math.max(s.warmupNanos, s.roundNanos))) {
                break;
            }
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round((double) n * s.roundNanos / last)));
    }

    /** Warm-up never lasts longer than this many times the requested warm-up (or a round). */
    static final int MAX_WARMUP_FACTOR = 20;

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    /** Total JIT compilation time so far, or 0 when the JVM does not report it (then warm-up is time-based). */
    private static long compilationMillis() {
        return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
    }
}
