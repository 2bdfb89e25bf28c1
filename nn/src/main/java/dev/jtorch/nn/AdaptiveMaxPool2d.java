package dev.jtorch.nn;

import dev.jtorch.PooledWithIndices;
import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/**
 * {@code torch.nn.AdaptiveMaxPool2d(output_size, return_indices=False)}: an int gives a square output
 * and prints as an int; a pair prints as a tuple. {@link #forwardWithIndices} gives what
 * {@code return_indices=True} returns.
 */
public class AdaptiveMaxPool2d extends Module {
    private final int[] outputSize;
    private final String repr;

    /** {@code nn.AdaptiveMaxPool2d(output_size)} with one int. */
    public AdaptiveMaxPool2d(int outputSize) {
        this.outputSize = new int[] {outputSize, outputSize};
        this.repr = "output_size=" + outputSize;
    }

    /** {@code nn.AdaptiveMaxPool2d((oH, oW))}. */
    public AdaptiveMaxPool2d(int outputHeight, int outputWidth) {
        this.outputSize = new int[] {outputHeight, outputWidth};
        this.repr = "output_size=" + Repr.tuple(outputSize);
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.adaptiveMaxPool2d(input, outputSize);
    }

    /** The forward of {@code nn.AdaptiveMaxPool2d(..., return_indices=True)}: values and indices. */
    public PooledWithIndices forwardWithIndices(Tensor input) {
        return F.adaptiveMaxPool2dWithIndices(input, outputSize);
    }

    @Override
    public String extraRepr() {
        return repr;
    }
}
