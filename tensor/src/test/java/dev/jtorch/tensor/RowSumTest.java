package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.tensor.kernel.Kernels;
import dev.jtorch.tensor.kernel.ReduceOp;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;

/**
 * A full sum of a long contiguous array is split over the pool ({@link RowSum}): with one thread, or
 * below the parallel size, it is the serial cascade bit for bit; with more threads it is the chunks'
 * cascades added in chunk order, the same bits on every call, and close to the serial sum.
 */
class RowSumTest {
    private final int defaultThreads = Parallel.getNumThreads();

    @AfterEach
    void restore() {
        Parallel.setNumThreads(defaultThreads);
    }

    private static NDArray random(int n, DType t, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble(-2, 2);
        }
        return NDArray.wrap(v, n).to(t);
    }

    @Example
    void shortRowsAndOneThreadAreTheSerialCascade() {
        Parallel.setNumThreads(2);
        assertEquals(1, RowSum.chunks(RowSum.MIN_PARALLEL - 1));
        assertEquals(4, RowSum.chunks(RowSum.MIN_PARALLEL));
        Parallel.setNumThreads(1);
        assertEquals(1, RowSum.chunks(RowSum.MIN_PARALLEL));
        Parallel.setNumThreads(2);
        NDArray a = random(RowSum.MIN_PARALLEL - 1, DType.FLOAT32, 1);
        float serial = Kernels.REDUCTION.reduce(ReduceOp.SUM, (float[]) a.storage(), 0, 1, a.numel());
        assertEquals(Float.floatToIntBits(serial), Float.floatToIntBits((float) a.sum().item()));
    }

    @Property(tries = 4)
    void chunkedSumIsTheOrderedSumOfChunkCascades(@ForAll @IntRange(min = 0, max = 100_000) int extra,
                                                 @ForAll boolean dbl, @ForAll @IntRange(min = 2, max = 3) int threads) {
        Parallel.setNumThreads(threads);
        int n = RowSum.MIN_PARALLEL + extra;
        DType t = dbl ? DType.FLOAT64 : DType.FLOAT32;
        NDArray a = random(n + 5, t, n).narrow(0, 5, n); // a storage offset too
        int chunks = RowSum.chunks(n);
        assertEquals(2 * threads, chunks);
        double expected = 0;
        float expectedF = 0;
        for (int c = 0; c < chunks; c++) {
            int from = FlatParallel.start(c, chunks, n);
            int len = FlatParallel.start(c + 1, chunks, n) - from;
            if (dbl) {
                expected += Kernels.REDUCTION.reduce(ReduceOp.SUM, (double[]) a.storage(), 5 + from, 1, len);
            } else {
                expectedF += Kernels.REDUCTION.reduce(ReduceOp.SUM, (float[]) a.storage(), 5 + from, 1, len);
            }
        }
        double serial = dbl ? Kernels.REDUCTION.reduce(ReduceOp.SUM, (double[]) a.storage(), 5, 1, n)
                : Kernels.REDUCTION.reduce(ReduceOp.SUM, (float[]) a.storage(), 5, 1, n);
        for (int rep = 0; rep < 3; rep++) {
            NDArray s = a.sum();
            if (dbl) {
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(s.item()));
            } else {
                assertEquals(Float.floatToIntBits(expectedF), Float.floatToIntBits((float) s.item()));
            }
        }
        // the chunked cascade is as accurate as the serial one (rtol 1e-5 of the sum of |x|, float32)
        assertTrue(Math.abs(a.sum().item() - serial) <= 1e-5 * n, "chunked " + a.sum().item() + " serial " + serial);
        // mean reduces through the same sum
        assertEquals(a.sum().item() / n, a.mean().item(), dbl ? 1e-15 : 1e-6);
    }
}
