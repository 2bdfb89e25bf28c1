package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Reductions: PyTorch's dtypes, shapes, empty-input rules, NaN handling and error messages (verbatim). */
class ReductionsTest {
    private static final float NAN = Float.NaN;
    private static final float INF = Float.POSITIVE_INFINITY;

    private static NDArray m23() {
        return NDArray.fromArray(new float[][] {{1, 2, 3}, {4, 5, 6}});
    }

    private static void assertMessage(Class<? extends Throwable> type, String message, Executable e) {
        assertEquals(message, assertThrows(type, e).getMessage());
    }

    @Test
    void sumMeanProdValuesAndDtypes() {
        NDArray a = m23();
        assertEquals(21, a.sum().item());
        assertArrayEquals(new float[] {5, 7, 9}, a.sum(0).toFloatArray());
        assertArrayEquals(new float[] {6, 15}, a.sum(-1).toFloatArray());
        assertArrayEquals(new int[] {1, 3}, a.sum(0, true).sizes());
        assertArrayEquals(new int[] {1, 1}, a.sum(new int[] {0, 1}, true).sizes());
        assertArrayEquals(new float[] {2.5f, 3.5f, 4.5f}, a.mean(0).toFloatArray());
        assertEquals(3.5, a.mean().item());
        assertEquals(720, a.prod().item());
        assertArrayEquals(new float[] {6, 120}, a.prod(1).toFloatArray());
        NDArray l = NDArray.arange(6).view(2, 3);
        assertEquals(DType.INT64, l.sum().dtype());
        assertEquals(DType.INT64, l.prod(0).dtype());
        NDArray b = NDArray.fromArray(new boolean[][] {{true, false, true}, {true, true, true}});
        assertEquals(DType.INT64, b.sum().dtype());
        assertEquals(5, b.sum().itemLong());
        assertEquals(DType.INT64, b.prod().dtype());
        assertEquals(0, b.prod().itemLong());
        assertEquals(DType.FLOAT64, a.to(DType.FLOAT64).sum(1).dtype());
        // int64 sums wrap around like C++ (and PyTorch)
        assertEquals(Long.MIN_VALUE, NDArray.wrap(new long[] {Long.MAX_VALUE, 1}, 2).sum().itemLong());
    }

    @Test
    void maxMinArgmaxAndKeepdimShapes() {
        NDArray a = NDArray.fromArray(new float[][] {{3, 7, 7}, {9, 1, 9}});
        assertEquals(9, a.max().item());
        assertEquals(1, a.min().item());
        assertEquals(3, a.argmax().itemLong()); // first maximum of the flattened array
        assertEquals(4, a.argmin().itemLong());
        ValuesIndices mx = a.max(1);
        assertArrayEquals(new float[] {7, 9}, mx.values().toFloatArray());
        assertArrayEquals(new long[] {1, 0}, mx.indices().toLongArray());
        assertEquals(DType.INT64, mx.indices().dtype());
        ValuesIndices mn = a.min(0, true);
        assertArrayEquals(new int[] {1, 3}, mn.values().sizes());
        assertArrayEquals(new long[] {0, 1, 0}, mn.indices().toLongArray());
        assertArrayEquals(new long[] {1, 0}, a.argmax(1).toLongArray());
        assertArrayEquals(new int[] {2, 1}, a.argmax(1, true).sizes());
        assertArrayEquals(new float[] {9}, a.amax(0, 1).toFloatArray());
        assertArrayEquals(new float[] {3, 1}, a.amin(-1).toFloatArray());
        NDArray x = NDArray.zeros(2, 3, 4, 5);
        for (int d = -4; d < 4; d++) {
            int[] kept = x.sizes();
            kept[(d + 4) % 4] = 1;
            assertArrayEquals(kept, x.sum(d, true).sizes());
            assertArrayEquals(kept, x.max(d, true).indices().sizes());
            assertArrayEquals(kept, x.var(new int[] {d}, 1, true).sizes());
            assertEquals(3, x.sum(d).dim());
        }
        assertArrayEquals(new int[] {2, 1, 4, 1}, x.mean(new int[] {1, -1}, true).sizes());
        assertArrayEquals(new int[] {3, 4}, x.amax(0, -1).sizes());
        NDArray bools = NDArray.fromArray(new boolean[][] {{false, true}, {false, false}});
        assertEquals(DType.BOOL, bools.amax(1).dtype());
        assertArrayEquals(new boolean[] {true, false}, bools.max(1).values().toBooleanArray());
        assertArrayEquals(new long[] {1, 0}, bools.max(1).indices().toLongArray());
    }

