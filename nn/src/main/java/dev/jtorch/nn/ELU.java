package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;
import dev.jtorch.tensor.PyFormat;

/** {@code torch.nn.ELU(alpha=1.0, inplace=False)}. */
public class ELU extends Module {
    private final double alpha;

    /** {@code nn.ELU()}. */
    public ELU() {
        this(1.0);
    }

    /** {@code nn.ELU(alpha)}. */
    public ELU(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.elu(input, alpha);
    }

    @Override
    public String extraRepr() {
        return "alpha=" + PyFormat.repr(alpha);
    }
}
