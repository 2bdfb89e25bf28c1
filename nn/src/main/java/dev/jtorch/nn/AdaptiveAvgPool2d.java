package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/**
 * {@code torch.nn.AdaptiveAvgPool2d(output_size)}: an int gives a square output and prints as
 * an int ({@code output_size=1}); a pair prints as a tuple ({@code output_size=(1, 1)}).
 */
public class AdaptiveAvgPool2d extends Module {
    private final int[] outputSize;
    private final String repr;

    /** {@code nn.AdaptiveAvgPool2d(output_size)} with one int: an {@code output_size x output_size} output. */
    public AdaptiveAvgPool2d(int outputSize) {
        this.outputSize = new int[] {outputSize, outputSize};
        this.repr = "output_size=" + outputSize;
    }

    /** {@code nn.AdaptiveAvgPool2d((oH, oW))}. */
    public AdaptiveAvgPool2d(int outputHeight, int outputWidth) {
        this.outputSize = new int[] {outputHeight, outputWidth};
        this.repr = "output_size=" + Repr.tuple(outputSize);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveAvgPool2d(input, outputSize);
    }

    @Override
    public String extraRepr() {
        return repr;
    }
}
