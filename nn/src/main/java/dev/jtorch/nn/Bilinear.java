package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.nn.functional.F;
import dev.jtorch.nn.init.Init;

/**
 * {@code torch.nn.Bilinear(in1_features, in2_features, out_features, bias=True)}:
 * {@code y = x1^T A x2 + b} with {@code weight [out, in1, in2]}, initialised as PyTorch does:
 * U(-1/sqrt(in1), 1/sqrt(in1)) for the weight, then the bias, drawing the same random numbers.
 */
public class Bilinear extends Module {
    private final int in1Features;
    private final int in2Features;
    private final int outFeatures;

    /** {@code nn.Bilinear(in1_features, in2_features, out_features)}. */
    public Bilinear(int in1Features, int in2Features, int outFeatures) {
        this(in1Features, in2Features, outFeatures, true);
    }

    /** {@code nn.Bilinear(in1_features, in2_features, out_features, bias)}. */
    public Bilinear(int in1Features, int in2Features, int outFeatures, boolean bias) {
        this.in1Features = in1Features;
        this.in2Features = in2Features;
        this.outFeatures = outFeatures;
        registerParameter("weight", new Parameter(Torch.empty(outFeatures, in1Features, in2Features)));
        registerParameter("bias", bias ? new Parameter(Torch.empty(outFeatures)) : null);
        resetParameters();
    }

    /** {@code reset_parameters()}: bound = 1 / sqrt(weight.size(1)); weight, then bias, from U(-bound, bound). */
    public void resetParameters() {
        double bound = 1 / Math.sqrt(weight().size(1));
        Init.uniform_(weight(), -bound, bound);
        if (bias() != null) {
            Init.uniform_(bias(), -bound, bound);
        }
    }

    /** {@code bilinear.weight}, shape {@code [out_features, in1_features, in2_features]}. */
    public Parameter weight() {
        return parameter("weight");
    }

    /** {@code bilinear.bias}, or null when built with {@code bias=False}. */
    public Parameter bias() {
        return parameter("bias");
    }

    /** {@code in1_features}. */
    public int in1Features() {
        return in1Features;
    }

    /** {@code in2_features}. */
    public int in2Features() {
        return in2Features;
    }

    /** {@code out_features}. */
    public int outFeatures() {
        return outFeatures;
    }

    /** {@code bilinear(input1, input2)}. */
    public Tensor forward(Tensor input1, Tensor input2) {
        return F.bilinear(input1, input2, weight(), bias());
    }

    @Override
    public Tensor forward(Tensor... inputs) {
        // Python's own call errors for forward(self, input1, input2)
        if (inputs.length == 0) {
            throw new IllegalArgumentException("Bilinear.forward() missing 2 required positional arguments: 'input1' and 'input2'");
        }
        if (inputs.length == 1) {
            throw new IllegalArgumentException("Bilinear.forward() missing 1 required positional argument: 'input2'");
        }
        if (inputs.length > 2) {
            throw new IllegalArgumentException("Bilinear.forward() takes 3 positional arguments but " + (inputs.length + 1)
                    + " were given");
        }
        return forward(inputs[0], inputs[1]);
    }

    @Override
    public String extraRepr() {
        return "in1_features=" + in1Features + ", in2_features=" + in2Features + ", out_features=" + outFeatures + ", bias="
                + (bias() != null ? "True" : "False");
    }
}
