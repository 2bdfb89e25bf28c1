package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.nn.functional.F;
import dev.jtorch.tensor.PyFormat;

/** {@code torch.nn.GroupNorm(num_groups, num_channels, eps=1e-05, affine=True)}: weight ones, bias zeros. */
public class GroupNorm extends Module {
    private final int numGroups;
    private final int numChannels;
    private final double eps;
    private final boolean affine;

    /** {@code nn.GroupNorm(num_groups, num_channels)}. */
    public GroupNorm(int numGroups, int numChannels) {
        this(numGroups, numChannels, 1e-5, true);
    }

    /** {@code nn.GroupNorm(num_groups, num_channels, eps, affine)}. */
    public GroupNorm(int numGroups, int numChannels, double eps, boolean affine) {
        if (numChannels % numGroups != 0) {
            throw new IllegalArgumentException("num_channels must be divisible by num_groups");
        }
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;
        this.affine = affine;
        registerParameter("weight", affine ? new Parameter(Torch.ones(numChannels)) : null);
        registerParameter("bias", affine ? new Parameter(Torch.zeros(numChannels)) : null);
    }

    /** {@code group_norm.weight}, or null. */
    public Parameter weight() {
        return parameter("weight");
    }

    /** {@code group_norm.bias}, or null. */
    public Parameter bias() {
        return parameter("bias");
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.groupNorm(input, numGroups, weight(), bias(), eps);
    }

    @Override
    public String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + PyFormat.repr(eps) + ", affine=" + PyFormat.repr(affine);
    }
}
