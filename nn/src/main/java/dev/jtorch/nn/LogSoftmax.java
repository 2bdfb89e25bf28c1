package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.LogSoftmax(dim)}. */
public class LogSoftmax extends Module {
    private final int dim;

    /** {@code nn.LogSoftmax(dim)}. */
    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.logSoftmax(input, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
