package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.ThresholdBackward;
import java.util.Arrays;

/**
 * ATen's {@code threshold_backward(grad_output, self, threshold)}, the backward of ReLU (with the
 * ReLU's result as {@code self} and threshold 0): the gradient where {@code self > threshold},
 * else 0. Same-shape contiguous float32 or float64 operands of one dtype go through one fused
 * pass ({@link ThresholdBackward}); anything else is {@code where(self <= threshold, 0, grad)},
 * which broadcasts the two and gives the gradient's dtype. Both give the same values.
 */
final class ActivationBackward {
    private ActivationBackward() {}

    /** Rows at least this long split over the pool. */
    static final int PARALLEL_MIN = 1 << 20;

    static NDArray thresholdBackward(NDArray grad, NDArray self, double threshold) {
        DType t = grad.dtype();
        if (t != self.dtype() || !t.isFloatingPoint() || !Arrays.equals(grad.sizes(), self.sizes())
                || !grad.isContiguous() || !self.isContiguous()) {
            return NDArray.where(self.le(threshold), 0.0, grad);
        }
        NDArray out = NDArray.empty(t, grad.sizes());
        int n = out.numel();
        int go = grad.offset();
        int so = self.offset();
        // a select, no arithmetic: long rows split over the pool give the same values. Only from
        // PARALLEL_MIN elements: below, two threads writing a fresh output were slower than one
        // (495K elements: 290 us against 250-290 us serial; 1.38M: 570-620 us against 700-920 us)
        boolean serial = n < PARALLEL_MIN;
        if (t == DType.FLOAT32) {
            float[] g = (float[]) grad.storage();
            float[] s = (float[]) self.storage();
            float[] o = (float[]) out.storage();
            float th = (float) threshold;
            if (serial) {
                ThresholdBackward.apply(g, go, s, so, th, o, 0, n);
            } else {
                FlatParallel.run(n, (i, len) -> ThresholdBackward.apply(g, go + i, s, so + i, th, o, i, len));
            }
        } else {
            double[] g = (double[]) grad.storage();
            double[] s = (double[]) self.storage();
            double[] o = (double[]) out.storage();
            if (serial) {
                ThresholdBackward.apply(g, go, s, so, threshold, o, 0, n);
            } else {
                FlatParallel.run(n, (i, len) -> ThresholdBackward.apply(g, go + i, s, so + i, threshold, o, i, len));
            }
        }
        return out;
    }
}
