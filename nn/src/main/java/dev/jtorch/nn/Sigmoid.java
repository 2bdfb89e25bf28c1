package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.Sigmoid()}. */
public class Sigmoid extends Module {
    /** {@code nn.Sigmoid()}. */
    public Sigmoid() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.sigmoid(input);
    }
}
