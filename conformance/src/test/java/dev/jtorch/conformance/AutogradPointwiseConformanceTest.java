package dev.jtorch.conformance;

import static dev.jtorch.conformance.AutogradInputs.FLOATS;
import static dev.jtorch.conformance.AutogradInputs.avoiding;
import static dev.jtorch.conformance.AutogradInputs.broadcastPair;
import static dev.jtorch.conformance.AutogradInputs.mask;
import static dev.jtorch.conformance.AutogradInputs.shape;
import static dev.jtorch.conformance.AutogradInputs.uniform;
import static dev.jtorch.conformance.AutogradOracle.check;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.conformance.AutogradOracle.Ours;
import dev.jtorch.conformance.AutogradOracle.Theirs;
import dev.jtorch.conformance.AutogradOracle.Tol;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.StringViewOptional;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every differentiable pointwise op against libtorch 2.10: the output, the grad_fn name and the
 * gradient of each input, on random shapes (rank 0..3, size-1 and empty dims), broadcasting
 * operands, non-contiguous inputs, float32 and float64, with only some inputs requiring grad.
 * Python-number operands are libtorch wrapped numbers (as the Python API passes them), so the
 * names are Python's ({@code x * 2.0} is MulBackward0). Tolerance: {@link Tol#POINTWISE}
 * (rtol 1e-5 float32, 1e-10 float64; see {@link AutogradOracle}).
 */
class AutogradPointwiseConformanceTest {
    private static final int TRIALS = 8;
    private final Random r = new Random(0x5eed_a9);

    @BeforeEach
    void requireLibtorch() {
        Oracle.require();
    }

    private static org.bytedeco.pytorch.Tensor wrapped(double v) {
        return torch.wrapped_scalar_tensor(new Scalar(v));
    }

    private static org.bytedeco.pytorch.Tensor wrapped(long v) {
        return torch.wrapped_scalar_tensor(new Scalar(v));
    }

    /** A rounding mode for libtorch: the bytes live in the enclosing PointerScope (a string_view does not own them). */
    private static StringViewOptional mode(String m) {
        return new StringViewOptional(new BytePointer(m));
    }

    private static ScalarOptional opt(double v) {
        return new ScalarOptional(new Scalar(v));
    }

    /** A unary op on values in [lo, hi], each at least 0.02 from {@code avoid}. */
    private void unary(String what, double lo, double hi, double[] avoid, Tol tol, Ours ours, Theirs theirs) {
        for (DType t : FLOATS) {
            for (int i = 0; i < TRIALS; i++) {
                NDArray a = avoiding(r, t, shape(r, 0, 3, true), lo, hi, 0.02, avoid);
                check(what, new NDArray[] {a}, new boolean[] {true}, ours, theirs, tol, r);
            }
        }
    }

    private void unary(String what, double lo, double hi, double[] avoid, Ours ours, Theirs theirs) {
        unary(what, lo, hi, avoid, Tol.POINTWISE, ours, theirs);
    }

    private void unary(String what, double lo, double hi, Tol tol, Ours ours, Theirs theirs) {
        unary(what, lo, hi, new double[0], tol, ours, theirs);
    }

    private void unary(String what, double lo, double hi, Ours ours, Theirs theirs) {
        unary(what, lo, hi, new double[0], ours, theirs);
    }

    /** A binary op on broadcasting operands in [lo1, hi1] and [lo2, hi2]; one or both require grad. */
    private void binary(String what, double lo1, double hi1, double lo2, double hi2, Ours ours, Theirs theirs) {
        for (DType t : FLOATS) {
            for (int i = 0; i < TRIALS; i++) {
                int[][] s = broadcastPair(r, true);
                NDArray a = uniform(r, t, s[0], lo1, hi1, r.nextBoolean());
                NDArray b = uniform(r, t, s[1], lo2, hi2, r.nextBoolean());
                int which = r.nextInt(3);
                check(what, new NDArray[] {a, b}, new boolean[] {which != 1, which != 2}, ours, theirs, Tol.POINTWISE, r);
            }
        }
    }