    @Test
    void nanPropagatesAndTheFirstNaNIsTheExtremum() {
        NDArray a = NDArray.fromArray(new float[][] {{1, NAN, 5, NAN}, {2, 8, 8, -INF}});
        assertTrue(Double.isNaN(a.max().item()));
        assertTrue(Double.isNaN(a.amin(1).getDouble(0)));
        assertEquals(1, a.argmax().itemLong());
        assertArrayEquals(new long[] {1, 1}, a.max(1).indices().toLongArray());
        assertArrayEquals(new long[] {1, 3}, a.min(1).indices().toLongArray());
        assertTrue(Double.isNaN(a.max(1).values().getDouble(0)));
        assertTrue(Double.isNaN(a.sum(1).getDouble(0)));
        assertTrue(Double.isNaN(a.logsumexp(1).getDouble(0)));
        assertEquals(8 + Math.log(2 + Math.exp(-6)), a.logsumexp(1).getDouble(1), 1e-5);
        assertTrue(a.any(1).toBooleanArray()[0]); // NaN is non-zero
        // a long row takes the SIMD path
        NDArray row = NDArray.arange(0, 100, 1, DType.FLOAT32);
        row.set(NAN, 70);
        row.set(NAN, 90);
        assertEquals(70, row.argmax().itemLong());
        assertEquals(70, row.argmin().itemLong());
    }

