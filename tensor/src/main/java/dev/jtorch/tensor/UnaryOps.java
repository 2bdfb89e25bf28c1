package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.TernaryOp;
import dev.jtorch.tensor.kernel.UnaryOp;

/**
 * Unary math, rounding, activations and clamp with PyTorch's dtype rules: integer and bool
 * inputs of {@link UnaryOp.Domain#PROMOTING} ops become the default float, {@link UnaryOp.Domain#FLOATING}
 * ops reject them with PyTorch's dispatch error, and the {@link UnaryOp.Domain#INTEGRAL} ops keep
 * int64 (rounding ops copy it) and raise PyTorch's messages for bool.
 */
final class UnaryOps {
    private UnaryOps() {}

    /** {@code op(a; p, q)} into a new array. */
    static NDArray apply(UnaryOp op, NDArray a, double p, double q) {
        DType t = computeType(op, a.dtype());
        if (t.isIntegral() && isRounding(op)) {
            return Elementwise.copyPreserving(a, t); // PyTorch returns self.clone()
        }
        NDArray x = Elementwise.cast(a, t);
        NDArray out = Elementwise.result(t, x);
        Elementwise.runUnary(op, p, q, (long) p, (long) q, out, x);
        return out;
    }

    static NDArray apply(UnaryOp op, NDArray a) {
        return apply(op, a, 0, 0);
    }

    /** In-place {@code a.op_(p, q)}: the result type must be castable to a's dtype. */
    static NDArray apply_(UnaryOp op, NDArray a, double p, double q) {
        DType t = computeType(op, a.dtype());
        Elementwise.checkInPlace(a);
        Elementwise.checkCast(t, a.dtype());
        if (!(t.isIntegral() && isRounding(op))) {
            Elementwise.runUnary(op, p, q, (long) p, (long) q, a, a);
        }
        return a;
    }

    static NDArray apply_(UnaryOp op, NDArray a) {
        return apply_(op, a, 0, 0);
    }

    private static boolean isRounding(UnaryOp op) {
        return op == UnaryOp.FLOOR || op == UnaryOp.CEIL || op == UnaryOp.TRUNC || op == UnaryOp.ROUND;
    }

    /** The dtype {@code op} computes in for input dtype {@code in}, or PyTorch's error. */
    static DType computeType(UnaryOp op, DType in) {
        switch (op.domain()) {
            case PROMOTING:
                return Promotion.toFloating(in);
            case FLOATING:
                if (!in.isFloatingPoint()) {
                    throw Elementwise.notImplemented(op.kernelName(), in);
                }
                return in;
            default:
                if (in == DType.BOOL) {
                    if (op == UnaryOp.NEG) {
                        throw new IllegalArgumentException("Negation, the `-` operator, on a bool tensor is not supported. "
                                + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
                    }
                    if (op == UnaryOp.RELU) {
                        throw new IllegalArgumentException("Boolean inputs not supported for relu");
                    }
                    if (op != UnaryOp.SIGN) {
                        throw Elementwise.notImplemented(op.kernelName(), in);
                    }
                }
                return in;
        }
    }

    /** {@code torch.round(a, decimals=d)}; decimals 0 is plain round. */
    static NDArray round(NDArray a, int decimals) {
        if (decimals == 0) {
            return apply(UnaryOp.ROUND, a);
        }
        return apply(UnaryOp.ROUND_DECIMALS, a, tenPow(a.dtype(), decimals), decimals < 0 ? 1 : 0);
    }

    static NDArray round_(NDArray a, int decimals) {
        if (decimals == 0) {
            return apply_(UnaryOp.ROUND, a);
        }
        return apply_(UnaryOp.ROUND_DECIMALS, a, tenPow(a.dtype(), decimals), decimals < 0 ? 1 : 0);
    }

    /** {@code static_cast<opmath_t>(std::pow(10, |decimals|))}: float32 rounds the double power. */
    private static double tenPow(DType t, int decimals) {
        double p = Math.pow(10, Math.abs(decimals));
        return t == DType.FLOAT32 ? (float) p : p;
    }

    /** {@code F.gelu(a, approximate)}: "none" (erf) or "tanh". */
    static UnaryOp geluOp(String approximate) {
        if ("none".equals(approximate)) {
            return UnaryOp.GELU;
        }
        if ("tanh".equals(approximate)) {
            return UnaryOp.GELU_TANH;
        }
        throw new IllegalArgumentException("approximate argument must be either none or tanh.");
    }

    // ---------------------------------------------------------------- clamp

    private static boolean isFloat(Number n) {
        return n instanceof Double || n instanceof Float;
    }

    private static boolean isNaN(Number n) {
        return n != null && isFloat(n) && Double.isNaN(n.doubleValue());
    }

    /** The dtype of {@code clamp(a, min, max)}: PyTorch promotes with the bounds as Python numbers. */
    private static DType clampType(NDArray a, Number min, Number max) {
        Promotion pr = new Promotion().add(a);
        for (Number n : new Number[] {min, max}) {
            if (n != null) {
                if (isFloat(n)) {
                    pr.addScalar(n.doubleValue());
                } else {
                    pr.addScalar(n.longValue());
                }
            }
        }
        return pr.result();
    }

    /**
     * {@code torch.clamp(a, min, max)} (and {@code clamp_min}/{@code clamp_max} when one bound is
     * null and {@code nanFills} is set). With two bounds, a NaN bound fills the result with NaN;
     * {@code clamp} with one NaN bound leaves the input unchanged, {@code clamp_min(NaN)} gives NaN.
     */
    static NDArray clamp(NDArray self, NDArray a, Number min, Number max, boolean nanFills) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        DType t = clampType(a, min, max);
        if (self != null) {
            Elementwise.checkInPlace(self);
            if (t != self.dtype()) {
                throw new IllegalArgumentException("result type " + t.scalarTypeName()
                        + " can't be cast to the desired output type " + Elementwise.typeMetaName(self.dtype()));
            }
        }
        NDArray x = Elementwise.cast(a, t);
        NDArray out = self != null ? self : Elementwise.result(t, x);
        if ((min != null && max != null || nanFills) && (isNaN(min) || isNaN(max))) {
            return out.fill_(Double.NaN);
        }
        double lo = min == null ? Double.NEGATIVE_INFINITY : min.doubleValue();
        double hi = max == null ? Double.POSITIVE_INFINITY : max.doubleValue();
        long llo = min == null ? Long.MIN_VALUE : min.longValue();
        long lhi = max == null ? Long.MAX_VALUE : max.longValue();
        Elementwise.runUnary(UnaryOp.CLAMP, lo, hi, llo, lhi, out, x);
        return out;
    }

    /** {@code torch.clamp(a, min, max)} with tensor bounds (either may be null): maximum, minimum or both. */
    static NDArray clamp(NDArray a, NDArray min, NDArray max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        if (max == null) {
            return Arithmetic.maximum(a, min);
        }
        if (min == null) {
            return Arithmetic.minimum(a, max);
        }
        DType t = new Promotion().add(a).add(min).add(max).result();
        if (t == DType.BOOL) {
            throw Elementwise.notImplemented("clamp_cpu", t);
        }
        NDArray x = Elementwise.cast(a, t);
        NDArray lo = Elementwise.cast(min, t);
        NDArray hi = Elementwise.cast(max, t);
        NDArray out = Elementwise.result(t, x, lo, hi);
        Elementwise.runTernary(TernaryOp.CLAMP, 0, 0, out, x, lo, hi);
        return out;
    }
}
