package dev.jtorch.tensor;

import dev.jtorch.tensor.kernel.BinaryOp;
import dev.jtorch.tensor.kernel.UnaryOp;

/**
 * Binary arithmetic with PyTorch's broadcasting, type promotion, in-place rules and errors:
 * add/sub (with alpha), mul, div (true, trunc, floor), pow, maximum/minimum, remainder, fmod,
 * atan2. A Java {@code double} operand promotes as a Python float, a {@code long} as a Python int.
 */
final class Arithmetic {
    private Arithmetic() {}

    // ---------------------------------------------------------------- promotion and the two drivers

    static DType typeOf(NDArray a, NDArray b) {
        // one dtype promotes to itself whatever the operands' dims: skip the category bookkeeping
        return a.dtype() == b.dtype() ? a.dtype() : Promotion.of(a, b);
    }

    static DType typeOf(NDArray a, double s) {
        return Promotion.of(a, s);
    }

    static DType typeOf(NDArray a, long s) {
        return new Promotion().add(a).addScalar(s).result();
    }

    /** {@code op(a, b)} computed in dtype {@code t} into a new array of the broadcast shape. */
    static NDArray apply(BinaryOp op, double p, long lp, NDArray a, NDArray b, DType t) {
        NDArray x = Elementwise.cast(a, t);
        NDArray y = Elementwise.cast(b, t);
        NDArray out = Elementwise.result(t, x, y);
        Elementwise.runBinary(op, p, lp, out, x, y);
        return out;
    }

    /** {@code self = op(self, b)} computed in dtype {@code t}, then cast to self's dtype. */
    static NDArray applyInPlace(BinaryOp op, double p, long lp, NDArray self, NDArray b, DType t) {
        Elementwise.checkInPlace(self, b);
        Elementwise.checkCast(t, self.dtype());
        if (t == self.dtype()) {
            Elementwise.runBinary(op, p, lp, self, self, Elementwise.cast(b, t));
        } else {
            self.copy_(apply(op, p, lp, self, b, t));
        }
        return self;
    }

    // ---------------------------------------------------------------- add / sub

    /** {@code torch.add(a, b, alpha=alpha)} with a float alpha. */
    static NDArray add(NDArray a, NDArray b, double alpha) {
        DType t = typeOf(a, b);
        checkFloatAlpha(t);
        return apply(BinaryOp.ADD, alpha, 0, a, b, t);
    }

    /** {@code torch.add(a, b, alpha=alpha)} with an integral alpha. */
    static NDArray add(NDArray a, NDArray b, long alpha) {
        return apply(BinaryOp.ADD, alpha, alpha, a, b, typeOf(a, b));
    }

    static NDArray add_(NDArray a, NDArray b, double alpha) {
        DType t = typeOf(a, b);
        checkFloatAlpha(t);
        return applyInPlace(BinaryOp.ADD, alpha, 0, a, b, t);
    }

    static NDArray add_(NDArray a, NDArray b, long alpha) {
        return applyInPlace(BinaryOp.ADD, alpha, alpha, a, b, typeOf(a, b));
    }

    static NDArray sub(NDArray a, NDArray b, double alpha) {
        checkSub(a.dtype(), b.dtype());
        return add(a, b, -alpha);
    }

    static NDArray sub(NDArray a, NDArray b, long alpha) {
        checkSub(a.dtype(), b.dtype());
        return add(a, b, -alpha);
    }

    static NDArray sub_(NDArray a, NDArray b, double alpha) {
        checkSub(a.dtype(), b.dtype());
        return add_(a, b, -alpha);
    }

    static NDArray sub_(NDArray a, NDArray b, long alpha) {
        checkSub(a.dtype(), b.dtype());
        return add_(a, b, -alpha);
    }

