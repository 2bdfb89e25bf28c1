package dev.jtorch.tensor;

/**
 * PyTorch's {@code torch.result_type}: dimensioned tensors outrank 0-d tensors, which outrank
 * wrapped Java scalars, and a lower-priority operand only matters when its category
 * (bool &lt; integral &lt; floating) is higher ({@code c10::ResultTypeState}).
 */
public final class Promotion {
    private DType dimResult;
    private DType zeroResult;
    private DType wrappedResult;

    /** Adds a tensor operand. */
    public Promotion add(NDArray a) {
        if (a.dim() > 0) {
            dimResult = promote(dimResult, a.dtype());
        } else {
            zeroResult = promote(zeroResult, a.dtype());
        }
        return this;
    }

    /** Adds a Java floating scalar (a Python float): it counts as the default dtype. */
    public Promotion addScalar(double v) {
        wrappedResult = promote(wrappedResult, DType.defaultFloat());
        return this;
    }

    /** Adds a Java integral scalar (a Python int). */
    public Promotion addScalar(long v) {
        wrappedResult = promote(wrappedResult, DType.INT64);
        return this;
    }

    /** Adds a Java boolean scalar. */
    public Promotion addScalar(boolean v) {
        wrappedResult = promote(wrappedResult, DType.BOOL);
        return this;
    }

    /** The result dtype. */
    public DType result() {
        return combine(dimResult, combine(zeroResult, wrappedResult));
    }

    /** {@code torch.result_type(a, b)}. */
    public static DType of(NDArray a, NDArray b) {
        return new Promotion().add(a).add(b).result();
    }

    /** {@code torch.result_type(a, scalar)} for a floating scalar. */
    public static DType of(NDArray a, double scalar) {
        return new Promotion().add(a).addScalar(scalar).result();
    }

    /** The dtype a floating-only op (exp, sqrt, true division) computes in: ints and bool become the default float. */
    public static DType toFloating(DType t) {
        return t.isFloatingPoint() ? t : DType.defaultFloat();
    }

    private static DType promote(DType a, DType b) {
        return a == null ? b : DType.promote(a, b);
    }

    private static DType combine(DType higher, DType lower) {
        if (higher == null) {
            return lower;
        }
        if (lower == null || higher.isFloatingPoint()) {
            return higher;
        }
        if (higher == DType.BOOL || lower.isFloatingPoint()) {
            return DType.promote(higher, lower);
        }
        return higher;
    }
}
