package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/** {@code torch.nn.AdaptiveAvgPool1d(output_size)}; repr {@code AdaptiveAvgPool1d(output_size=4)}. */
public class AdaptiveAvgPool1d extends Module {
    private final int outputSize;

    /** {@code nn.AdaptiveAvgPool1d(output_size)}. */
    public AdaptiveAvgPool1d(int outputSize) {
        this.outputSize = outputSize;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveAvgPool1d(input, outputSize);
    }

    @Override
    public String extraRepr() {
        return "output_size=" + outputSize;
    }
}