    /** {@code a - s}: a Python-number operand counts as int64 (long) or float for the bool check. */
    static void checkSub(DType a, DType b) {
        if (a == DType.BOOL && b == DType.BOOL) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.");
        }
        if (a == DType.BOOL || b == DType.BOOL) {
            throw new IllegalArgumentException("Subtraction, the `-` operator, with a bool tensor is not supported. "
                    + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
    }

    private static void checkFloatAlpha(DType t) {
        if (!t.isFloatingPoint()) {
            throw new IllegalArgumentException(
                    "For integral input tensors, argument alpha must not be a floating point number.");
        }
    }

    // ---------------------------------------------------------------- div

    /** True division: integer and bool inputs give the default float. */
    static NDArray div(NDArray a, NDArray b) {
        DType t = Promotion.toFloating(typeOf(a, b));
        return apply(BinaryOp.DIV, 1, 1, a, b, t);
    }

    static NDArray div_(NDArray a, NDArray b) {
        return applyInPlace(BinaryOp.DIV, 1, 1, a, b, Promotion.toFloating(typeOf(a, b)));
    }

    /** {@code torch.div(a, b, rounding_mode=mode)}: null is true division; "trunc" and "floor" keep integer dtypes. */
    static NDArray div(NDArray a, NDArray b, String mode) {
        BinaryOp op = roundingOp(mode);
        if (op == BinaryOp.DIV) {
            return div(a, b);
        }
        DType t = typeOf(a, b);
        checkRoundingDtype(op, t);
        return apply(op, 1, 1, a, b, t);
    }

    static NDArray div_(NDArray a, NDArray b, String mode) {
        BinaryOp op = roundingOp(mode);
        if (op == BinaryOp.DIV) {
            return div_(a, b);
        }
        DType t = typeOf(a, b);
        checkRoundingDtype(op, t);
        return applyInPlace(op, 1, 1, a, b, t);
    }

    private static BinaryOp roundingOp(String mode) {
        if (mode == null) {
            return BinaryOp.DIV;
        }
        switch (mode) {
            case "trunc": return BinaryOp.DIV_TRUNC;
            case "floor": return BinaryOp.DIV_FLOOR;
            default:
                throw new IllegalArgumentException("div expected rounding_mode to be one of None, 'trunc', or 'floor' "
                        + "but found '" + mode + "'");
        }
    }

    private static void checkRoundingDtype(BinaryOp op, DType t) {
        if (t == DType.BOOL) {
            throw Elementwise.notImplemented(op == BinaryOp.DIV_TRUNC ? "div_trunc_cpu" : "div_floor_cpu", t);
        }
    }

    // ---------------------------------------------------------------- plain binary ops

    static NDArray mul(NDArray a, NDArray b) {
        return apply(BinaryOp.MUL, 1, 1, a, b, typeOf(a, b));
    }

    static NDArray mul_(NDArray a, NDArray b) {
        return applyInPlace(BinaryOp.MUL, 1, 1, a, b, typeOf(a, b));
    }

    /** {@code torch.maximum}: NaN-propagating; bool is logical or. */
    static NDArray maximum(NDArray a, NDArray b) {
        return apply(BinaryOp.MAXIMUM, 1, 1, a, b, typeOf(a, b));
    }

    /** {@code torch.minimum}: NaN-propagating; bool is logical and. */
    static NDArray minimum(NDArray a, NDArray b) {
        return apply(BinaryOp.MINIMUM, 1, 1, a, b, typeOf(a, b));
    }

    /** {@code torch.remainder} / {@code torch.fmod}: not for bool; integer division by zero raises ZeroDivisionError. */
    static NDArray modulo(BinaryOp op, NDArray a, NDArray b, DType t) {
        if (t == DType.BOOL) {
            throw Elementwise.notImplemented(op == BinaryOp.REMAINDER ? "remainder_cpu" : "fmod_cpu", t);
        }
        return apply(op, 1, 1, a, b, t);
    }

    static NDArray modulo_(BinaryOp op, NDArray a, NDArray b, DType t) {
        if (t == DType.BOOL) {
            throw Elementwise.notImplemented(op == BinaryOp.REMAINDER ? "remainder_cpu" : "fmod_cpu", t);
        }
        return applyInPlace(op, 1, 1, a, b, t);
    }

    static NDArray atan2(NDArray a, NDArray b) {
        return apply(BinaryOp.ATAN2, 1, 1, a, b, Promotion.toFloating(typeOf(a, b)));
    }

    // ---------------------------------------------------------------- pow

    /** {@code torch.pow(a, b)} with a tensor exponent. */
    static NDArray pow(NDArray a, NDArray b) {
        DType t = typeOf(a, b);
        if (t == DType.BOOL) {
            throw Elementwise.notImplemented("pow", t);
        }
        return apply(BinaryOp.POW, 1, 1, a, b, t);
    }

    static NDArray pow_(NDArray a, NDArray b) {
        DType t = typeOf(a, b);
        if (t == DType.BOOL) {
            throw Elementwise.notImplemented("pow", t);
        }
        return applyInPlace(BinaryOp.POW, 1, 1, a, b, t);
    }

    /**
     * {@code torch.pow(base, exponent)} with a Python-number base: 1 gives ones, else pow in the
     * promoted dtype. PyTorch allocates this output row-major whatever the exponent's layout.
     */
    static NDArray pow(Number base, NDArray exponent) {
        boolean isFloat = base instanceof Double || base instanceof Float;
        DType t = isFloat ? typeOf(exponent, base.doubleValue()) : typeOf(exponent, base.longValue());
        NDArray out = NDArray.empty(t, exponent.sizes());
        if (base.doubleValue() == 1) {
            return out.fill_(1);
        }
        NDArray b = isFloat ? Elementwise.scalar(base.doubleValue(), t) : Elementwise.scalar(base.longValue(), t);
        Elementwise.runBinary(BinaryOp.POW, 1, 1, out, b, Elementwise.cast(exponent, t));
        return out;
    }

    /** {@code torch.pow(a, e)} with a float exponent: the result is floating. */
    static NDArray pow(NDArray a, double e) {
        return powInto(null, a, e, 0, false, typeOf(a, e));
    }

    /** {@code torch.pow(a, e)} with an integral exponent: int64 stays int64. */
    static NDArray pow(NDArray a, long e) {
        return powInto(null, a, e, e, true, typeOf(a, e));
    }

    static NDArray pow_(NDArray a, double e) {
        return powInto(a, a, e, 0, false, typeOf(a, e));
    }

    static NDArray pow_(NDArray a, long e) {
        return powInto(a, a, e, e, true, typeOf(a, e));
    }

    /**
     * PyTorch's {@code pow(Tensor, Scalar)}: 0 fills ones, 1 copies, and float dtypes take
     * sqrt (0.5), rsqrt (-0.5), reciprocal (-1), x*x (2), x*x*x (3), 1/(x*x) (-2) before
     * {@code std::pow}; integers use repeated squaring. {@code self} is the in-place target or null.
     */
    private static NDArray powInto(NDArray self, NDArray a, double e, long le, boolean integral, DType t) {
        DType base = a.dtype();
        if (integral && le < 0 && !base.isFloatingPoint()) {
            throw new IllegalArgumentException("Integers to negative integer powers are not allowed.");
        }
        if (self != null) {
            Elementwise.checkInPlace(self);
            Elementwise.checkCast(t, self.dtype());
        }
        NDArray x = Elementwise.cast(a, t);
        NDArray out = self != null && t == self.dtype() ? self : Elementwise.result(t, x);
        if (e == 0) {
            out.fill_(1);
        } else if (e == 1) {
            if (out != a) {
                out.copy_(a);
            }
        } else {
            UnaryOp op = UnaryOp.POW;
            if (t.isFloatingPoint()) {
                op = e == 0.5 ? UnaryOp.SQRT : e == -0.5 ? UnaryOp.RSQRT : e == -1 ? UnaryOp.RECIPROCAL
                        : e == 2 ? UnaryOp.SQUARE : e == 3 ? UnaryOp.CUBE : e == -2 ? UnaryOp.RECIPROCAL_SQUARE : UnaryOp.POW;
            } else if (le == 2) {
                op = UnaryOp.SQUARE;
            } else if (le == 3) {
                op = UnaryOp.CUBE;
            }
            Elementwise.runUnary(op, e, 0, le, 0, out, x);
        }
        if (self != null && out != self) {
            self.copy_(out);
            return self;
        }
        return out;
    }
}
