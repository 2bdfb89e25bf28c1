package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.nn.functional.F;

/**
 * {@code torch.nn.Conv1d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
 * groups=1, bias=True, padding_mode='zeros')} on {@code [N, C, L]} or {@code [C, L]} input, with
 * PyTorch's initialisation and repr ({@code Conv1d(2, 4, kernel_size=(3,), stride=(1,))}).
 */
public class Conv1d extends ConvNd {
    /** {@code nn.Conv1d(in, out, kernel_size)}. */
    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, options());
    }

    /** {@code nn.Conv1d(in, out, kernel_size, **options)}. */
    public Conv1d(int inChannels, int outChannels, int kernelSize, ConvOptions options) {
        super(1, false, inChannels, outChannels, new int[] {kernelSize}, options);
    }

    /** The keyword arguments, with PyTorch's defaults. */
    public static ConvOptions options() {
        return new ConvOptions();
    }

    @Override
    public Tensor forward(Tensor input) {
        if (explicitPadding()) {
            return F.conv1d(padded(input), weight(), bias(), stride()[0], 0, dilation()[0], groups());
        }
        if (paddingString() != null) {
            return F.conv1d(input, weight(), bias(), stride()[0], paddingString(), dilation()[0], groups());
        }
        return F.conv1d(input, weight(), bias(), stride()[0], padding()[0], dilation()[0], groups());
    }
}
