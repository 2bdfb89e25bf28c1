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

    static NDArray thresholdBackward(NDArray grad, NDArray self, double threshold) {
        DType t = grad.dtype();
        if (t != self.dtype() || !t.isFloatingPoint() || !Arrays.equals(grad.sizes(), self.sizes())
                || !grad.isContiguous() || !self.isContiguous()) {
            return NDArray.where(self.le(threshold), 0.0, grad);
        }
        NDArray out = NDArray.empty(t, grad.sizes());
        int n = out.numel();
        if (t == DType.FLOAT32) {
            ThresholdBackward.apply((float[]) grad.storage(), grad.offset(), (float[]) self.storage(), self.offset(),
                    (float) threshold, (float[]) out.storage(), 0, n);
        } else {
            ThresholdBackward.apply((double[]) grad.storage(), grad.offset(), (double[]) self.storage(), self.offset(),
                    threshold, (double[]) out.storage(), 0, n);
        }
        return out;
    }
}
