package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/**
 * {@code torch.nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False,
 * count_include_pad=True, divisor_override=None)}. Its repr shows kernel_size, stride and padding
 * only, as PyTorch's does; sizes given as ints print as ints, arrays as tuples.
 */
public class AvgPool2d extends Module {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;
    private final Integer divisorOverride;
    private final String repr;

    /** {@code nn.AvgPool2d(kernel_size)}: stride = kernel_size. */
    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize);
    }

    /** {@code nn.AvgPool2d(kernel_size, stride)}. */
    public AvgPool2d(int kernelSize, int stride) {
        this(kernelSize, stride, 0, false, true, null);
    }

    /** {@code nn.AvgPool2d(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)}. */
    public AvgPool2d(int kernelSize, int stride, int padding, boolean ceilMode, boolean countIncludePad,
            Integer divisorOverride) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, ceilMode, countIncludePad, divisorOverride,
                "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding);
    }

    /** {@code nn.AvgPool2d((kH, kW), (sH, sW))}; a null stride means kernel_size. */
    public AvgPool2d(int[] kernelSize, int[] stride) {
        this(kernelSize, stride == null ? kernelSize : stride, new int[] {0}, false, true, null,
                "kernel_size=" + Repr.tuple(kernelSize) + ", stride=" + Repr.tuple(stride == null ? kernelSize : stride)
                        + ", padding=0");
    }

    /** {@code nn.AvgPool2d((kH, kW), (sH, sW), (pH, pW), ...)}; a null stride means kernel_size. */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad,
            Integer divisorOverride) {
        this(kernelSize, stride == null ? kernelSize : stride, padding, ceilMode, countIncludePad, divisorOverride,
                "kernel_size=" + Repr.tuple(kernelSize) + ", stride=" + Repr.tuple(stride == null ? kernelSize : stride)
                        + ", padding=" + Repr.tuple(padding));
    }

    private AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad,
            Integer divisorOverride, String repr) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
        this.repr = repr;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    @Override
    public String extraRepr() {
        return repr;
    }
}