    @Test
    void unaryMath() {
        unary("neg", -3, 3, x -> x[0].neg(), t -> torch.neg(t[0]));
        unary("abs", -3, 3, new double[] {0}, x -> x[0].abs(), t -> torch.abs(t[0]));
        unary("sign", -3, 3, x -> x[0].sign(), t -> torch.sign(t[0]));
        unary("exp", -3, 3, x -> x[0].exp(), t -> torch.exp(t[0]));
        unary("exp2", -3, 3, x -> x[0].exp2(), t -> torch.exp2(t[0]));
        unary("expm1", -3, 3, x -> x[0].expm1(), t -> torch.expm1(t[0]));
        unary("log", 0.1, 3, x -> x[0].log(), t -> torch.log(t[0]));
        unary("log2", 0.1, 3, x -> x[0].log2(), t -> torch.log2(t[0]));
        unary("log10", 0.1, 3, x -> x[0].log10(), t -> torch.log10(t[0]));
        unary("log1p", -0.9, 3, x -> x[0].log1p(), t -> torch.log1p(t[0]));
        unary("sqrt", 0.1, 3, x -> x[0].sqrt(), t -> torch.sqrt(t[0]));
        unary("rsqrt", 0.1, 3, x -> x[0].rsqrt(), t -> torch.rsqrt(t[0]));
        unary("reciprocal", -3, 3, new double[] {0}, x -> x[0].reciprocal(), t -> torch.reciprocal(t[0]));
        unary("sin", -3, 3, x -> x[0].sin(), t -> torch.sin(t[0]));
        unary("cos", -3, 3, x -> x[0].cos(), t -> torch.cos(t[0]));
        unary("tan", -1.3, 1.3, x -> x[0].tan(), t -> torch.tan(t[0]));
        unary("tanh", -3, 3, x -> x[0].tanh(), t -> torch.tanh(t[0]));
        unary("sigmoid", -3, 3, x -> x[0].sigmoid(), t -> torch.sigmoid(t[0]));
        unary("erf", -3, 3, Tol.ERF, x -> x[0].erf(), t -> torch.erf(t[0]));
        unary("square", -3, 3, x -> x[0].square(), t -> torch.square(t[0]));
        double[] halves = {-2.5, -1.5, -0.5, 0.5, 1.5, 2.5};
        unary("floor", -3, 3, x -> x[0].floor(), t -> torch.floor(t[0]));
        unary("ceil", -3, 3, x -> x[0].ceil(), t -> torch.ceil(t[0]));
        unary("round", -3, 3, halves, x -> x[0].round(), t -> torch.round(t[0]));
        unary("round(decimals=1)", -3, 3, x -> x[0].round(1), t -> torch.round(t[0], 1));
        unary("trunc", -3, 3, x -> x[0].trunc(), t -> torch.trunc(t[0]));
    }

    @Test
    void activations() {
        unary("relu", -3, 3, new double[] {0}, x -> x[0].relu(), t -> torch.relu(t[0]));
        unary("gelu", -3, 3, Tol.ERF, x -> x[0].gelu(), t -> torch.gelu(t[0], "none"));
        unary("gelu tanh", -3, 3, x -> x[0].gelu("tanh"), t -> torch.gelu(t[0], "tanh"));
        unary("silu", -3, 3, x -> x[0].silu(), t -> torch.silu(t[0]));
        unary("softplus", -3, 3, x -> x[0].softplus(), t -> torch.softplus(t[0]));
        unary("softplus(2, 1)", -3, 3, new double[] {0.5}, x -> x[0].softplus(2, 1),
                t -> torch.softplus(t[0], new Scalar(2.0), new Scalar(1.0)));
        unary("leaky_relu", -3, 3, new double[] {0}, x -> x[0].leakyRelu(0.2), t -> torch.leaky_relu(t[0], new Scalar(0.2)));
        unary("elu", -3, 3, new double[] {0}, x -> x[0].elu(0.7),
                t -> torch.elu(t[0], new Scalar(0.7), new Scalar(1.0), new Scalar(1.0)));
    }

