package dev.jtorch;

import static dev.jtorch.Op.grads;

import dev.jtorch.autograd.GradMode;
import dev.jtorch.tensor.NDArray;
import java.util.function.UnaryOperator;

/**
 * Differentiable elementwise math of one tensor ({@code exp}, {@code log}, {@code sin}, ...): one
 * line each, the forward kernel and PyTorch's derivatives.yaml formula side by side. Formulas
 * that read the result save the result (as PyTorch does), the others save the input.
 */
final class UnaryMathOps {
    private UnaryMathOps() {}

    static final double LN2 = 0.6931471805599453;
    static final double LN10 = 2.3025850929940456;
    /** {@code M_2_SQRTPI} = 2 / sqrt(pi). */
    static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    /** A unary op whose backward reads the input {@code x}. */
    static Tensor ofInput(Tensor t, String name, UnaryOperator<NDArray> f, Grad grad) {
        return new Op(name, Op.X0, a -> f.apply(a[0]), (ctx, g, x, r) -> grads(grad.apply(g, x[0]))).apply(t);
    }

    /** A unary op whose backward reads the result {@code r}. */
    static Tensor ofResult(Tensor t, String name, UnaryOperator<NDArray> f, Grad grad) {
        return new Op(name, Op.RESULT, a -> f.apply(a[0]), (ctx, g, x, r) -> grads(grad.apply(g, r))).apply(t);
    }

    /** A piecewise-constant op ({@code floor}, {@code sign}, ...): a zero gradient everywhere. */
    static Tensor ofConstant(Tensor t, String name, UnaryOperator<NDArray> f) {
        return new Op(name, Op.NONE, a -> f.apply(a[0]), (ctx, g, x, r) -> grads(Tensor.zerosLike(g))).apply(t);
    }

    /** The input gradient from the output gradient and one saved tensor (input or result). */
    @FunctionalInterface
    interface Grad {
        Tensor apply(Tensor g, Tensor saved);
    }

    // Formulas shared with the in-place variants (InPlaceOps), in PyTorch's operation order.
    static final Grad NEG = (g, none) -> g.neg();
    static final Grad ABS = (g, x) -> g.mul(x.sign());
    static final Grad EXP = (g, r) -> g.mul(r);
    static final Grad LOG = (g, x) -> g.div(x);
    static final Grad SQRT = (g, r) -> g.div(r.mul(2L));
    static final Grad RSQRT = (g, r) -> g.mul(-0.5).mul(r.pow(3L));
    static final Grad RECIPROCAL = (g, r) -> g.neg().mul(r.mul(r));
    static final Grad TANH = (g, r) -> g.mul(r.mul(r).rsub(1L));
    static final Grad SIGMOID = (g, r) -> g.mul(r.rsub(1L)).mul(r);
    /**
     * threshold_backward(grad, result, 0): no gradient where the result is {@code <= 0}. Without a
     * graph to record (grad mode off: a backward without create_graph) it is the fused NDArray op;
     * with one, the same values from differentiable Tensor ops.
     */
    static final Grad RELU = (g, r) -> GradMode.isEnabled()
            ? Tensor.where(r.le(0L), 0.0, g)
            : new Tensor(g.array().thresholdBackward(r.array(), 0));

    static Tensor neg(Tensor t) {
        return new Op("NegBackward0", Op.NONE, a -> a[0].neg(), (ctx, g, x, r) -> grads(g.neg())).apply(t);
    }

    static Tensor abs(Tensor t) {
        return ofInput(t, "AbsBackward0", NDArray::abs, ABS);
    }

    static Tensor exp(Tensor t) {
        return ofResult(t, "ExpBackward0", NDArray::exp, EXP);
    }

    static Tensor exp2(Tensor t) {
        return ofResult(t, "Exp2Backward0", NDArray::exp2, (g, r) -> g.mul(r).mul(LN2));
    }

    static Tensor expm1(Tensor t) {
        return ofResult(t, "Expm1Backward0", NDArray::expm1, (g, r) -> g.mul(r.add(1L)));
    }

    static Tensor log(Tensor t) {
        return ofInput(t, "LogBackward0", NDArray::log, LOG);
    }

    static Tensor log2(Tensor t) {
        return ofInput(t, "Log2Backward0", NDArray::log2, (g, x) -> g.div(x.mul(LN2)));
    }

    static Tensor log10(Tensor t) {
        return ofInput(t, "Log10Backward0", NDArray::log10, (g, x) -> g.div(x.mul(LN10)));
    }

    static Tensor log1p(Tensor t) {
        return ofInput(t, "Log1PBackward0", NDArray::log1p, (g, x) -> g.div(x.add(1L)));
    }

    static Tensor sqrt(Tensor t) {
        return ofResult(t, "SqrtBackward0", NDArray::sqrt, SQRT);
    }

    static Tensor rsqrt(Tensor t) {
        return ofResult(t, "RsqrtBackward0", NDArray::rsqrt, RSQRT);
    }

    static Tensor reciprocal(Tensor t) {
        return ofResult(t, "ReciprocalBackward0", NDArray::reciprocal, RECIPROCAL);
    }

    static Tensor sin(Tensor t) {
        return ofInput(t, "SinBackward0", NDArray::sin, (g, x) -> g.mul(x.cos()));
    }

