package dev.jtorch.tensor.kernel;

/**
 * Elementwise functions of two operands with their scalar reference definitions, in the
 * arithmetic PyTorch's CPU kernels use (see {@link UnaryOp}). {@code p} is the op's scalar
 * parameter: the {@code alpha} of {@link #ADD}, the weight of {@link #LERP}; other ops ignore it.
 */
public enum BinaryOp {
    /**
     * {@code a + alpha*b}, fused: PyTorch computes {@code fmadd(b, alpha, a)} on its vectorized
     * part and its scalar tail is FMA-contracted too, so every element is one rounding.
     * Subtraction is this op with {@code -alpha}, as in PyTorch's {@code sub_kernel}.
     */
    ADD {
        public float apply(float a, float b, double p) { return Math.fma(b, (float) p, a); }
        public double apply(double a, double b, double p) { return Math.fma(b, p, a); }
        public long apply(long a, long b, long p) { return a + p * b; }
    },
    MUL {
        public float apply(float a, float b, double p) { return a * b; }
        public double apply(double a, double b, double p) { return a * b; }
        public long apply(long a, long b, long p) { return a * b; }
    },
    /** True division (integer inputs are promoted to the default float before). */
    DIV {
        public float apply(float a, float b, double p) { return a / b; }
        public double apply(double a, double b, double p) { return a / b; }
        public long apply(long a, long b, long p) { throw new AssertionError("DIV is computed in floating point"); }
    },
    /** {@code div(a, b, rounding_mode='trunc')}. */
    DIV_TRUNC {
        public float apply(float a, float b, double p) { return (float) UnaryOp.trunc(a / b); }
        public double apply(double a, double b, double p) { return UnaryOp.trunc(a / b); }
        public long apply(long a, long b, long p) { return a / nonZero(b); }
    },
    /** {@code div(a, b, rounding_mode='floor')}: Python's floor division ({@code c10::div_floor_floating}). */
    DIV_FLOOR {
        public float apply(float a, float b, double p) {
            if (b == 0) {
                return a / b;
            }
            float mod = a % b;
            float div = (a - mod) / b;
            if (mod != 0 && (b < 0) != (mod < 0)) {
                div -= 1f;
            }
            if (div == 0) {
                return Math.copySign(0f, a / b);
            }
            float floor = (float) Math.floor(div);
            return div - floor > 0.5f ? floor + 1f : floor;
        }
        public double apply(double a, double b, double p) {
            if (b == 0) {
                return a / b;
            }
            double mod = a % b;
            double div = (a - mod) / b;
            if (mod != 0 && (b < 0) != (mod < 0)) {
                div -= 1d;
            }
            if (div == 0) {
                return Math.copySign(0d, a / b);
            }
            double floor = Math.floor(div);
            return div - floor > 0.5d ? floor + 1d : floor;
        }
        public long apply(long a, long b, long p) { return Math.floorDiv(a, nonZero(b)); }
    },
    /** {@code pow(a, b)} with a tensor exponent; integers use {@link UnaryOp#powi}. */
    POW {
        public float apply(float a, float b, double p) { return (float) Math.pow(a, b); }
        public double apply(double a, double b, double p) { return Math.pow(a, b); }
        public long apply(long a, long b, long p) { return UnaryOp.powi(a, b); }
    },
    /** NaN-propagating maximum; otherwise {@code std::max(a, b)}, which keeps {@code a} when a == b (+-0). */
    MAXIMUM {
        public float apply(float a, float b, double p) { return a != a || b != b ? Float.NaN : (a < b ? b : a); }
        public double apply(double a, double b, double p) { return a != a || b != b ? Double.NaN : (a < b ? b : a); }
        public long apply(long a, long b, long p) { return Math.max(a, b); }
    },
    /** NaN-propagating minimum; otherwise {@code std::min(a, b)}, which keeps {@code a} when a == b (+-0). */
    MINIMUM {
        public float apply(float a, float b, double p) { return a != a || b != b ? Float.NaN : (b < a ? b : a); }
        public double apply(double a, double b, double p) { return a != a || b != b ? Double.NaN : (b < a ? b : a); }
        public long apply(long a, long b, long p) { return Math.min(a, b); }
    },
    /** Python's modulus: the result has the sign of the divisor. */
    REMAINDER {
        public float apply(float a, float b, double p) {
            float mod = a % b;
            return mod != 0 && (b < 0) != (mod < 0) ? mod + b : mod;
        }
        public double apply(double a, double b, double p) {
            double mod = a % b;
            return mod != 0 && (b < 0) != (mod < 0) ? mod + b : mod;
        }
        public long apply(long a, long b, long p) {
            long r = a % nonZero(b);
            return r != 0 && (r < 0) != (b < 0) ? r + b : r;
        }
    },
    /** C's {@code fmod}: the result has the sign of the dividend (Java's {@code %}). */
    FMOD {
        public float apply(float a, float b, double p) { return a % b; }
        public double apply(double a, double b, double p) { return a % b; }
        public long apply(long a, long b, long p) { return a % nonZero(b); }
    },
    ATAN2 {
        public float apply(float a, float b, double p) { return (float) Math.atan2(a, b); }
        public double apply(double a, double b, double p) { return Math.atan2(a, b); }
        public long apply(long a, long b, long p) { throw new AssertionError("ATAN2 is computed in floating point"); }
    },
    /**
     * {@code lerp(a, b, weight=p)}: {@code |w| < 0.5 ? a + w*(b-a) : b - (b-a)*(1-w)}, each one
     * fused multiply-add as in PyTorch (vectorized {@code fmadd}, scalar FMA-contracted).
     */
    LERP {
        public float apply(float a, float b, double p) { return TernaryOp.lerp(a, b, (float) p); }
        public double apply(double a, double b, double p) { return TernaryOp.lerp(a, b, p); }
        public long apply(long a, long b, long p) { throw new AssertionError("LERP is computed in floating point"); }
    };

