package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.Tanh()}. */
public class Tanh extends Module {
    /** {@code nn.Tanh()}. */
    public Tanh() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.tanh(input);
    }
}
