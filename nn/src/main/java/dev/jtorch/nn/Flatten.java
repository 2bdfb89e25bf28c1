package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.Flatten(start_dim=1, end_dim=-1)}. */
public class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** {@code nn.Flatten()}. */
    public Flatten() {
        this(1, -1);
    }

    /** {@code nn.Flatten(start_dim, end_dim)}. */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