    @Test
    void logsumexpAndSoftmaxAreStable() {
        NDArray big = NDArray.of(1000, 1001, 1002);
        assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f}, big.softmax(0).toFloatArray(), 1e-6f);
        assertEquals(1002.4076, big.logsumexp(0).item(), 1e-3);
        assertArrayEquals(new float[] {-2.4076059f, -1.4076059f, -0.40760595f}, big.logSoftmax(-1).toFloatArray(), 1e-5f);
        NDArray inf = NDArray.fromArray(new float[][] {{-INF, -INF}, {INF, 1}});
        assertArrayEquals(new float[] {-INF, INF}, inf.logsumexp(1).toFloatArray());
        assertEquals(DType.FLOAT32, NDArray.arange(3).logsumexp(0).dtype());
        // softmax over a non-last dim: each column sums to 1
        NDArray s = NDArray.arange(0, 24, 1, DType.FLOAT64).view(2, 3, 4).softmax(1).sum(1);
        for (double v : s.toDoubleArray()) {
            assertEquals(1, v, 1e-12);
        }
        assertEquals(1, NDArray.scalar(5).softmax(0).item());
        assertEquals(0, NDArray.scalar(5).logSoftmax(-1).item());
    }

    @Test
    void varStdNormAllAnyCumulative() {
        NDArray a = NDArray.of(1, 2, 3, 4);
        assertEquals(5 / 3.0, a.var().item(), 1e-6);
        assertEquals(1.25, a.var(false).item(), 1e-6);
        assertEquals(Math.sqrt(5 / 3.0), a.std().item(), 1e-6);
        assertEquals(5 / 2.0, a.var(new int[] {0}, 2, false).item(), 1e-6);
        assertEquals(INF, a.var(new int[] {0}, 4, false).item()); // no degrees of freedom left: sum / 0
        assertTrue(Double.isNaN(NDArray.scalar(3).std().item()));
        // a constant row (here an expanded dim) has exactly zero variance, as with PyTorch's Welford update
        NDArray constant = NDArray.full(0.1, DType.FLOAT64, 3, 1).expand(3, 6);
        assertArrayEquals(new double[] {0, 0, 0}, constant.std(1).toDoubleArray(), 0);
        assertArrayEquals(new float[] {0.25f, 0.25f}, NDArray.fromArray(new float[][] {{1, 2}, {3, 4}}).var(new int[] {1}, false, false)
                .toFloatArray());
        NDArray v = NDArray.of(3, -4, 0);
        assertEquals(5, v.norm().item(), 1e-6);
        assertEquals(7, v.norm(1).item(), 1e-6);
        assertEquals(4, v.norm(Double.POSITIVE_INFINITY).item());
        assertEquals(0, v.norm(Double.NEGATIVE_INFINITY).item());
        assertEquals(2, v.norm(0).item());
        assertEquals(Math.pow(Math.sqrt(3) + 2, 2), v.norm(0.5).item(), 1e-5);
        assertEquals(0, v.norm(-1).item()); // 1/0 = inf in the sum, inf^-1 = 0
        assertEquals(5, v.view(1, 3).norm("fro", null, false).item(), 1e-6);
        assertArrayEquals(new int[] {1, 1}, v.view(1, 3).norm("fro", new int[] {0, 1}, true).sizes());
        NDArray f = NDArray.fromArray(new float[][] {{0, 1}, {2, 3}});
        assertArrayEquals(new boolean[] {false, true}, f.all(0).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true}, f.any(1).toBooleanArray());
        assertEquals(DType.BOOL, f.all().dtype());
        NDArray elementwise = f.all(new int[0], false);
        assertArrayEquals(new boolean[] {false, true, true, true}, elementwise.toBooleanArray());
        NDArray b = elementwise.any(new int[0], false);
        assertNotSame(elementwise, b); // dim=() copies even a bool input
        assertArrayEquals(new float[] {0, 1, 2, 4}, f.cumsum(0).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 2, 6}, f.cumprod(1).toFloatArray());
        NDArray bools = NDArray.fromArray(new boolean[] {true, false, true});
        assertEquals(DType.INT64, bools.cumsum(0).dtype());
        assertArrayEquals(new long[] {1, 1, 2}, bools.cumsum(0).toLongArray());
        // float32 cumsum accumulates in double, as PyTorch's CPU kernel (a float running sum drifts by ~1 here)
        NDArray tenths = NDArray.full(0.1, 100_000);
        assertEquals((float) (100_000 * (double) 0.1f), tenths.cumsum(0).getDouble(99_999), 1e-3);
    }

    @Test
    void emptyInputsFollowPyTorch() {
        NDArray e = NDArray.zeros(0);
        NDArray e03 = NDArray.zeros(0, 3);
        assertEquals(0, e.sum().item());
        assertEquals(1, e.prod().item());
        assertTrue(Double.isNaN(e.mean().item()));
        assertTrue(Double.isNaN(e.var().item()));
        assertEquals(Double.NEGATIVE_INFINITY, e.logsumexp(0).item());
        assertEquals(0, e.norm().item());
        assertTrue(e.all().toBooleanArray()[0]);
        assertEquals(false, e.any().toBooleanArray()[0]);
        assertArrayEquals(new float[] {0, 0, 0}, e03.sum(0).toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1}, e03.prod(0).toFloatArray());
        assertTrue(Double.isNaN(e03.mean(0).getDouble(2)));
        assertArrayEquals(new int[] {0}, e03.amax(1).sizes()); // reducing a non-empty dim of an empty array
        assertArrayEquals(new int[] {0}, e03.max(1).indices().sizes());
        assertArrayEquals(new int[] {0}, e03.argmax(1).sizes());
        assertArrayEquals(new int[] {0, 3}, e03.softmax(1).sizes());
        assertEquals(DType.INT64, NDArray.zeros(DType.INT64, 0, 3).softmax(1).dtype()); // returns before the dtype check
        assertArrayEquals(new int[] {0, 3}, e03.cumsum(0).sizes());
        assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY},
                e03.logsumexp(0).toFloatArray());
    }

    @Test
    void zeroDimInputs() {
        NDArray s = NDArray.scalar(4);
        assertEquals(0, s.sum(0).dim());
        assertEquals(0, s.sum(new int[] {-1}, true).dim());
        assertEquals(4, s.max(0).values().item());
        assertEquals(0, s.argmax(0, true).itemLong());
        assertEquals(0, s.argmax().itemLong());
        assertEquals(4, s.cumsum(0).item());
        assertEquals(4, s.logsumexp(new int[0], false).item());
        assertMessage(IndexOutOfBoundsException.class, "Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                () -> s.sum(1));
    }

    @Test
    void reductionPathsAgree() {
        // one matrix, reduced as contiguous rows, column blocks (dim 0), strided rows (a transposed view),
        // a permuted copy (dims 0 and 2) and an expanded (stride 0) dim
        NDArray x = NDArray.arange(0, 2 * 300 * 5, 1, DType.FLOAT64).view(2, 300, 5);
        NDArray t = x.permute(2, 1, 0);
        assertArrayEquals(x.sum(1).toDoubleArray(), t.sum(1).t().contiguous().toDoubleArray());
        assertArrayEquals(x.sum(0, 2).toDoubleArray(), t.sum(2, 0).toDoubleArray());
        assertArrayEquals(x.amax(1).toDoubleArray(), t.amax(1).t().contiguous().toDoubleArray());
        NDArray expanded = NDArray.of(1, 2, 3).view(3, 1).expand(3, 1000);
        assertArrayEquals(new float[] {1000, 2000, 3000}, expanded.sum(1).toFloatArray());
        assertArrayEquals(new float[] {6}, expanded.sum(0).narrow(0, 999, 1).toFloatArray());
        assertEquals(6000, expanded.sum().item());
    }

    @Test
    void errorMessagesAreVerbatim() {
        NDArray f = m23();
        NDArray l = NDArray.arange(6).view(2, 3);
        NDArray b = NDArray.fromArray(new boolean[] {true, false});
        NDArray e = NDArray.zeros(0);
        NDArray e03 = NDArray.zeros(0, 3);
        Class<IllegalArgumentException> iae = IllegalArgumentException.class;
        Class<IndexOutOfBoundsException> ioobe = IndexOutOfBoundsException.class;
        assertMessage(iae, "dim 0 appears multiple times in the list of dims", () -> f.sum(0, 0));
        assertMessage(iae, "dim 1 appears multiple times in the list of dims", () -> f.amax(1, -1));
        assertMessage(ioobe, "Dimension out of range (expected to be in range of [-2, 1], but got 2)", () -> f.sum(2));
        assertMessage(ioobe, "Dimension out of range (expected to be in range of [-2, 1], but got -3)", () -> f.softmax(-3));
        assertMessage(iae, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. "
                + "Got: Long", l::mean);
        assertMessage(iae, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. "
                + "Got: Bool", () -> b.mean(0));
        assertMessage(iae, "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim "
                + "with the 'dim' argument.", e::max);
        assertMessage(iae, "min(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim "
                + "with the 'dim' argument.", e::min);
        assertMessage(iae, "amax(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim "
                + "with the 'dim' argument.", () -> e.amax());
        assertMessage(ioobe, "amin(): Expected reduction dim -2 to have non-zero size.", () -> e03.amin(-2));
        assertMessage(ioobe, "max(): Expected reduction dim 0 to have non-zero size.", () -> e03.max(-2));
        assertMessage(ioobe, "argmax(): Expected reduction dim to be specified for input.numel() == 0.", e::argmax);
        assertMessage(ioobe, "argmin(): Expected reduction dim 0 to have non-zero size.", () -> e03.argmin(0));
        assertMessage(iae, "argmax(): does not support bool input", () -> b.argmax(0));
        assertMessage(iae, "argmin(): does not support bool input", b::argmin);
        assertMessage(iae, "\"softmax_lastdim_kernel_impl\" not implemented for 'Long'", () -> l.softmax(-1));
        assertMessage(iae, "\"softmax_kernel_impl\" not implemented for 'Long'", () -> l.softmax(0));
        assertMessage(iae, "\"log_softmax_lastdim_kernel_impl\" not implemented for 'Bool'", () -> b.logSoftmax(0));
        assertMessage(iae, "\"softmax_kernel_impl\" not implemented for 'Long'", () -> l.logSoftmax(0));
        assertMessage(iae, "std and var only support floating point and complex dtypes", l::var);
        assertMessage(iae, "std and var only support floating point and complex dtypes", () -> l.std(0));
        assertMessage(iae, "linalg.vector_norm: Expected a floating point or complex tensor as input. Got Long", l::norm);
        assertMessage(iae, "linalg.vector_norm cannot compute the inf norm on an empty tensor because the operation does not "
                + "have an identity", () -> e.norm(Double.POSITIVE_INFINITY));
        assertMessage(iae, "linalg.vector_norm cannot compute the -1 norm on the dimension -2because this dimension is empty "
                + "and the operation does not have an identity", () -> e03.norm(-1, -2));
        assertMessage(iae, "linalg.matrix_norm: dim must be a 2-tuple. Got 0 1 2",
                () -> NDArray.zeros(2, 2, 2).norm("fro", new int[] {0, 1, 2}, false));
        assertMessage(iae, "output with shape [] doesn't match the broadcast shape [1, 1]", () -> f.logsumexp());
    }
}