    @Test
    void pythonNumberOperands() {
        unary("x + 2.5", -3, 3, x -> x[0].add(2.5), t -> torch.add(t[0], wrapped(2.5)));
        unary("x + 2", -3, 3, x -> x[0].add(2L), t -> torch.add(t[0], wrapped(2L)));
        unary("x - 1.5", -3, 3, x -> x[0].sub(1.5), t -> torch.sub(t[0], wrapped(1.5)));
        unary("x * -2.0", -3, 3, x -> x[0].mul(-2.0), t -> torch.mul(t[0], wrapped(-2.0)));
        unary("x * 3", -3, 3, x -> x[0].mul(3L), t -> torch.mul(t[0], wrapped(3L)));
        unary("x / 0.3", -3, 3, x -> x[0].div(0.3), t -> torch.div(t[0], wrapped(0.3)));
        unary("x / 3", -3, 3, x -> x[0].div(3L), t -> torch.div(t[0], wrapped(3L)));
        unary("1.5 - x", -3, 3, x -> x[0].rsub(1.5), t -> torch.rsub(t[0], new Scalar(1.5)));
        unary("2 - x", -3, 3, x -> x[0].rsub(2L), t -> torch.rsub(t[0], new Scalar(2L)));
        unary("x ** 2.5", 0.1, 3, x -> x[0].pow(2.5), t -> torch.pow(t[0], new Scalar(2.5)));
        unary("x ** -1.5", 0.1, 3, x -> x[0].pow(-1.5), t -> torch.pow(t[0], new Scalar(-1.5)));
        unary("x ** 3", -3, 3, x -> x[0].pow(3L), t -> torch.pow(t[0], new Scalar(3L)));
        unary("x ** 0", -3, 3, x -> x[0].pow(0.0), t -> torch.pow(t[0], new Scalar(0.0)));
        unary("2.5 ** x", -3, 3, x -> Torch.pow(2.5, x[0]), t -> torch.pow(new Scalar(2.5), t[0]));
        unary("x % 0.7", -3, 3, x -> x[0].remainder(0.7), t -> torch.remainder(t[0], new Scalar(0.7)));
        unary("fmod(x, 0.7)", -3, 3, x -> x[0].fmod(0.7), t -> torch.fmod(t[0], new Scalar(0.7)));
        unary("x // 0.7", -3, 3, x -> x[0].div(0.7, "floor"),
                t -> torch.div(t[0], new Scalar(0.7), mode("floor")));
    }

    @Test
    void clampWithNumbers() {
        double[] bounds = {-0.5, 0.8, -1, 1};
        unary("clamp(-0.5, 0.8)", -3, 3, bounds, x -> x[0].clamp(-0.5, 0.8), t -> torch.clamp(t[0], opt(-0.5), opt(0.8)));
        unary("clamp(max=0.8)", -3, 3, bounds, x -> x[0].clamp(null, 0.8), t -> torch.clamp(t[0], new ScalarOptional(), opt(0.8)));
        unary("clamp(min=-1)", -3, 3, bounds, x -> x[0].clamp(-1L, null),
                t -> torch.clamp(t[0], new ScalarOptional(new Scalar(-1L)), new ScalarOptional()));
        unary("clamp_min", -3, 3, bounds, x -> x[0].clampMin(-0.5), t -> torch.clamp_min(t[0], new Scalar(-0.5)));
        unary("clamp_max", -3, 3, bounds, x -> x[0].clampMax(1L), t -> torch.clamp_max(t[0], new Scalar(1L)));
    }

