package dev.jtorch.tensor.kernel;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Brings the multi-pass float32 SLEEF loops ({@link VectorSleefHyp}: tanh, expm1; {@link VectorSleefLog}:
 * log1p, log2, log10) to C2 on a background daemon thread, while the callers use the scalar port.
 *
 * <p>Why: until C2 compiles a Vector API loop with its operators inlined, the loop runs the API's
 * Java fallback, about 2.5 us per element in the interpreter and 0.6 us in C1 (measured for tanh),
 * against 25-50 ns for the scalar port and ~4 ns for the compiled loop. C2 compiles after some 15000
 * invocations and loop iterations, so a caller that ran the loops itself from the start paid seconds
 * of fallback (tanh 64K: 250 ms per op in its first calls, tanh 1K: ~2.5 ms per op for ~200 calls).
 * Here the first call of a group starts one thread that runs the group's loops on a small block,
 * timing them against the scalar port; once the loops are clearly faster ({@link #SPEEDUP} in
 * {@link #STREAK} consecutive batches) the group is ready and callers switch to them. A JVM whose
 * C2 never gets there (-Xint, C1 only) gives up after {@link #GIVE_UP_NS} and keeps the scalar port.
 *
 * <p>Results do not depend on this: the vector loops and the scalar port give the same bits
 * ({@code SleefMathTest}), so which one runs changes only the time.
 */
final class SleefWarmup {
    private SleefWarmup() {}

    /** tanh and expm1 (they share the expk2 loops, warmed together so no branch is left unprofiled). */
    static final int HYP = 0;
    /** log1p, log2, log10. */
    static final int LOG = 1;

    private static final int COLD = 0;
    private static final int WARMING = 1;
    private static final int READY = 2;
    private static final int GAVE_UP = 3;

    private static final AtomicIntegerArray STATE = new AtomicIntegerArray(2);

    /**
     * Elements per warm-up pass: the callers' pass length, so C2 compiles the loops with the trip
     * counts they will run (in a trial with one-vector passes the C2 code of the loops hit an
     * uncommon trap right after it was installed and had to be compiled again).
     */
    private static final int BLOCK = VectorFloatLanewise.MULTI_PASS_BLOCK;
    /** Passes per timed batch. */
    private static final int BATCH = 8;
    /** The vector loops count as compiled when a batch runs at least this many times faster than the scalar port. */
    static final double SPEEDUP = 2.0;
    /** Consecutive fast batches needed (a single one may be a lucky time slice). */
    static final int STREAK = 3;
    /** After this long without success the group keeps the scalar port. */
    static final long GIVE_UP_NS = 30_000_000_000L;

    /**
     * Whether the group's vector loops are compiled; the first call starts the warm-up. A plain
     * volatile read once ready.
     */
    static boolean ready(int group) {
        int s = STATE.get(group);
        if (s == READY) {
            return true;
        }
        if (s == COLD && STATE.compareAndSet(group, COLD, WARMING)) {
            Thread t = new Thread(() -> warm(group), "jtorch-sleef-warmup-" + (group == HYP ? "hyp" : "log"));
            t.setDaemon(true);
            t.start();
        }
        return false;
    }

    /** Waits up to {@code timeoutMs} for the group to become ready (starting its warm-up); for tests. */
    static boolean awaitReady(int group, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!ready(group)) {
            if (STATE.get(group) == GAVE_UP || System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private static void warm(int group) {
        float[] x = new float[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            // both signs, the polynomial range, the saturated range and the log functions' whole domain
            x[i] = (i % 2 == 0 ? 1 : -1) * (i * 0.09f) + (i % 7 == 0 ? 20f : 0f);
        }
        float[] out = new float[BLOCK];
        float[] tmp = new float[3 * BLOCK];
        long end = System.nanoTime() + GIVE_UP_NS;
        int streak = 0;
        try {
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                for (int r = 0; r < BATCH; r++) {
                    vectorPass(group, BLOCK, x, out, tmp);
                }
                long t1 = System.nanoTime();
                for (int r = 0; r < BATCH; r++) {
                    scalarPass(group, BLOCK, x, out);
                }
                long t2 = System.nanoTime();
                streak = (t1 - t0) * SPEEDUP <= t2 - t1 ? streak + 1 : 0;
                if (streak >= STREAK) {
                    STATE.set(group, READY);
                    return;
                }
            }
        } catch (RuntimeException e) {
            // the scalar port stays in use
        }
        STATE.set(group, GAVE_UP);
    }

    private static void vectorPass(int group, int n, float[] x, float[] out, float[] tmp) {
        if (group == HYP) {
            VectorSleefHyp.tanhArray(x, 0, out, 0, n, tmp);
            VectorSleefHyp.expm1Array(x, 0, out, 0, n, tmp);
        } else {
            VectorSleefLog.log1pArray(x, 0, out, 0, n, tmp);
            VectorSleefLog.log2Array(x, 0, out, 0, n, tmp);
            VectorSleefLog.log10Array(x, 0, out, 0, n, tmp);
        }
    }

    private static void scalarPass(int group, int n, float[] x, float[] out) {
        if (group == HYP) {
            for (int i = 0; i < n; i++) {
                out[i] = SleefMath.tanh(x[i]);
            }
            for (int i = 0; i < n; i++) {
                out[i] = SleefMath.expm1(x[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = SleefMath.log1p(x[i]);
            }
            for (int i = 0; i < n; i++) {
                out[i] = SleefMath.log2(x[i]);
            }
            for (int i = 0; i < n; i++) {
                out[i] = SleefMath.log10(x[i]);
            }
        }
    }
}
