package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.ReLU()}. */
public class ReLU extends Module {
    /** {@code nn.ReLU()}. */
    public ReLU() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.relu(input);
    }
}
