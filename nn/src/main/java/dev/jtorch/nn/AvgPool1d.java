package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/**
 * {@code torch.nn.AvgPool1d(kernel_size, stride=None, padding=0, ceil_mode=False,
 * count_include_pad=True)}. PyTorch stores its sizes as 1-tuples, so the repr reads
 * {@code AvgPool1d(kernel_size=(3,), stride=(3,), padding=(0,))}.
 */
public class AvgPool1d extends Module {
    private final int kernelSize;
    private final int stride;
    private final int padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;

    /** {@code nn.AvgPool1d(kernel_size)}: stride = kernel_size. */
    public AvgPool1d(int kernelSize) {
        this(kernelSize, kernelSize, 0, false, true);
    }

    /** {@code nn.AvgPool1d(kernel_size, stride)}. */
    public AvgPool1d(int kernelSize, int stride) {
        this(kernelSize, stride, 0, false, true);
    }

    /** {@code nn.AvgPool1d(kernel_size, stride, padding, ceil_mode, count_include_pad)}. */
    public AvgPool1d(int kernelSize, int stride, int padding, boolean ceilMode, boolean countIncludePad) {
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.avgPool1d(input, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    @Override
    public String extraRepr() {
        return "kernel_size=(" + kernelSize + ",), stride=(" + stride + ",), padding=(" + padding + ",)";
    }
}
