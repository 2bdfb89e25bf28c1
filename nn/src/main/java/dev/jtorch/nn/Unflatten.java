package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.Unflatten(dim, unflattened_size)}. */
public class Unflatten extends Module {
    private final int dim;
    private final int[] unflattenedSize;

    /** {@code nn.Unflatten(dim, unflattened_size)}. */
    public Unflatten(int dim, int... unflattenedSize) {
        this.dim = dim;
        this.unflattenedSize = unflattenedSize.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.unflatten(dim, unflattenedSize);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim + ", unflattened_size=" + Repr.tuple(unflattenedSize);
    }
}