    @Test
    void binaryOps() {
        binary("add alpha", -3, 3, -3, 3, x -> x[0].add(x[1], 2.5), t -> torch.add(t[0], t[1], new Scalar(2.5)));
        binary("add", -3, 3, -3, 3, x -> x[0].add(x[1]), t -> torch.add(t[0], t[1]));
        binary("sub alpha", -3, 3, -3, 3, x -> x[0].sub(x[1], -0.5), t -> torch.sub(t[0], t[1], new Scalar(-0.5)));
        binary("rsub", -3, 3, -3, 3, x -> x[0].rsub(x[1]), t -> torch.rsub(t[0], t[1]));
        binary("mul", -3, 3, -3, 3, x -> x[0].mul(x[1]), t -> torch.mul(t[0], t[1]));
        binary("div", -3, 3, 0.3, 3, x -> x[0].div(x[1]), t -> torch.div(t[0], t[1]));
        binary("div trunc", -3, 3, 0.3, 3, x -> x[0].div(x[1], "trunc"),
                t -> torch.div(t[0], t[1], mode("trunc")));
        binary("pow", 0.1, 3, -2, 2, x -> x[0].pow(x[1]), t -> torch.pow(t[0], t[1]));
        binary("maximum", -3, 3, -3, 3, x -> x[0].maximum(x[1]), t -> torch.maximum(t[0], t[1]));
        binary("minimum", -3, 3, -3, 3, x -> x[0].minimum(x[1]), t -> torch.minimum(t[0], t[1]));
        binary("atan2", -3, 3, -3, 3, x -> x[0].atan2(x[1]), t -> torch.atan2(t[0], t[1]));
        binary("remainder", -3, 3, 0.3, 3, x -> x[0].remainder(x[1]), t -> torch.remainder(t[0], t[1]));
        binary("fmod", -3, 3, 0.3, 3, x -> x[0].fmod(x[1]), t -> torch.fmod(t[0], t[1]));
    }

    /** Ties of maximum/minimum split the gradient in halves, as PyTorch does. */
    @Test
    void maximumTies() {
        for (DType t : FLOATS) {
            for (int i = 0; i < TRIALS; i++) {
                int[][] s = broadcastPair(r, false);
                NDArray a = AutogradInputs.choose(r, t, s[0], -1, 0, 1);
                NDArray b = AutogradInputs.choose(r, t, s[1], -1, 0, 1);
                check("maximum ties", new NDArray[] {a, b}, new boolean[] {true, true}, x -> x[0].maximum(x[1]),
                        th -> torch.maximum(th[0], th[1]), Tol.POINTWISE, r);
                check("minimum ties", new NDArray[] {a, b}, new boolean[] {true, true}, x -> x[0].minimum(x[1]),
                        th -> torch.minimum(th[0], th[1]), Tol.POINTWISE, r);
            }
        }
    }

    @Test
    void selections() {
        for (DType t : FLOATS) {
            for (int i = 0; i < TRIALS; i++) {
                int[][] s = broadcastPair(r, true);
                NDArray a = uniform(r, t, s[0], -3, 3, r.nextBoolean());
                NDArray b = uniform(r, t, s[1], -3, 3, r.nextBoolean());
                NDArray m = mask(r, r.nextBoolean() ? s[0] : s[1]);
                NDArray v = uniform(r, t, new int[0], -3, 3, true);
                boolean[] both = {false, true, true};
                check("where", new NDArray[] {m, a, b}, both, x -> Tensor.where(x[0], x[1], x[2]),
                        th -> torch.where(th[0], th[1], th[2]), Tol.POINTWISE, r);
                check("where(c, x, 2.0)", new NDArray[] {m, a}, new boolean[] {false, true}, x -> Tensor.where(x[0], x[1], 2.0),
                        th -> torch.where(th[0], th[1], new Scalar(2.0)), Tol.POINTWISE, r);
                check("where(c, -1, y)", new NDArray[] {m, b}, new boolean[] {false, true}, x -> Tensor.where(x[0], -1L, x[1]),
                        th -> torch.where(th[0], new Scalar(-1L), th[1]), Tol.POINTWISE, r);
                check("masked_fill", new NDArray[] {a, m}, new boolean[] {true, false}, x -> x[0].maskedFill(x[1], 1.5),
                        th -> th[0].masked_fill(th[1], new Scalar(1.5)), Tol.POINTWISE, r);
                check("masked_fill tensor", new NDArray[] {a, m, v}, new boolean[] {true, false, true},
                        x -> x[0].maskedFill(x[1], x[2]), th -> th[0].masked_fill(th[1], th[2]), Tol.REDUCTION, r);
            }
        }
    }

