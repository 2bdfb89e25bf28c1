package dev.jtorch.tensor.kernel;

/** Elementwise binary functions with their scalar reference definitions. */
public enum BinaryOp {
    ADD(false) {
        public float apply(float a, float b) { return a + b; }
        public double apply(double a, double b) { return a + b; }
        public long apply(long a, long b) { return a + b; }
    },
    SUB(false) {
        public float apply(float a, float b) { return a - b; }
        public double apply(double a, double b) { return a - b; }
        public long apply(long a, long b) { return a - b; }
    },
    MUL(false) {
        public float apply(float a, float b) { return a * b; }
        public double apply(double a, double b) { return a * b; }
        public long apply(long a, long b) { return a * b; }
    },
    /** True division: integer inputs are promoted to the default float first. */
    DIV(true) {
        public float apply(float a, float b) { return a / b; }
        public double apply(double a, double b) { return a / b; }
        public long apply(long a, long b) { throw new AssertionError("DIV is computed in floating point"); }
    };

    private final boolean floatingOnly;

    BinaryOp(boolean floatingOnly) {
        this.floatingOnly = floatingOnly;
    }

    /** True when integer inputs are promoted to the default float (true division, pow with float exponent...). */
    public boolean floatingOnly() {
        return floatingOnly;
    }

    public abstract float apply(float a, float b);

    public abstract double apply(double a, double b);

    /** The int64 version; only called when {@link #floatingOnly()} is false. */
    public abstract long apply(long a, long b);
}
