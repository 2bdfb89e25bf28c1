package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.SiLU()}. */
public class SiLU extends Module {
    /** {@code nn.SiLU()}. */
    public SiLU() {}

    @Override
    public Tensor forward(Tensor input) {
        return F.silu(input);
    }
}
