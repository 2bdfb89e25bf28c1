package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/**
 * {@code torch.nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0,
 * output_padding=0, groups=1, bias=True, dilation=1, padding_mode='zeros')}: weight
 * {@code [in, out/groups, kh, kw]}, PyTorch's initialisation (fan_in from {@code out/groups * kh * kw})
 * and repr. Only {@code padding_mode='zeros'}, as in PyTorch. The {@code output_size} argument of
 * PyTorch's {@code forward} is not offered: give {@code output_padding} instead.
 */
public class ConvTranspose2d extends ConvNd {
    /** {@code nn.ConvTranspose2d(in, out, kernel_size)}. */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, new int[] {kernelSize}, options());
    }

    /** {@code nn.ConvTranspose2d(in, out, kernel_size, **options)}. */
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, ConvOptions options) {
        this(inChannels, outChannels, new int[] {kernelSize}, options);
    }

    /** {@code nn.ConvTranspose2d(in, out, (kh, kw), **options)}. */
    public ConvTranspose2d(int inChannels, int outChannels, int[] kernelSize, ConvOptions options) {
        super(2, true, inChannels, outChannels, kernelSize, transposedOptions("ConvTranspose2d", options));
    }

    /** The keyword arguments, with PyTorch's defaults. */
    public static ConvOptions options() {
        return new ConvOptions();
    }

    @Override
    public Tensor forward(Tensor input) {
        return F.convTranspose2d(input, weight(), bias(), stride(), padding(), outputPadding(), groups(), dilation());
    }
}
