package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;

/**
 * Long flat elementwise rows are split over the pool: the chunks tile the row at SIMD-block-aligned
 * starts, and every op gives the results of the serial kernel with 1, 2 or 3 threads (bit-identical
 * for arithmetic, the tail-sensitive {@code add} with an alpha and a broadcast scalar included);
 * softmax's independent rows (or column blocks) likewise.
 */
class FlatParallelTest {
    private final int defaultThreads = Parallel.getNumThreads();

    @AfterEach
    void restore() {
        Parallel.setNumThreads(defaultThreads);
    }

    @Property(tries = 200)
    void chunksTileTheRowAtAlignedStarts(@ForAll @IntRange(min = 0, max = 5_000_000) int n,
                                         @ForAll @IntRange(min = 1, max = 8) int threads) {
        int tasks = FlatParallel.tasks(n, threads, false);
        assertTrue(tasks >= 1 && tasks <= Math.max(1, 2 * threads));
        assertEquals(0, FlatParallel.start(0, tasks, n));
        assertEquals(n, FlatParallel.start(tasks, tasks, n));
        for (int t = 0; t < tasks; t++) {
            int from = FlatParallel.start(t, tasks, n);
            int to = FlatParallel.start(t + 1, tasks, n);
            assertTrue(from <= to, "chunk " + t);
            assertEquals(0, from % FlatParallel.ALIGN, "chunk start " + from);
            if (tasks > 1) {
                assertTrue(to - from >= FlatParallel.GRAIN - FlatParallel.ALIGN, "chunk " + t + " of " + (to - from));
            }
        }
    }

    @Example
    void shortRowsNestedRegionsAndOneThreadStaySerial() {
        assertEquals(1, FlatParallel.tasks(FlatParallel.MIN_PARALLEL - 1, 2, false));
        assertEquals(1, FlatParallel.tasks(1 << 20, 2, true));
        assertEquals(1, FlatParallel.tasks(1 << 20, 1, false));
        assertEquals(4, FlatParallel.tasks(FlatParallel.MIN_PARALLEL, 2, false));
        assertEquals(4, FlatParallel.tasks(1 << 20, 2, false));
        assertEquals(6, FlatParallel.tasks(1 << 20, 3, false));
    }

    @Property(tries = 2)
    void resultsDoNotDependOnTheThreadCount(@ForAll @IntRange(min = 262_144, max = 330_000) int n, @ForAll boolean dbl) {
        DType t = dbl ? DType.FLOAT64 : DType.FLOAT32;
        NDArray a = random(n, 1, t);
        NDArray b = random(n, 2, t);
        NDArray s = random(1, 3, t).view(); // a 0-d broadcast scalar
        check(x -> x.add(b), a, true);
        check(x -> x.add(s, 0.37), a, true); // add's fused/unfused tail split must not move
        check(x -> x.mul(b), a, true);
        check(x -> x.mul(2.5), a, true);
        check(NDArray::relu, a, true);
        check(x -> x.sub(b, 1.5), a, true);
        check(x -> x.clone().add_(b, -0.01), a, true);
        check(NDArray::exp, a, false);
    }

    @Property(tries = 2)
    void softmaxBlocksSplitWithoutChangingABit(@ForAll @IntRange(min = 256, max = 280) int rows,
                                               @ForAll @IntRange(min = 1024, max = 1040) int cols, @ForAll boolean dbl) {
        DType t = dbl ? DType.FLOAT64 : DType.FLOAT32;
        NDArray a = random(rows * cols, 4, t).view(rows, cols);
        check(x -> x.softmax(1), a, false);
        check(x -> x.logSoftmax(1), a, false);
        check(x -> x.softmax(0), a, false); // column blocks: one block, stays serial
        check(x -> x.view(rows, cols / 2, 2).softmax(1), a.narrow(1, 0, cols / 2 * 2).contiguous(), false);
    }

    /**
     * Serial against 2 and 3 threads, bit for bit: the split changes no element's computation, and
     * exp/log are SLEEF ports whose bits do not depend on the JIT tier ({@code exact} is kept for
     * the callers' documentation: it used to allow 4 ulp when lanewise EXP/LOG changed with C2).
     */
    private void check(UnaryOperator<NDArray> op, NDArray a, boolean exact) {
        Parallel.setNumThreads(1);
        double[] serial = op.apply(a).toDoubleArray();
        for (int threads : new int[] {2, 3}) {
            Parallel.setNumThreads(threads);
            double[] par = op.apply(a).toDoubleArray();
            assertArrayEquals(serial, par, 0.0, threads + " threads");
        }
    }

    private static NDArray random(int n, long seed, DType t) {
        SplittableRandom r = new SplittableRandom(seed * 31 + n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble(-3, 3);
        }
        return NDArray.wrap(v, n).to(t);
    }
}
