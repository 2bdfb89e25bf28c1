package dev.jtorch.nn;

import dev.jtorch.Tensor;

/**
 * {@code torch.nn.BatchNorm2d(num_features, eps=1e-05, momentum=0.1, affine=True,
 * track_running_stats=True)} over {@code [N, C, H, W]} input. A null momentum is PyTorch's {@code momentum=None}
 * (cumulative moving average).
 */
public class BatchNorm2d extends BatchNorm {
    /** {@code nn.BatchNorm2d(num_features)}. */
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /** {@code nn.BatchNorm2d(num_features, eps, momentum, affine, track_running_stats)}. */
    public BatchNorm2d(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    protected void checkInputDim(Tensor input) {
        if (input.dim() != 4) {
            throw new IllegalArgumentException("expected 4D input (got " + input.dim() + "D input)");
        }
    }
}