    @Test
    void clampWithTensors() {
        for (DType t : FLOATS) {
            for (int i = 0; i < TRIALS; i++) {
                int[][] s = broadcastPair(r, true);
                NDArray a = uniform(r, t, s[0], -3, 3, r.nextBoolean());
                NDArray lo = uniform(r, t, s[1], -2, 1, r.nextBoolean());
                NDArray hi = uniform(r, t, s[1], -1, 2, r.nextBoolean());
                boolean[] all = {true, true, true};
                check("clamp(min, max)", new NDArray[] {a, lo, hi}, all, x -> x[0].clamp(x[1], x[2]),
                        th -> torch.clamp(th[0], new TensorOptional(th[1]), new TensorOptional(th[2])), Tol.POINTWISE, r);
                check("clamp(min)", new NDArray[] {a, lo}, new boolean[] {true, true}, x -> x[0].clamp(x[1], null),
                        th -> torch.clamp(th[0], new TensorOptional(th[1]), new TensorOptional()), Tol.POINTWISE, r);
                check("clamp(max)", new NDArray[] {a, hi}, new boolean[] {true, true}, x -> x[0].clamp(null, x[1]),
                        th -> torch.clamp(th[0], new TensorOptional(), new TensorOptional(th[1])), Tol.POINTWISE, r);
                check("clamp_min tensor", new NDArray[] {a, lo}, new boolean[] {true, true}, x -> x[0].clampMin(x[1]),
                        th -> torch.clamp_min(th[0], th[1]), Tol.POINTWISE, r);
                check("clamp_max tensor", new NDArray[] {a, hi}, new boolean[] {true, true}, x -> x[0].clampMax(x[1]),
                        th -> torch.clamp_max(th[0], th[1]), Tol.POINTWISE, r);
            }
        }
    }

    @Test
    void ternaryOps() {
        for (DType t : FLOATS) {
            for (int i = 0; i < TRIALS; i++) {
                int[][] s = broadcastPair(r, true);
                NDArray a = uniform(r, t, s[0], -3, 3, r.nextBoolean());
                NDArray b = uniform(r, t, s[1], -3, 3, r.nextBoolean());
                NDArray c = uniform(r, t, s[0], 0.3, 3, r.nextBoolean());
                boolean[] g = {r.nextBoolean(), true, r.nextBoolean()};
                check("addcmul", new NDArray[] {a, b, c}, g, x -> x[0].addcmul(x[1], x[2], -0.7),
                        th -> torch.addcmul(th[0], th[1], th[2], new Scalar(-0.7)), Tol.POINTWISE, r);
                check("addcdiv", new NDArray[] {a, b, c}, g, x -> x[0].addcdiv(x[1], x[2], 0.3),
                        th -> torch.addcdiv(th[0], th[1], th[2], new Scalar(0.3)), Tol.POINTWISE, r);
                check("lerp", new NDArray[] {a, b}, new boolean[] {true, true}, x -> x[0].lerp(x[1], 0.3),
                        th -> torch.lerp(th[0], th[1], new Scalar(0.3)), Tol.POINTWISE, r);
                check("lerp tensor", new NDArray[] {a, b, c}, new boolean[] {true, true, true}, x -> x[0].lerp(x[1], x[2]),
                        th -> torch.lerp(th[0], th[1], th[2]), Tol.POINTWISE, r);
            }
        }
    }