    /**
     * Where in a row PyTorch's {@code add} rounds {@code alpha*b} on its own instead of fusing it.
     * With {@code b} a broadcast scalar and {@code a} and the output contiguous, libtorch's
     * vectorized loop (explicit fmadd) covers {@code n - n % block} elements; GCC auto-vectorizes
     * the scalar tail with {@code alpha*b} hoisted out of the loop (unfused) in chunks of
     * {@code block/2} and {@code block/4} elements, and its last {@code n % (block/4)} elements run
     * scalar, FMA-contracted (fused). Returns {@code {from, to}} of the unfused elements, or null
     * when every element is fused. Measured on libtorch 2.10's add kernel, which takes the AVX2
     * dispatch on x86: block = 16 floats, 8 doubles.
     */
    public static int[] unfusedRange(BinaryOp op, int as, int bs, int os, int n, int block) {
        if (op != ADD || bs != 0 || as != 1 || os != 1) {
            return null;
        }
        int tail = n % block;
        return new int[] {n - tail, n - tail % (block / 4)};
    }

    /** PyTorch's add block for float32 and float64: two AVX2 vectors. */
    public static final int ADD_BLOCK_FLOAT = 16;
    public static final int ADD_BLOCK_DOUBLE = 8;

    /** The unfused elements of {@link #unfusedRange}: {@code a + alpha*b}, the product rounded. */
    public static float addUnfused(float a, float b, double p) {
        return a + (float) p * b;
    }

    public static double addUnfused(double a, double b, double p) {
        return a + p * b;
    }

    public abstract float apply(float a, float b, double p);

    public abstract double apply(double a, double b, double p);

    /** The int64 (and bool, as 0/1) version. */
    public abstract long apply(long a, long b, long p);

    private static long nonZero(long b) {
        if (b == 0) {
            throw new ArithmeticException("ZeroDivisionError");
        }
        return b;
    }
}
