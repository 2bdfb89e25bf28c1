package dev.jtorch.nn;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.nn.init.Init;
import java.util.Arrays;

/**
 * PyTorch's {@code _ConvNd}: the parameters, argument checks, default initialisation and repr
 * shared by {@link Conv1d}, {@link Conv2d}, {@link ConvTranspose1d} and {@link ConvTranspose2d}. The weight is
 * {@code [out, in/groups, *kernel]} ({@code [in, out/groups, *kernel]} when transposed); the
 * initialisation draws {@code kaiming_uniform_(a=sqrt(5))} for the weight, then
 * {@code U(-1/sqrt(fan_in), 1/sqrt(fan_in))} for the bias, PyTorch's numbers in PyTorch's order.
 */
public abstract class ConvNd extends Module {
    private final int inChannels;
    private final int outChannels;
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final String paddingString;
    private final int[] dilation;
    private final int[] outputPadding;
    private final int groups;
    private final String paddingMode;
    private final boolean transposed;
    /** Padding before / after each spatial dim, for the non-zero padding modes. */
    final int[] padLo;
    final int[] padHi;

    ConvNd(int dims, boolean transposed, int inChannels, int outChannels, int[] kernelSize, ConvOptions o) {
        if (o.groups <= 0) {
            throw new IllegalArgumentException("groups must be a positive integer");
        }
        if (inChannels % o.groups != 0) {
            throw new IllegalArgumentException("in_channels must be divisible by groups");
        }
        if (outChannels % o.groups != 0) {
            throw new IllegalArgumentException("out_channels must be divisible by groups");
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = ntuple(kernelSize, dims, "kernel_size");
        this.stride = ntuple(o.stride, dims, "stride");
        this.dilation = ntuple(o.dilation, dims, "dilation");
        this.outputPadding = ntuple(o.outputPadding, dims, "output_padding");
        this.groups = o.groups;
        this.transposed = transposed;
        this.paddingString = o.paddingString;
        if (o.paddingString != null) {
            if (!o.paddingString.equals("same") && !o.paddingString.equals("valid")) {
                throw new IllegalArgumentException("Invalid padding string '" + o.paddingString
                        + "', should be one of {'valid', 'same'}");
            }
            if (o.paddingString.equals("same") && Arrays.stream(stride).anyMatch(s -> s != 1)) {
                throw new IllegalArgumentException("padding='same' is not supported for strided convolutions");
            }
            this.padding = new int[dims];
        } else {
            this.padding = ntuple(o.padding, dims, "padding");
        }
        if (!Arrays.asList("zeros", "reflect", "replicate", "circular").contains(o.paddingMode)) {
            throw new IllegalArgumentException("padding_mode must be one of {'zeros', 'reflect', 'replicate', "
                    + "'circular'}, but got padding_mode='" + o.paddingMode + "'");
        }
        this.paddingMode = o.paddingMode;
        padLo = new int[dims];
        padHi = new int[dims];
        for (int i = 0; i < dims; i++) {
            int total = "same".equals(paddingString) ? this.dilation[i] * (this.kernelSize[i] - 1) : 2 * padding[i];
            padLo[i] = "same".equals(paddingString) ? total / 2 : padding[i];
            padHi[i] = total - padLo[i];
        }
        int[] wShape = new int[dims + 2];
        wShape[0] = transposed ? inChannels : outChannels;
        wShape[1] = (transposed ? outChannels : inChannels) / groups;
        System.arraycopy(this.kernelSize, 0, wShape, 2, dims);
        registerParameter("weight", new Parameter(Torch.empty(wShape)));
        registerParameter("bias", o.bias ? new Parameter(Torch.empty(outChannels)) : null);
        resetParameters();
    }

    /**
     * {@code _ConvTransposeNd}'s check: only {@code padding_mode='zeros'} (PyTorch's message names the
     * layer), and numeric padding.
     */
    static ConvOptions transposedOptions(String layer, ConvOptions o) {
        if (!o.paddingMode.equals("zeros")) {
            throw new IllegalArgumentException("Only \"zeros\" padding mode is supported for " + layer);
        }
        if (o.paddingString != null) {
            throw new IllegalArgumentException(layer + " takes numeric padding, got padding='" + o.paddingString + "'");
        }
        return o;
    }

    private static int[] ntuple(int[] v, int dims, String name) {
        if (v.length == 1) {
            int[] out = new int[dims];
            Arrays.fill(out, v[0]);
            return out;
        }
        if (v.length != dims) {
            throw new IllegalArgumentException(name + " must be one value or " + dims + " values, got "
                    + Arrays.toString(v));
        }
        return v.clone();
    }

    /** {@code reset_parameters()}: PyTorch's draws, weight first. */
    public void resetParameters() {
        Init.kaimingUniform_(weight(), Math.sqrt(5), "fan_in", "leaky_relu");
        if (bias() != null) {
            int fanIn = Init.calculateFanInAndFanOut(weight())[0];
            if (fanIn != 0) {
                double bound = 1 / Math.sqrt(fanIn);
                Init.uniform_(bias(), -bound, bound);
            }
        }
    }

    /** The input after the non-zero padding mode (the zeros mode pads inside the convolution). */
    Tensor padded(Tensor input) {
        return ConvPadding.pad(input, padLo, padHi, paddingMode);
    }

    /** True when the padding is applied by {@link #padded} rather than the convolution. */
    boolean explicitPadding() {
        return !paddingMode.equals("zeros");
    }

    /** {@code weight}: {@code [out, in/groups, *kernel]}, transposed {@code [in, out/groups, *kernel]}. */
    public Parameter weight() {
        return parameter("weight");
    }

    /** {@code bias} {@code [out]}, or null when built with {@code bias=False}. */
    public Parameter bias() {
        return parameter("bias");
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    public int[] kernelSize() {
        return kernelSize.clone();
    }

    public int[] stride() {
        return stride.clone();
    }

    /** Numeric padding per dim (zeros for {@code padding='valid'}; 'same' pads as {@link #paddingString()} says). */
    public int[] padding() {
        return padding.clone();
    }

    /** {@code "same"}, {@code "valid"}, or null when the padding is numeric. */
    public String paddingString() {
        return paddingString;
    }

    public int[] dilation() {
        return dilation.clone();
    }

    public int[] outputPadding() {
        return outputPadding.clone();
    }

    public int groups() {
        return groups;
    }

    public String paddingMode() {
        return paddingMode;
    }

    /** {@code _ConvNd.extra_repr()}: only the arguments that differ from their defaults. */
    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder();
        s.append(inChannels).append(", ").append(outChannels).append(", kernel_size=").append(Repr.tuple(kernelSize))
                .append(", stride=").append(Repr.tuple(stride));
        if (paddingString != null) {
            s.append(", padding=").append(paddingString);
        } else if (Arrays.stream(padding).anyMatch(p -> p != 0)) {
            s.append(", padding=").append(Repr.tuple(padding));
        }
        if (Arrays.stream(dilation).anyMatch(d -> d != 1)) {
            s.append(", dilation=").append(Repr.tuple(dilation));
        }
        if (transposed && Arrays.stream(outputPadding).anyMatch(p -> p != 0)) {
            s.append(", output_padding=").append(Repr.tuple(outputPadding));
        }
        if (groups != 1) {
            s.append(", groups=").append(groups);
        }
        if (bias() == null) {
            s.append(", bias=False");
        }
        if (!paddingMode.equals("zeros")) {
            s.append(", padding_mode=").append(paddingMode);
        }
        return s.toString();
    }
}
