package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/**
 * {@code torch.nn.ConvTranspose1d(in_channels, out_channels, kernel_size, stride=1, padding=0,
 * output_padding=0, groups=1, bias=True, dilation=1, padding_mode='zeros')} on {@code [N, C, L]} or
 * {@code [C, L]} input: weight {@code [in, out/groups, k]}, PyTorch's initialisation (fan_in from
 * {@code out/groups * k}) and repr. Only {@code padding_mode='zeros'}, as in PyTorch. The
 * {@code output_size} argument of PyTorch's {@code forward} is not offered: give
 * {@code output_padding} instead.
 */
public class ConvTranspose1d extends ConvNd {
    /** {@code nn.ConvTranspose1d(in, out, kernel_size)}. */
    public ConvTranspose1d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, options());
    }

    /** {@code nn.ConvTranspose1d(in, out, kernel_size, **options)}. */
    public ConvTranspose1d(int inChannels, int outChannels, int kernelSize, ConvOptions options) {
        super(1, true, inChannels, outChannels, new int[] {kernelSize}, transposedOptions("ConvTranspose1d", options));
    }

    /** The keyword arguments, with PyTorch's defaults. */
    public static ConvOptions options() {
        return new ConvOptions();
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.convTranspose1d(input, weight(), bias(), stride()[0], padding()[0], outputPadding()[0], groups(),
                dilation()[0]);
    }
}