    /** In-place ops on a non-leaf (a clone): the same nodes and gradients as PyTorch's, through the in-place kernels. */
    @Test
    void inPlace() {
        for (DType t : FLOATS) {
            for (int i = 0; i < TRIALS; i++) {
                int[] s = shape(r, 0, 3, true);
                int[] o = java.util.Arrays.copyOfRange(s, r.nextInt(s.length + 1), s.length);
                NDArray a = uniform(r, t, s, -3, 3, r.nextBoolean());
                NDArray p = uniform(r, t, s, 0.3, 3, r.nextBoolean());
                NDArray b = uniform(r, t, o, 0.3, 3, r.nextBoolean());
                NDArray m = mask(r, o);
                boolean[] g = {true, r.nextBoolean()};
                NDArray[] ab = {a, b};
                inPlace("add_ alpha", ab, g, x -> x[0].clone().add_(x[1], -1.5), th -> th[0].clone().add_(th[1], new Scalar(-1.5)));
                inPlace("sub_", ab, g, x -> x[0].clone().sub_(x[1]), th -> th[0].clone().sub_(th[1]));
                inPlace("mul_", ab, g, x -> x[0].clone().mul_(x[1]), th -> th[0].clone().mul_(th[1]));
                inPlace("div_", ab, g, x -> x[0].clone().div_(x[1]), th -> th[0].clone().div_(th[1]));
                inPlace("pow_ tensor", new NDArray[] {p, b}, g, x -> x[0].clone().pow_(x[1]), th -> th[0].clone().pow_(th[1]));
                inPlace("add_ 2.0", ab, g, x -> x[0].clone().add_(2.0), th -> th[0].clone().add_(wrapped(2.0)));
                inPlace("mul_ 2.0", ab, g, x -> x[0].clone().mul_(-2.0), th -> th[0].clone().mul_(wrapped(-2.0)));
                inPlace("div_ 4", ab, g, x -> x[0].clone().div_(4L), th -> th[0].clone().div_(wrapped(4L)));
                inPlace("pow_ 2.5", new NDArray[] {p}, new boolean[] {true}, x -> x[0].clone().pow_(2.5),
                        th -> th[0].clone().pow_(new Scalar(2.5)));
                inPlace("exp_", ab, g, x -> x[0].clone().exp_(), th -> th[0].clone().exp_());
                inPlace("sqrt_", new NDArray[] {p}, new boolean[] {true}, x -> x[0].clone().sqrt_(), th -> torch.sqrt_(th[0].clone()));
                inPlace("log_", new NDArray[] {p}, new boolean[] {true}, x -> x[0].clone().log_(), th -> th[0].clone().log_());
                inPlace("sigmoid_", ab, g, x -> x[0].clone().sigmoid_(), th -> torch.sigmoid_(th[0].clone()));
                inPlace("tanh_", ab, g, x -> x[0].clone().tanh_(), th -> torch.tanh_(th[0].clone()));
                inPlace("relu_", ab, g, x -> x[0].clone().relu_(), th -> torch.relu_(th[0].clone()));
                inPlace("neg_", ab, g, x -> x[0].clone().neg_(), th -> torch.neg_(th[0].clone()));
                inPlace("abs_", ab, g, x -> x[0].clone().abs_(), th -> th[0].clone().abs_());
                inPlace("clamp_", ab, g, x -> x[0].clone().clamp_(-0.5, 0.8), th -> th[0].clone().clamp_(opt(-0.5), opt(0.8)));
                inPlace("masked_fill_", new NDArray[] {a, m}, new boolean[] {true, false}, x -> x[0].clone().maskedFill_(x[1], 3.0),
                        th -> th[0].clone().masked_fill_(th[1], new Scalar(3.0)));
                inPlace("addcmul_", ab, g, x -> x[0].clone().addcmul_(x[1], x[1], 0.3),
                        th -> th[0].clone().addcmul_(th[1], th[1], new Scalar(0.3)));
                inPlace("addcdiv_", ab, g, x -> x[0].clone().addcdiv_(x[0], x[1], -0.7),
                        th -> th[0].clone().addcdiv_(th[0], th[1], new Scalar(-0.7)));
                inPlace("lerp_", ab, g, x -> x[0].clone().lerp_(x[1], 0.3), th -> th[0].clone().lerp_(th[1], new Scalar(0.3)));
                inPlace("lerp_ tensor", new NDArray[] {a, b, b}, new boolean[] {true, g[1], true},
                        x -> x[0].clone().lerp_(x[1], x[2].sigmoid()), th -> th[0].clone().lerp_(th[1], torch.sigmoid(th[2])));
                inPlace("fill_", ab, g, x -> x[0].clone().fill_(2.0), th -> th[0].clone().fill_(new Scalar(2.0)));
                inPlace("zero_", ab, g, x -> x[0].clone().zero_(), th -> th[0].clone().zero_());
                inPlace("copy_", ab, g, x -> x[0].clone().copy_(x[1]), th -> th[0].clone().copy_(th[1]));
            }
        }
    }

    private void inPlace(String what, NDArray[] in, boolean[] grad, Ours ours, Theirs theirs) {
        check(what, in, grad, ours, theirs, Tol.POINTWISE, r);
    }
}
