package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link NDArray#thresholdBackward}: the fused pass and the {@code where} fallback (views,
 * broadcasting, mixed dtypes) give {@code where(input <= threshold, 0, grad)}, bit for bit.
 */
class ThresholdBackwardOpTest {
    private static void assertSameBits(NDArray expected, NDArray actual) {
        assertEquals(expected.dtype(), actual.dtype());
        assertArrayEquals(expected.sizes(), actual.sizes());
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]), "at " + i);
        }
    }

    private static NDArray reference(NDArray grad, NDArray input, double threshold) {
        return NDArray.where(input.le(threshold), 0.0, grad);
    }

    @Test
    void contiguousFloatAndDouble() {
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            NDArray g = NDArray.randn(3, 5, 37).to(t);
            NDArray x = NDArray.randn(3, 5, 37).to(t);
            x.set(Double.NaN, 0, 0, 0);
            x.set(-0.0, 0, 0, 1);
            g.set(Double.NaN, 0, 0, 2);
            for (double threshold : new double[] {0, 0.25, -1}) {
                assertSameBits(reference(g, x, threshold), g.thresholdBackward(x, threshold));
            }
            NDArray r = x.relu();
            assertSameBits(reference(g, r, 0), g.thresholdBackward(r, 0));
        }
    }

    @Test
    void longRowsSplitOverThePoolWithOffsetsGiveTheSameBits() {
        int threads = Parallel.getNumThreads();
        try {
            Parallel.setNumThreads(2);
            for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                int n = ActivationBackward.PARALLEL_MIN + 77;
                NDArray g = NDArray.randn(n + 5).to(t).narrow(0, 3, n);
                NDArray x = NDArray.randn(n + 9).to(t).narrow(0, 9, n);
                assertSameBits(reference(g, x, 0.1), g.thresholdBackward(x, 0.1));
            }
        } finally {
            Parallel.setNumThreads(threads);
        }
    }

    @Test
    void viewsBroadcastingAndOffsets() {
        NDArray g = NDArray.randn(6, 40);
        NDArray x = NDArray.randn(40, 6).t();
        assertSameBits(reference(g, x, 0), g.thresholdBackward(x, 0));
        NDArray row = NDArray.randn(40);
        assertSameBits(reference(g, row, 0.1), g.thresholdBackward(row, 0.1));
        NDArray gs = NDArray.randn(7, 40).narrow(0, 1, 6);
        NDArray xs = NDArray.randn(8, 40).narrow(0, 2, 6);
        assertSameBits(reference(gs, xs, 0), gs.thresholdBackward(xs, 0));
        NDArray empty = NDArray.randn(0, 4);
        assertSameBits(reference(empty, empty, 0), empty.thresholdBackward(empty, 0));
    }

    @Test
    void mixedDtypesTakeTheGradientsDtype() {
        NDArray g = NDArray.randn(4, 9);
        NDArray x = NDArray.randn(4, 9).to(DType.FLOAT64);
        assertSameBits(reference(g, x, 0), g.thresholdBackward(x, 0));
    }
}
