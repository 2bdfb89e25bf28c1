package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;
import dev.jtorch.tensor.PyFormat;

/** {@code torch.nn.LeakyReLU(negative_slope=0.01, inplace=False)}. */
public class LeakyReLU extends Module {
    private final double negativeSlope;

    /** {@code nn.LeakyReLU()}. */
    public LeakyReLU() {
        this(0.01);
    }

    /** {@code nn.LeakyReLU(negative_slope)}. */
    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.leakyRelu(input, negativeSlope);
    }

    @Override
    public String extraRepr() {
        return "negative_slope=" + PyFormat.repr(negativeSlope);
    }
}
