package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.nn.functional.F;
import dev.jtorch.nn.init.Init;

/**
 * {@code torch.nn.Linear(in_features, out_features, bias=True)}: {@code y = x W^T + b}, with
 * PyTorch's default initialisation (kaiming_uniform_(a=sqrt(5)) for the weight, then
 * U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for the bias), drawing the same random numbers.
 */
public class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;

    /** {@code nn.Linear(in_features, out_features)}. */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /** {@code nn.Linear(in_features, out_features, bias)}. */
    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        registerParameter("weight", new Parameter(Torch.empty(outFeatures, inFeatures)));
        registerParameter("bias", bias ? new Parameter(Torch.empty(outFeatures)) : null);
        resetParameters();
    }

    /** {@code reset_parameters()}. */
    public void resetParameters() {
        Init.kaimingUniform_(weight(), Math.sqrt(5), "fan_in", "leaky_relu");
        if (bias() != null) {
            int fanIn = Init.calculateFanInAndFanOut(weight())[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform_(bias(), -bound, bound);
        }
    }

    /** {@code linear.weight}, shape {@code [out_features, in_features]}. */
    public Parameter weight() {
        return parameter("weight");
    }

    /** {@code linear.bias}, or null when built with {@code bias=False}. */
    public Parameter bias() {
        return parameter("bias");
    }

    /** {@code in_features}. */
    public int inFeatures() {
        return inFeatures;
    }

    /** {@code out_features}. */
    public int outFeatures() {
        return outFeatures;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.linear(input, weight(), bias());
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias() != null ? "True" : "False");
    }
}
