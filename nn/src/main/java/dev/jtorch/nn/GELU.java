package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.GELU(approximate='none')}. */
public class GELU extends Module {
    private final String approximate;

    /** {@code nn.GELU()}. */
    public GELU() {
        this("none");
    }

    /** {@code nn.GELU(approximate)}: {@code "none"} or {@code "tanh"}. */
    public GELU(String approximate) {
        this.approximate = approximate;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.gelu(input, approximate);
    }

    @Override
    public String extraRepr() {
        return "approximate='" + approximate + "'";
    }
}
