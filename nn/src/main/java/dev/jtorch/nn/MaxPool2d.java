package dev.jtorch.nn;

import dev.jtorch.PooledWithIndices;
import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/**
 * {@code torch.nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False,
 * ceil_mode=False)}. {@code forward} returns the values; {@link #forwardWithIndices} gives what
 * {@code return_indices=True} returns. Sizes given as ints print as ints in the repr, arrays as tuples.
 */
public class MaxPool2d extends Module {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean ceilMode;
    private final String repr;

    /** {@code nn.MaxPool2d(kernel_size)}: stride = kernel_size. */
    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize);
    }

    /** {@code nn.MaxPool2d(kernel_size, stride)}. */
    public MaxPool2d(int kernelSize, int stride) {
        this(kernelSize, stride, 0, 1, false);
    }

    /** {@code nn.MaxPool2d(kernel_size, stride, padding, dilation, ceil_mode=ceilMode)}. */
    public MaxPool2d(int kernelSize, int stride, int padding, int dilation, boolean ceilMode) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {dilation}, ceilMode,
                "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ", dilation=" + dilation);
    }

    /** {@code nn.MaxPool2d((kH, kW), (sH, sW))}; a null stride means kernel_size. */
    public MaxPool2d(int[] kernelSize, int[] stride) {
        this(kernelSize, stride == null ? kernelSize : stride, new int[] {0}, new int[] {1}, false,
                "kernel_size=" + Repr.tuple(kernelSize) + ", stride=" + Repr.tuple(stride == null ? kernelSize : stride)
                        + ", padding=0, dilation=1");
    }

    /** {@code nn.MaxPool2d((kH, kW), (sH, sW), (pH, pW), (dH, dW), ceil_mode)}; a null stride means kernel_size. */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this(kernelSize, stride == null ? kernelSize : stride, padding, dilation, ceilMode,
                "kernel_size=" + Repr.tuple(kernelSize) + ", stride=" + Repr.tuple(stride == null ? kernelSize : stride)
                        + ", padding=" + Repr.tuple(padding) + ", dilation=" + Repr.tuple(dilation));
    }

    private MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode, String repr) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        this.ceilMode = ceilMode;
        this.repr = repr + ", ceil_mode=" + (ceilMode ? "True" : "False");
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /** The forward of {@code nn.MaxPool2d(..., return_indices=True)}: values and indices. */
    public PooledWithIndices forwardWithIndices(Tensor input) {
        return F.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    @Override
    public String extraRepr() {
        return repr;
    }
}
