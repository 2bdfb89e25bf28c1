package dev.jtorch.nn;

import dev.jtorch.PooledWithIndices;
import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/**
 * {@code torch.nn.MaxPool1d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False,
 * ceil_mode=False)}. {@code forward} returns the values; {@link #forwardWithIndices} gives what
 * {@code return_indices=True} returns.
 */
public class MaxPool1d extends Module {
    private final int kernelSize;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final boolean ceilMode;

    /** {@code nn.MaxPool1d(kernel_size)}: stride = kernel_size. */
    public MaxPool1d(int kernelSize) {
        this(kernelSize, kernelSize, 0, 1, false);
    }

    /** {@code nn.MaxPool1d(kernel_size, stride)}. */
    public MaxPool1d(int kernelSize, int stride) {
        this(kernelSize, stride, 0, 1, false);
    }

    /** {@code nn.MaxPool1d(kernel_size, stride, padding, dilation, ceil_mode=ceilMode)}. */
    public MaxPool1d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.ceilMode = ceilMode;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.maxPool1d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** The forward of {@code nn.MaxPool1d(..., return_indices=True)}: values and indices. */
    public PooledWithIndices forwardWithIndices(Tensor input) {
        return F.maxPool1dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ", dilation=" + dilation
                + ", ceil_mode=" + (ceilMode ? "True" : "False");
    }
}
