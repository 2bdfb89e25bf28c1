package dev.jtorch.tensor.kernel;

/**
 * Elementwise functions of three operands ({@code a}, {@code b}, {@code c}) and a scalar
 * parameter {@code p}, with PyTorch's CPU numerics: the optimizer primitives and tensor clamp.
 */
public enum TernaryOp {
    /** {@code addcmul}: {@code a + (p*b)*c}, the add fused with the last product. */
    ADDCMUL {
        public float apply(float a, float b, float c, double p) { return Math.fma((float) p * b, c, a); }
        public double apply(double a, double b, double c, double p) { return Math.fma(p * b, c, a); }
        public long apply(long a, long b, long c, long p) { return a + p * b * c; }
    },
    /** {@code addcdiv}: {@code a + (p*b)/c}. */
    ADDCDIV {
        public float apply(float a, float b, float c, double p) { return a + (float) p * b / c; }
        public double apply(double a, double b, double c, double p) { return a + p * b / c; }
        public long apply(long a, long b, long c, long p) { throw new AssertionError("ADDCDIV is floating point only"); }
    },
    /** {@code lerp(a, b, weight=c)} with a tensor weight; see {@link BinaryOp#LERP}. */
    LERP {
        public float apply(float a, float b, float c, double p) { return lerp(a, b, c); }
        public double apply(double a, double b, double c, double p) { return lerp(a, b, c); }
        public long apply(long a, long b, long c, long p) { throw new AssertionError("LERP is floating point only"); }
    },
    /** {@code clamp(a, min=b, max=c)} with tensor bounds: NaN if any operand is NaN. */
    CLAMP {
        public float apply(float a, float b, float c, double p) {
            return b != b || c != c ? Float.NaN : BinaryOp.MINIMUM.apply(BinaryOp.MAXIMUM.apply(a, b, 0), c, 0);
        }
        public double apply(double a, double b, double c, double p) {
            return b != b || c != c ? Double.NaN : BinaryOp.MINIMUM.apply(BinaryOp.MAXIMUM.apply(a, b, 0), c, 0);
        }
        public long apply(long a, long b, long c, long p) { return Math.min(Math.max(a, b), c); }
    };

    public abstract float apply(float a, float b, float c, double p);

    public abstract double apply(double a, double b, double c, double p);

    public abstract long apply(long a, long b, long c, long p);

    /** PyTorch's lerp: the weight-small branch from {@code a}, the other from {@code b}, one rounding each. */
    static float lerp(float a, float b, float w) {
        float d = b - a;
        return Math.abs(w) < 0.5f ? Math.fma(w, d, a) : Math.fma(w - 1f, d, b);
    }

    static double lerp(double a, double b, double w) {
        double d = b - a;
        return Math.abs(w) < 0.5d ? Math.fma(w, d, a) : Math.fma(w - 1d, d, b);
    }
}
