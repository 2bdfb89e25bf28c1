package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.autograd.GradMode;
import dev.jtorch.nn.functional.F;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.PyFormat;

/**
 * {@code torch.nn.modules.batchnorm._BatchNorm}: parameters {@code weight} (ones) and {@code bias}
 * (zeros) when affine; buffers {@code running_mean} (zeros), {@code running_var} (ones) and
 * {@code num_batches_tracked} (int64 0) when tracking running statistics.
 */
public abstract class BatchNorm extends Module {
    private final int numFeatures;
    private final double eps;
    private final Double momentum;
    private final boolean affine;
    private final boolean trackRunningStats;

    protected BatchNorm(int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        registerParameter("weight", affine ? new Parameter(Torch.ones(numFeatures)) : null);
        registerParameter("bias", affine ? new Parameter(Torch.zeros(numFeatures)) : null);
        if (trackRunningStats) {
            registerBuffer("running_mean", Torch.zeros(numFeatures));
            registerBuffer("running_var", Torch.ones(numFeatures));
            registerBuffer("num_batches_tracked", Torch.zeros(DType.INT64));
        } else {
            registerBuffer("running_mean", null);
            registerBuffer("running_var", null);
            registerBuffer("num_batches_tracked", null);
        }
    }

    /** Throws PyTorch's message when the input rank is wrong for this layer. */
    protected abstract void checkInputDim(Tensor input);

    /** {@code bn.weight}, or null. */
    public Parameter weight() {
        return parameter("weight");
    }

    /** {@code bn.bias}, or null. */
    public Parameter bias() {
        return parameter("bias");
    }

    /** {@code bn.running_mean}, or null. */
    public Tensor runningMean() {
        return buffer("running_mean");
    }

    /** {@code bn.running_var}, or null. */
    public Tensor runningVar() {
        return buffer("running_var");
    }

    /** {@code bn.num_batches_tracked}, or null. */
    public Tensor numBatchesTracked() {
        return buffer("num_batches_tracked");
    }

    @Override
    public Tensor forward(Tensor input) {
        checkInputDim(input);
        double factor = momentum == null ? 0.0 : momentum;
        if (isTraining() && trackRunningStats) {
            Tensor nbt = numBatchesTracked();
            try (GradMode.Guard g = Torch.noGrad()) {
                nbt.add_(1L);
            }
            factor = momentum == null ? 1.0 / nbt.itemLong() : momentum;
        }
        boolean bnTraining = isTraining() || (runningMean() == null && runningVar() == null);
        boolean passStats = !isTraining() || trackRunningStats;
        return F.batchNorm(input, passStats ? runningMean() : null, passStats ? runningVar() : null, weight(), bias(),
                bnTraining, factor, eps);
    }

    @Override
    public String extraRepr() {
        return numFeatures + ", eps=" + PyFormat.repr(eps) + ", momentum=" + (momentum == null ? "None" : PyFormat.repr(momentum))
                + ", affine=" + PyFormat.repr(affine) + ", track_running_stats=" + PyFormat.repr(trackRunningStats);
    }
}