    static Tensor cos(Tensor t) {
        return ofInput(t, "CosBackward0", NDArray::cos, (g, x) -> g.mul(x.sin().neg()));
    }

    static Tensor tan(Tensor t) {
        return ofResult(t, "TanBackward0", NDArray::tan, (g, r) -> g.mul(r.pow(2L).add(1L)));
    }

    static Tensor tanh(Tensor t) {
        return ofResult(t, "TanhBackward0", NDArray::tanh, TANH);
    }

    static Tensor sigmoid(Tensor t) {
        return ofResult(t, "SigmoidBackward0", NDArray::sigmoid, SIGMOID);
    }

    static Tensor erf(Tensor t) {
        return ofInput(t, "ErfBackward0", NDArray::erf, (g, x) -> x.pow(2L).neg().exp().mul(TWO_OVER_SQRT_PI).mul(g));
    }

    static Tensor sign(Tensor t) {
        return ofConstant(t, "SignBackward0", NDArray::sign);
    }

    static Tensor floor(Tensor t) {
        return ofConstant(t, "FloorBackward0", NDArray::floor);
    }

    static Tensor ceil(Tensor t) {
        return ofConstant(t, "CeilBackward0", NDArray::ceil);
    }

    static Tensor round(Tensor t) {
        return ofConstant(t, "RoundBackward0", NDArray::round);
    }

    static Tensor round(Tensor t, int decimals) {
        return ofConstant(t, "RoundBackward1", a -> a.round(decimals));
    }

    static Tensor trunc(Tensor t) {
        return ofConstant(t, "TruncBackward0", NDArray::trunc);
    }

    // ------------------------------------------------------------------ activations

    static Tensor relu(Tensor t) {
        return ofResult(t, "ReluBackward0", NDArray::relu, RELU);
    }

    /** gelu_backward: {@code grad * (cdf + x * pdf)} (exact) or the tanh approximation's derivative. */
    static Tensor gelu(Tensor t, String approximate) {
        boolean tanh = "tanh".equals(approximate);
        return ofInput(t, "GeluBackward0", a -> a.gelu(approximate), tanh ? UnaryMathOps::geluTanhGrad : UnaryMathOps::geluGrad);
    }

    private static Tensor geluGrad(Tensor g, Tensor x) {
        double kBeta = TWO_OVER_SQRT_PI * Math.sqrt(0.5) * 0.5;
        Tensor cdf = x.mul(Math.sqrt(0.5)).erf().add(1L).mul(0.5);
        Tensor pdf = x.mul(x).mul(-0.5).exp().mul(kBeta);
        return g.mul(cdf.add(x.mul(pdf)));
    }

    private static Tensor geluTanhGrad(Tensor g, Tensor x) {
        double kBeta = Math.sqrt(2) * TWO_OVER_SQRT_PI * 0.5;
        double kKappa = 0.044715;
        Tensor xSq = x.mul(x);
        Tensor xCube = xSq.mul(x);
        Tensor tanhInner = x.add(xCube.mul(kKappa)).mul(kBeta).tanh();
        Tensor left = x.mul(0.5);
        Tensor leftDerivative = tanhInner.add(1L).mul(0.5);
        Tensor tanhDerivative = tanhInner.mul(tanhInner).rsub(1L);
        Tensor innerDerivative = xSq.mul(3 * kKappa).add(1L).mul(kBeta);
        return g.mul(leftDerivative.add(left.mul(tanhDerivative).mul(innerDerivative)));
    }

    /** silu_backward: {@code grad * s * (1 + x * (1 - s))} with {@code s = sigmoid(x)}. */
    static Tensor silu(Tensor t) {
        return ofInput(t, "SiluBackward0", NDArray::silu, (g, x) -> {
            Tensor s = x.sigmoid();
            return g.mul(s).mul(x.mul(s.rsub(1L)).add(1L));
        });
    }

    /**
     * softplus_backward: {@code x*beta > threshold ? grad : grad * z / (z + 1)} with
     * {@code z = exp(x*beta)}; z is computed from {@code min(x*beta, threshold)} so the branch
     * that is not taken holds no inf (whose zero gradient would turn into NaN at second order).
     */
    static Tensor softplus(Tensor t, double beta, double threshold) {
        return ofInput(t, "SoftplusBackward0", a -> a.softplus(beta, threshold), (g, x) -> {
            Tensor xb = x.mul(beta);
            Tensor z = xb.clampMax(threshold).exp();
            return Tensor.where(xb.gt(threshold), g, g.mul(z).div(z.add(1L)));
        });
    }

    static Tensor leakyRelu(Tensor t, double slope) {
        return ofInput(t, "LeakyReluBackward0", a -> a.leakyRelu(slope),
                (g, x) -> Tensor.where(x.gt(0L), g, g.mul(slope)));
    }

    /** elu_backward: {@code x <= 0 ? grad * alpha * exp(x) : grad} (exp of {@code min(x, 0)}: see softplus). */
    static Tensor elu(Tensor t, double alpha) {
        return ofInput(t, "EluBackward0", a -> a.elu(alpha),
                (g, x) -> Tensor.where(x.le(0L), g.mul(alpha).mul(x.clampMax(0L).exp()), g));
    }
}
