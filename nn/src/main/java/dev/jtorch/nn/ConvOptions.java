package dev.jtorch.nn;

/**
 * The keyword arguments of {@code nn.Conv1d}, {@code nn.Conv2d} and {@code nn.ConvTranspose2d}
 * with PyTorch's defaults: {@code stride=1, padding=0, dilation=1, groups=1, bias=True,
 * padding_mode='zeros'} and, for transposed convolutions, {@code output_padding=0}. Sizes take one
 * value (used for every spatial dim) or one per dim, as PyTorch's {@code _single}/{@code _pair}.
 * <pre>{@code new Conv2d(1, 32, 3, Conv2d.options().stride(2).padding(1).bias(false))}</pre>
 */
public final class ConvOptions {
    int[] stride = {1};
    int[] padding = {0};
    String paddingString;
    int[] dilation = {1};
    int[] outputPadding = {0};
    int groups = 1;
    boolean bias = true;
    String paddingMode = "zeros";

    /** {@code stride=}. */
    public ConvOptions stride(int... stride) {
        this.stride = stride.clone();
        return this;
    }

    /** {@code padding=} as numbers. */
    public ConvOptions padding(int... padding) {
        this.padding = padding.clone();
        this.paddingString = null;
        return this;
    }

    /** {@code padding='same'} or {@code 'valid'}. */
    public ConvOptions padding(String padding) {
        this.paddingString = padding;
        return this;
    }

    /** {@code dilation=}. */
    public ConvOptions dilation(int... dilation) {
        this.dilation = dilation.clone();
        return this;
    }

    /** {@code output_padding=} (transposed convolutions only). */
    public ConvOptions outputPadding(int... outputPadding) {
        this.outputPadding = outputPadding.clone();
        return this;
    }

    /** {@code groups=}. */
    public ConvOptions groups(int groups) {
        this.groups = groups;
        return this;
    }

    /** {@code bias=}. */
    public ConvOptions bias(boolean bias) {
        this.bias = bias;
        return this;
    }

    /** {@code padding_mode=}: 'zeros', 'reflect', 'replicate' or 'circular'. */
    public ConvOptions paddingMode(String paddingMode) {
        this.paddingMode = paddingMode;
        return this;
    }
}
