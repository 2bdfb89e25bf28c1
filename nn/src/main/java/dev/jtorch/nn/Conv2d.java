package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/**
 * {@code torch.nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
 * groups=1, bias=True, padding_mode='zeros')} on {@code [N, C, H, W]} or {@code [C, H, W]} input,
 * with PyTorch's initialisation and repr ({@code Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1))}).
 */
public class Conv2d extends ConvNd {
    /** {@code nn.Conv2d(in, out, kernel_size)} with a square kernel. */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, new int[] {kernelSize}, options());
    }

    /** {@code nn.Conv2d(in, out, kernel_size, **options)}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, ConvOptions options) {
        this(inChannels, outChannels, new int[] {kernelSize}, options);
    }

    /** {@code nn.Conv2d(in, out, (kh, kw), **options)}. */
    public Conv2d(int inChannels, int outChannels, int[] kernelSize, ConvOptions options) {
        super(2, false, inChannels, outChannels, kernelSize, options);
    }

    /** The keyword arguments, with PyTorch's defaults. */
    public static ConvOptions options() {
        return new ConvOptions();
    }

    @Override
    public Tensor forward(Tensor input) {
        if (explicitPadding()) {
            return F.conv2d(padded(input), weight(), bias(), stride(), new int[] {0}, dilation(), groups());
        }
        if (paddingString() != null) {
            return F.conv2d(input, weight(), bias(), stride(), paddingString(), dilation(), groups());
        }
        return F.conv2d(input, weight(), bias(), stride(), padding(), dilation(), groups());
    }
}
