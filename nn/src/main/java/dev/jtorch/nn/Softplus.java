package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;
import dev.jtorch.tensor.PyFormat;

/** {@code torch.nn.Softplus(beta=1.0, threshold=20.0)}. */
public class Softplus extends Module {
    private final double beta;
    private final double threshold;

    /** {@code nn.Softplus()}. */
    public Softplus() {
        this(1.0, 20.0);
    }

    /** {@code nn.Softplus(beta, threshold)}. */
    public Softplus(double beta, double threshold) {
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.softplus(input, beta, threshold);
    }

    @Override
    public String extraRepr() {
        return "beta=" + PyFormat.repr(beta) + ", threshold=" + PyFormat.repr(threshold);
    }
}
