package dev.jtorch.nn.init;

import dev.jtorch.Tensor;
import dev.jtorch.autograd.GradMode;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.Generator;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.kernel.Erf;

/**
 * {@code torch.nn.init}: in-place initialisers that draw the same random numbers in the same
 * order as PyTorch, computing bounds in double exactly as its Python code does, so that after
 * the same seed the same tensors result. All run without recording gradients.
 */
public final class Init {
    private Init() {}

    /** {@code calculate_gain(nonlinearity)}. */
    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, null);
    }

    /** {@code calculate_gain(nonlinearity, param)}; {@code param} is leaky_relu's negative slope (default 0.01). */
    public static double calculateGain(String nonlinearity, Double param) {
        switch (nonlinearity) {
            case "linear":
            case "conv1d":
            case "conv2d":
            case "conv3d":
            case "conv_transpose1d":
            case "conv_transpose2d":
            case "conv_transpose3d":
            case "sigmoid":
                return 1;
            case "tanh":
                return 5.0 / 3;
            case "relu":
                return Math.sqrt(2.0);
            case "leaky_relu": {
                double slope = param == null ? 0.01 : param;
                return Math.sqrt(2.0 / (1 + slope * slope));
            }
            case "selu":
                return 3.0 / 4;
            default:
                throw new IllegalArgumentException("Unsupported nonlinearity " + nonlinearity);
        }
    }

    /** {@code _calculate_fan_in_and_fan_out(tensor)}: {@code {fan_in, fan_out}}. */
    public static int[] calculateFanInAndFanOut(Tensor t) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        }
        int receptive = 1;
        for (int d = 2; d < t.dim(); d++) {
            receptive *= t.size(d);
        }
        return new int[] {t.size(1) * receptive, t.size(0) * receptive};
    }

    /** {@code uniform_(tensor, a, b)} on the global generator. */
    public static Tensor uniform_(Tensor t, double a, double b) {
        return uniform_(t, a, b, Generator.defaultGenerator());
    }

    /** {@code uniform_(tensor, a, b, generator)}. */
    public static Tensor uniform_(Tensor t, double a, double b, Generator g) {
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            t.array().uniform_(a, b, g);
            t.bumpVersion();
        }
        return t;
    }

    /** {@code normal_(tensor, mean, std)}. */
    public static Tensor normal_(Tensor t, double mean, double std) {
        return normal_(t, mean, std, Generator.defaultGenerator());
    }

    /** {@code normal_(tensor, mean, std, generator)}. */
    public static Tensor normal_(Tensor t, double mean, double std, Generator g) {
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            t.array().normal_(mean, std, g);
            t.bumpVersion();
        }
        return t;
    }

    /** {@code constant_(tensor, val)}. */
    public static Tensor constant_(Tensor t, double val) {
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            return t.fill_(val);
        }
    }

    /** {@code ones_(tensor)}. */
    public static Tensor ones_(Tensor t) {
        return constant_(t, 1);
    }

    /** {@code zeros_(tensor)}. */
    public static Tensor zeros_(Tensor t) {
        return constant_(t, 0);
    }

    /** {@code eye_(tensor)}: the identity in a 2-d tensor. */
    public static Tensor eye_(Tensor t) {
        if (t.dim() != 2) {
            throw new IllegalArgumentException("Only tensors with 2 dimensions are supported");
        }
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            t.copy_(new Tensor(NDArray.eye(t.size(0), t.size(1), t.dtype())));
        }
        return t;
    }

    /** {@code xavier_uniform_(tensor, gain=1)}. */
    public static Tensor xavierUniform_(Tensor t) {
        return xavierUniform_(t, 1.0);
    }

    /** {@code xavier_uniform_(tensor, gain)}: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)). */
    public static Tensor xavierUniform_(Tensor t, double gain) {
        int[] fans = calculateFanInAndFanOut(t);
        double std = gain * Math.sqrt(2.0 / (double) (fans[0] + fans[1]));
        double a = Math.sqrt(3.0) * std;
        return uniform_(t, -a, a);
    }

    /** {@code xavier_normal_(tensor, gain=1)}. */
    public static Tensor xavierNormal_(Tensor t) {
        return xavierNormal_(t, 1.0);
    }

    /** {@code xavier_normal_(tensor, gain)}: N(0, gain^2 * 2 / (fan_in + fan_out)). */
    public static Tensor xavierNormal_(Tensor t, double gain) {
        int[] fans = calculateFanInAndFanOut(t);
        double std = gain * Math.sqrt(2.0 / (double) (fans[0] + fans[1]));
        return normal_(t, 0, std);
    }

    /** {@code kaiming_uniform_(tensor)} with a=0, mode='fan_in', nonlinearity='leaky_relu'. */
    public static Tensor kaimingUniform_(Tensor t) {
        return kaimingUniform_(t, 0, "fan_in", "leaky_relu");
    }

    /**
     * {@code kaiming_uniform_(tensor, a, mode, nonlinearity)}: U(-bound, bound) with
     * bound = sqrt(3) * gain / sqrt(fan). Tensors with a zero-size dim are left as they are.
     */
    public static Tensor kaimingUniform_(Tensor t, double a, String mode, String nonlinearity) {
        return kaimingUniform_(t, a, mode, nonlinearity, Generator.defaultGenerator());
    }

    /** {@code kaiming_uniform_(tensor, a, mode, nonlinearity, generator)}. */
    public static Tensor kaimingUniform_(Tensor t, double a, String mode, String nonlinearity, Generator g) {
        if (t.numel() == 0) {
            return t;
        }
        double std = kaimingStd(t, a, mode, nonlinearity);
        double bound = Math.sqrt(3.0) * std;
        return uniform_(t, -bound, bound, g);
    }

    /** {@code kaiming_normal_(tensor, a, mode, nonlinearity)}: N(0, (gain / sqrt(fan))^2). */
    public static Tensor kaimingNormal_(Tensor t, double a, String mode, String nonlinearity) {
        if (t.numel() == 0) {
            return t;
        }
        return normal_(t, 0, kaimingStd(t, a, mode, nonlinearity));
    }

    /** {@code kaiming_normal_(tensor)} with PyTorch's defaults. */
    public static Tensor kaimingNormal_(Tensor t) {
        return kaimingNormal_(t, 0, "fan_in", "leaky_relu");
    }

    private static double kaimingStd(Tensor t, double a, String mode, String nonlinearity) {
        int[] fans = calculateFanInAndFanOut(t);
        int fan;
        if ("fan_in".equals(mode)) {
            fan = fans[0];
        } else if ("fan_out".equals(mode)) {
            fan = fans[1];
        } else {
            throw new IllegalArgumentException("Mode " + mode + " not supported, please use one of fan_in, fan_out");
        }
        // a**2 in Python: 5.000000000000001 for a = sqrt(5); Java's a * a gives the same double
        double gain = "leaky_relu".equals(nonlinearity) ? Math.sqrt(2.0 / (1 + a * a)) : calculateGain(nonlinearity, a);
        return gain / Math.sqrt(fan);
    }

    /** {@code trunc_normal_(tensor, mean=0, std=1, a=-2, b=2)}. */
    public static Tensor truncNormal_(Tensor t) {
        return truncNormal_(t, 0, 1, -2, 2);
    }

    /** {@code trunc_normal_(tensor, mean, std, a, b)} on the global generator. */
    public static Tensor truncNormal_(Tensor t, double mean, double std, double a, double b) {
        return truncNormal_(t, mean, std, a, b, Generator.defaultGenerator());
    }

    /**
     * {@code trunc_normal_(tensor, mean, std, a, b, generator)}: PyTorch's {@code _no_grad_trunc_normal_}
     * operation by operation, so the values are PyTorch's: with {@code l = cdf((a - mean) / std)} and
     * {@code u = cdf((b - mean) / std)} (Python doubles), {@code uniform_(2l - 1, 2u - 1)},
     * {@code erfinv_()}, {@code mul_(std * sqrt(2))}, {@code add_(mean)}, {@code clamp_(a, b)}.
     * PyTorch warns when the mean is more than 2 std outside [a, b]; this port does not print the warning.
     */
    public static Tensor truncNormal_(Tensor t, double mean, double std, double a, double b, Generator g) {
        double l = normCdf((a - mean) / std);
        double u = normCdf((b - mean) / std);
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            NDArray x = t.array();
            x.uniform_(2 * l - 1, 2 * u - 1, g);
            erfinv_(x);
            x.mul_(std * Math.sqrt(2.0));
            x.add_(mean);
            x.clamp_(a, b);
            t.bumpVersion();
        }
        return t;
    }

    /** Python's {@code (1. + math.erf(x / math.sqrt(2.))) / 2.}. */
    private static double normCdf(double x) {
        return (1.0 + Erf.erf(x / Math.sqrt(2.0))) / 2.0;
    }

    /** {@code x.erfinv_()} with PyTorch's CPU {@code calc_erfinv} in the tensor's precision. */
    private static void erfinv_(NDArray x) {
        if (x.dtype() == DType.FLOAT32) {
            float[] v = x.toFloatArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = Erfinv.erfinv(v[i]);
            }
            x.copy_(NDArray.wrap(v, x.sizes()));
        } else if (x.dtype() == DType.FLOAT64) {
            double[] v = x.toDoubleArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = Erfinv.erfinv(v[i]);
            }
            x.copy_(NDArray.wrap(v, x.sizes()));
        } else {
            throw new IllegalArgumentException("\"erfinv_cpu\" not implemented for '" + x.dtype().scalarTypeName() + "'");
        }
    }

    /** {@code orthogonal_(tensor, gain=1)}. */
    public static Tensor orthogonal_(Tensor t) {
        return orthogonal_(t, 1.0);
    }

    /** {@code orthogonal_(tensor, gain)} on the global generator. */
    public static Tensor orthogonal_(Tensor t, double gain) {
        return orthogonal_(t, gain, Generator.defaultGenerator());
    }

    /**
     * {@code orthogonal_(tensor, gain, generator)}: as PyTorch, {@code normal_(0, 1)} into a new
     * {@code (rows, numel / rows)} matrix, transposed when rows < cols, {@code Q, R = linalg.qr(.)},
     * {@code Q *= sign(diag(R))}, transposed back, copied into the tensor, times {@code gain}. The
     * random draws are PyTorch's; Q agrees with LAPACK's to rounding (Householder QR in double).
     */
    public static Tensor orthogonal_(Tensor t, double gain, Generator g) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("Only tensors with 2 or more dimensions are supported");
        }
        if (t.numel() == 0) {
            return t;
        }
        int rows = t.size(0);
        int cols = t.numel() / rows;
        try (GradMode.Guard ignored = GradMode.noGrad()) {
            NDArray flat = NDArray.empty(t.dtype(), rows, cols).normal_(0, 1, g);
            if (rows < cols) {
                flat = flat.t();
            }
            NDArray[] qr = flat.linalgQr();
            NDArray q = qr[0];
            q.mul_(qr[1].diagonal().sign());
            if (rows < cols) {
                q = q.t();
            }
            t.array().view(q.sizes()).copy_(q);
            t.array().mul_(gain);
            t.bumpVersion();
        }
        return t;
    }
}
