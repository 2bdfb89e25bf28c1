package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.Identity()}. */
public class Identity extends Module {
    /** {@code nn.Identity()}. */
    public Identity() {}

    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
