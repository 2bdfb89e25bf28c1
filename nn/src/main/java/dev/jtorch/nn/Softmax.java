package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.Softmax(dim)}. */
public class Softmax extends Module {
    private final int dim;

    /** {@code nn.Softmax(dim)}. */
    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.softmax(input, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
