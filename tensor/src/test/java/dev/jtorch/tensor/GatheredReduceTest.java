package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link GatheredReduce} (reductions over dims that do not merge into one row, without the bulk
 * copy) gives exactly the bits of the copy it replaces: the same rows summed by the same kernel.
 * The reference makes the copy by hand ({@code permute} with the reduced dims last,
 * {@code contiguous}, {@code reshape} to {@code [outputs, n]}) and reduces its last dim, which is
 * one contiguous row per output and never takes the gathered path. Compared where the old path
 * copies (otherwise it reads strided rows in place, with a kernel of its own order).
 */
class GatheredReduceTest {

    @Test
    void convBiasGradientShapeTakesThePathAndMatchesTheCopy() {
        NDArray g = NDArray.randn(8, 32, 26, 26);
        boolean[] mask = ReducePlan.dimMask(new int[] {0, 2, 3}, 4);
        assertTrue(GatheredReduce.applies(g, mask));
        assertArrayEquals(reference(g, mask, "sum").toFloatArray(), g.sum(new int[] {0, 2, 3}, false).toFloatArray());
        assertArrayEquals(reference(g, mask, "mean").toFloatArray(), g.mean(new int[] {0, 2, 3}, true).flatten().toFloatArray());
    }

    @Test
    void outputsSplitOverThePoolGiveTheSameBitsAsOneThread() {
        int threads = Parallel.getNumThreads();
        try {
            for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                // 7 outputs over 4 tasks (uneven ranges), a view with an offset, numel above FlatParallel's split
                NDArray g = NDArray.randn(65, 7, 26, 27).to(t).narrow(0, 1, 64).narrow(3, 1, 26);
                boolean[] mask = ReducePlan.dimMask(new int[] {0, 2, 3}, 4);
                assertTrue(GatheredReduce.applies(g, mask));
                assertTrue(g.numel() >= FlatParallel.MIN_PARALLEL);
                Parallel.setNumThreads(1);
                double[] serial = g.sum(new int[] {0, 2, 3}, false).toDoubleArray();
                Parallel.setNumThreads(2);
                assertArrayEquals(serial, g.sum(new int[] {0, 2, 3}, false).toDoubleArray());
                assertArrayEquals(reference(g, mask, "sum").toDoubleArray(), g.sum(new int[] {0, 2, 3}, false).toDoubleArray());
            }
        } finally {
            Parallel.setNumThreads(threads);
        }
    }

    @Test
    void shortRowsSingleOutputsAndMergeableDimsKeepTheOldPath() {
        assertFalse(GatheredReduce.applies(NDArray.randn(4, 3, 5, 5), ReducePlan.dimMask(new int[] {0, 2, 3}, 4)));
        assertFalse(GatheredReduce.applies(NDArray.randn(40, 1, 30, 30), ReducePlan.dimMask(new int[] {0, 2, 3}, 4)));
        assertFalse(GatheredReduce.applies(NDArray.randn(8, 32, 26, 26), ReducePlan.dimMask(new int[] {2, 3}, 4)));
        assertFalse(GatheredReduce.applies(NDArray.randn(8, 32, 26, 26).to(DType.INT64), ReducePlan.dimMask(new int[] {0, 2, 3}, 4)));
    }

    @Property(tries = 120)
    void sameBitsAsTheCopy(@ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 3) int opIndex) {
        Random r = new Random(seed);
        int rank = 3 + r.nextInt(2);
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) {
            shape[d] = 1 + r.nextInt(d == 0 ? 8 : 30);
        }
        DType t = r.nextBoolean() ? DType.FLOAT32 : DType.FLOAT64;
        NDArray x = ReductionsPropertyTest.randomArray(r, t, shape);
        boolean[] mask = new boolean[rank];
        int[] dims = pickDims(r, rank, mask);
        if (!ReducePlan.copies(x, mask)) {
            return;
        }
        String op = new String[] {"sum", "mean", "amax", "sum"}[opIndex];
        NDArray expected = reference(x, mask, op);
        NDArray actual = op.equals("sum") ? x.sum(dims, false) : op.equals("mean") ? x.mean(dims, false) : x.amax(dims, false);
        assertArrayEquals(expected.toDoubleArray(), actual.flatten().toDoubleArray(),
                "op " + op + " shape " + Arrays.toString(x.sizes()) + " strides " + Arrays.toString(x.stride())
                        + " dims " + Arrays.toString(dims) + " " + t);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs();
    }

    /** Reduced dims that skip at least one kept dim when possible (so they do not merge into one row). */
    private static int[] pickDims(Random r, int rank, boolean[] mask) {
        int count = 0;
        for (int d = 0; d < rank; d++) {
            mask[d] = r.nextInt(3) != 0;
        }
        mask[1] = false;
        mask[0] = true;
        for (boolean m : mask) {
            count += m ? 1 : 0;
        }
        int[] dims = new int[count];
        int k = 0;
        for (int d = 0; d < rank; d++) {
            if (mask[d]) {
                dims[k++] = d;
            }
        }
        return dims;
    }

    /** The copy with the reduced dims last, one contiguous row per output, reduced along it. */
    private static NDArray reference(NDArray x, boolean[] mask, String op) {
        int rank = x.dim();
        int[] perm = new int[rank];
        int p = 0;
        int outputs = 1;
        int n = 1;
        for (int d = 0; d < rank; d++) {
            if (!mask[d]) {
                perm[p++] = d;
                outputs *= x.size(d);
            }
        }
        for (int d = 0; d < rank; d++) {
            if (mask[d]) {
                perm[p++] = d;
                n *= x.size(d);
            }
        }
        NDArray rows = x.permute(perm).contiguous().reshape(outputs, n);
        switch (op) {
            case "sum":
                return rows.sum(new int[] {1}, false);
            case "mean":
                return rows.mean(new int[] {1}, false);
            default:
                return rows.amax(new int[] {1}, false);
        }
    }
}
