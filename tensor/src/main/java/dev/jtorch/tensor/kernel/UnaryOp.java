package dev.jtorch.tensor.kernel;

/**
 * Elementwise unary functions with their scalar reference definitions. The float versions
 * follow what PyTorch's scalar CPU code computes for float32 (usually the C library function
 * in float); the Vector API kernels must agree with these within the ulp tolerance of the op.
 */
public enum UnaryOp {
    NEG(false) {
        public float apply(float x) { return -x; }
        public double apply(double x) { return -x; }
        public long apply(long x) { return -x; }
    },
    ABS(false) {
        public float apply(float x) { return Math.abs(x); }
        public double apply(double x) { return Math.abs(x); }
        public long apply(long x) { return Math.abs(x); }
    },
    RELU(false) {
        public float apply(float x) { return x > 0f ? x : (x == x ? 0f : x); }
        public double apply(double x) { return x > 0d ? x : (x == x ? 0d : x); }
        public long apply(long x) { return Math.max(x, 0L); }
    },
    EXP {
        public float apply(float x) { return (float) Math.exp(x); }
        public double apply(double x) { return Math.exp(x); }
    },
    LOG {
        public float apply(float x) { return (float) Math.log(x); }
        public double apply(double x) { return Math.log(x); }
    },
    SQRT {
        public float apply(float x) { return (float) Math.sqrt(x); }
        public double apply(double x) { return Math.sqrt(x); }
    },
    ;

    private final boolean floatingOnly;

    UnaryOp() {
        this(true);
    }

    UnaryOp(boolean floatingOnly) {
        this.floatingOnly = floatingOnly;
    }

    /** True when integer and bool inputs are promoted to the default float ({@code exp(int)} is float). */
    public boolean floatingOnly() {
        return floatingOnly;
    }

    public abstract float apply(float x);

    public abstract double apply(double x);

    /** The int64 version; only called when {@link #floatingOnly()} is false. */
    public long apply(long x) {
        throw new AssertionError(name() + " is computed in floating point");
    }
}
