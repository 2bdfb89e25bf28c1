package dev.jtorch.tensor.kernel;

/**
 * Elementwise maps of one operand, each with its scalar reference definition. Ops may read up
 * to two scalar parameters {@code p} and {@code q} (a slope, clamp bounds, softplus beta and
 * threshold...); parameterless ops ignore them. The float versions compute what PyTorch's CPU
 * kernels compute for float32: float arithmetic, with the transcendental function evaluated in
 * double and rounded (PyTorch uses Sleef, accurate to 1 ulp, or 3.5 ulp for sin/cos), and with
 * {@code a*b + c} fused where GCC contracts it in PyTorch's AVX2/AVX-512 builds.
 *
 * <p>The Vector API kernels must agree with these within the tolerance each op documents in
 * the kernel tests: exact for sign, neg, abs, relu, clamp, leaky relu, sqrt, rsqrt, reciprocal,
 * the powers; a few ulp where SVML replaces {@code Math}.
 */
public enum UnaryOp {
    NEG(Domain.INTEGRAL, "neg_cpu") {
        public float apply(float x, double p, double q) { return -x; }
        public double apply(double x, double p, double q) { return -x; }
        public long apply(long x, long p, long q) { return -x; }
    },
    ABS(Domain.INTEGRAL, "abs_cpu") {
        public float apply(float x, double p, double q) { return Math.abs(x); }
        public double apply(double x, double p, double q) { return Math.abs(x); }
        public long apply(long x, long p, long q) { return Math.abs(x); }
    },
    /** {@code (0 < x) - (x < 0)}: NaN and -0.0 give 0. */
    SIGN(Domain.INTEGRAL, "sign_cpu") {
        public float apply(float x, double p, double q) { return (0f < x ? 1f : 0f) - (x < 0f ? 1f : 0f); }
        public double apply(double x, double p, double q) { return (0d < x ? 1d : 0d) - (x < 0d ? 1d : 0d); }
        public long apply(long x, long p, long q) { return Long.signum(x); }
    },
    /** {@code clamp_min(x, 0)} as PyTorch's relu: NaN and -0.0 pass through. */
    RELU(Domain.INTEGRAL, "clamp_min_scalar_cpu") {
        public float apply(float x, double p, double q) { return x < 0f ? 0f : x; }
        public double apply(double x, double p, double q) { return x < 0d ? 0d : x; }
        public long apply(long x, long p, long q) { return Math.max(x, 0L); }
    },
    /** {@code min(max(x, p), q)} with PyTorch's std::min/std::max order: NaN x stays NaN. */
    CLAMP(Domain.INTEGRAL, "clamp_scalar_cpu") {
        public float apply(float x, double p, double q) {
            float lo = (float) p;
            float hi = (float) q;
            float y = x < lo ? lo : x;
            return hi < y ? hi : y;
        }
        public double apply(double x, double p, double q) {
            double y = x < p ? p : x;
            return q < y ? q : y;
        }
        public long apply(long x, long p, long q) { return Math.min(Math.max(x, p), q); }
    },
    SQUARE(Domain.INTEGRAL, "pow") {
        public float apply(float x, double p, double q) { return x * x; }
        public double apply(double x, double p, double q) { return x * x; }
        public long apply(long x, long p, long q) { return x * x; }
    },
    CUBE(Domain.INTEGRAL, "pow") {
        public float apply(float x, double p, double q) { return x * x * x; }
        public double apply(double x, double p, double q) { return x * x * x; }
        public long apply(long x, long p, long q) { return x * x * x; }
    },
    /** {@code pow(x, p)}: float bases use the double exponent, as {@code std::pow(float, double)}. */
    POW(Domain.INTEGRAL, "pow") {
        public float apply(float x, double p, double q) { return (float) Math.pow(x, p); }
        public double apply(double x, double p, double q) { return Math.pow(x, p); }
        public long apply(long x, long p, long q) { return powi(x, p); }
    },
    FLOOR(Domain.INTEGRAL, "floor_vml_cpu") {
        public float apply(float x, double p, double q) { return (float) Math.floor(x); }
        public double apply(double x, double p, double q) { return Math.floor(x); }
        public long apply(long x, long p, long q) { return x; }
    },
    CEIL(Domain.INTEGRAL, "ceil_vml_cpu") {
        public float apply(float x, double p, double q) { return (float) Math.ceil(x); }
        public double apply(double x, double p, double q) { return Math.ceil(x); }
        public long apply(long x, long p, long q) { return x; }
    },
    TRUNC(Domain.INTEGRAL, "trunc_vml_cpu") {
        public float apply(float x, double p, double q) { return (float) trunc(x); }
        public double apply(double x, double p, double q) { return trunc(x); }
        public long apply(long x, long p, long q) { return x; }
    },
    /** Round half to even ({@code std::nearbyint}). */
    ROUND(Domain.INTEGRAL, "round_vml_cpu") {
        public float apply(float x, double p, double q) { return (float) Math.rint(x); }
        public double apply(double x, double p, double q) { return Math.rint(x); }
        public long apply(long x, long p, long q) { return x; }
    },
    /** {@code round(x, decimals)}: p = 10^|decimals| (rounded to the dtype), q = 1 when decimals < 0. */
    ROUND_DECIMALS(Domain.FLOATING, "round_cpu") {
        public float apply(float x, double p, double q) {
            float t = (float) p;
            return q != 0 ? (float) Math.rint(x / t) * t : (float) Math.rint(x * t) / t;
        }
        public double apply(double x, double p, double q) {
            return q != 0 ? Math.rint(x / p) * p : Math.rint(x * p) / p;
        }
    },
    EXP(Domain.PROMOTING, "exp_vml_cpu") {
        public float apply(float x, double p, double q) { return SleefMath.exp(x); }
        public double apply(double x, double p, double q) { return SleefMath.exp(x); }
    },
    EXP2(Domain.PROMOTING, "exp2") {
        public float apply(float x, double p, double q) { return (float) Math.pow(2, x); }
        public double apply(double x, double p, double q) { return Math.pow(2, x); }
    },
    EXPM1(Domain.PROMOTING, "expm1_vml_cpu") {
        public float apply(float x, double p, double q) { return SleefMath.expm1(x); }
        public double apply(double x, double p, double q) { return Math.expm1(x); }
    },
    LOG(Domain.PROMOTING, "log_vml_cpu") {
        public float apply(float x, double p, double q) { return SleefMath.log(x); }
        public double apply(double x, double p, double q) { return SleefMath.log(x); }
    },
    LOG2(Domain.PROMOTING, "log2_vml_cpu") {
        public float apply(float x, double p, double q) { return SleefMath.log2(x); }
        public double apply(double x, double p, double q) { return log2(x); }
    },
    LOG10(Domain.PROMOTING, "log10_vml_cpu") {
        public float apply(float x, double p, double q) { return SleefMath.log10(x); }
        public double apply(double x, double p, double q) { return Math.log10(x); }
    },
    LOG1P(Domain.PROMOTING, "log1p_vml_cpu") {
        public float apply(float x, double p, double q) { return SleefMath.log1p(x); }
        public double apply(double x, double p, double q) { return Math.log1p(x); }
    },
    SQRT(Domain.PROMOTING, "sqrt_vml_cpu") {
        public float apply(float x, double p, double q) { return (float) Math.sqrt(x); }
        public double apply(double x, double p, double q) { return Math.sqrt(x); }
    },
    /** {@code 1 / sqrt(x)}, two correctly rounded steps as in PyTorch. */
    RSQRT(Domain.PROMOTING, "rsqrt_cpu") {
        public float apply(float x, double p, double q) { return 1f / (float) Math.sqrt(x); }
        public double apply(double x, double p, double q) { return 1d / Math.sqrt(x); }
    },
    RECIPROCAL(Domain.PROMOTING, "reciprocal_cpu") {
        public float apply(float x, double p, double q) { return 1f / x; }
        public double apply(double x, double p, double q) { return 1d / x; }
    },
    /** {@code pow(x, -2)} = {@code 1 / (x*x)}. */
    RECIPROCAL_SQUARE(Domain.PROMOTING, "pow") {
        public float apply(float x, double p, double q) { return 1f / (x * x); }
        public double apply(double x, double p, double q) { return 1d / (x * x); }
    },
    SIN(Domain.PROMOTING, "sin_vml_cpu") {
        public float apply(float x, double p, double q) { return (float) Math.sin(x); }
        public double apply(double x, double p, double q) { return Math.sin(x); }
    },
    COS(Domain.PROMOTING, "cos_vml_cpu") {
        public float apply(float x, double p, double q) { return (float) Math.cos(x); }
        public double apply(double x, double p, double q) { return Math.cos(x); }
    },
    TAN(Domain.PROMOTING, "tan_vml_cpu") {
        public float apply(float x, double p, double q) { return (float) Math.tan(x); }
        public double apply(double x, double p, double q) { return Math.tan(x); }
    },
    TANH(Domain.PROMOTING, "tanh_vml_cpu") {
        public float apply(float x, double p, double q) { return SleefMath.tanh(x); }
        public double apply(double x, double p, double q) { return Math.tanh(x); }
    },
    /**
     * {@code 1 / (1 + exp(-x))} in the dtype's arithmetic. float32: libtorch's scalar lambda, with
     * glibc's {@code expf} (correctly rounded but in 0.01% of cases: here the correctly rounded
     * float of {@code StrictMath.exp}); its vector body ({@link #vectorBody}) uses Sleef's expf.
     */
    SIGMOID(Domain.PROMOTING, "sigmoid_cpu") {
        public float apply(float x, double p, double q) { return 1f / (1f + expf(-x)); }
        public double apply(double x, double p, double q) { return 1d / (1d + SleefMath.exp(-x)); }
    },
    ERF(Domain.PROMOTING, "erf_vml_cpu") {
        public float apply(float x, double p, double q) { return Erf.erf(x); }
        public double apply(double x, double p, double q) { return Erf.erf(x); }
    },
    /** Exact GELU, {@code x * 0.5 * (1 + erf(x * M_SQRT1_2))}. */
    GELU(Domain.FLOATING, "GeluKernelImpl") {
        public float apply(float x, double p, double q) { return x * 0.5f * (1f + Erf.erf(x * SQRT1_2_F)); }
        public double apply(double x, double p, double q) { return x * 0.5d * (1d + Erf.erf(x * SQRT1_2)); }
    },
    /** GELU with {@code approximate='tanh'}: {@code 0.5 * x * (1 + tanh(kBeta * (x + kKappa * x^3)))}. */
    GELU_TANH(Domain.FLOATING, "GeluKernelImpl") {
        public float apply(float x, double p, double q) {
            float inner = GELU_BETA_F * Math.fma(GELU_KAPPA_F, x * x * x, x);
            return 0.5f * x * (1f + (float) Math.tanh(inner));
        }
        public double apply(double x, double p, double q) {
            double inner = GELU_BETA * Math.fma(GELU_KAPPA, x * x * x, x);
            return 0.5d * x * (1d + Math.tanh(inner));
        }
    },
    /** SiLU, {@code x / (1 + exp(-x))}; float32 as {@link #SIGMOID}: glibc's expf here, Sleef's in the vector body. */
    SILU(Domain.FLOATING, "silu_cpu") {
        public float apply(float x, double p, double q) { return x / (1f + expf(-x)); }
        public double apply(double x, double p, double q) { return x / (1d + SleefMath.exp(-x)); }
    },
    /** Softplus with p = beta, q = threshold: {@code x*beta > threshold ? x : log1p(exp(x*beta)) / beta}. */
    SOFTPLUS(Domain.FLOATING, "softplus_cpu") {
        public float apply(float x, double p, double q) {
            float b = (float) p;
            float xb = x * b;
            return xb > (float) q ? x : (float) Math.log1p(SleefMath.exp(xb)) / b;
        }
        public double apply(double x, double p, double q) {
            double xb = x * p;
            return xb > q ? x : Math.log1p(SleefMath.exp(xb)) / p;
        }
    },
    /** Leaky ReLU with p = negative slope: {@code x > 0 ? x : x * slope}. */
    LEAKY_RELU(Domain.FLOATING, "leaky_relu_cpu") {
        public float apply(float x, double p, double q) { return x > 0f ? x : x * (float) p; }
        public double apply(double x, double p, double q) { return x > 0d ? x : x * p; }
    },
    /** ELU with p = alpha: {@code x > 0 ? x : alpha * expm1(x)} (PyTorch's vectorized form). */
    ELU(Domain.FLOATING, "elu_cpu") {
        public float apply(float x, double p, double q) { return x > 0f ? x : (float) Math.expm1(x) * (float) p; }
        public double apply(double x, double p, double q) { return x > 0d ? x : Math.expm1(x) * p; }
    };

    /**
     * PyTorch's vectorized loop for float32 sigmoid/silu ({@code cpu_kernel_vec}): blocks of two
     * AVX-512 vectors with Sleef's expf, the last {@code n % 32} elements through the scalar lambda
     * with glibc's expf. Measured against libtorch 2.10: it splits each thread's whole range of the
     * iteration that way, strided or not; jtorch splits each row, which is the same for contiguous
     * and 1-d tensors (one row) and differs in at most 31 elements of a multi-row view.
     */
    public static final int EXP_BODY_BLOCK_FLOAT = 32;

    /**
     * How many leading elements of a float32 row PyTorch computes with its vector formula
     * ({@link #applyVectorBody}); the rest take {@link #apply}. All of them for ops without the split.
     */
    public int vectorBody(int xs, int os, int n) {
        if (this != SIGMOID && this != SILU) {
            return n;
        }
        return n - n % EXP_BODY_BLOCK_FLOAT;
    }

    /** The float32 value of PyTorch's vector body: Sleef's expf for sigmoid and silu, else {@link #apply}. */
    public float applyVectorBody(float x, double p, double q) {
        if (this == SIGMOID) {
            return 1f / (1f + SleefMath.exp(-x));
        }
        if (this == SILU) {
            return x / (1f + SleefMath.exp(-x));
        }
        return apply(x, p, q);
    }

    /** glibc's expf: correctly rounded (its 0.502-ulp bound aside), from the double {@code StrictMath.exp}. */
    static float expf(float x) {
        return (float) StrictMath.exp(x);
    }

    /** Which input dtypes an op accepts, and what it does with integers. */
    public enum Domain {
        /** Integers and floats in their own dtype ({@code neg}, {@code abs}, {@code floor}...). */
        INTEGRAL,
        /** Integer and bool inputs are first converted to the default float ({@code exp}, {@code sqrt}...). */
        PROMOTING,
        /** Floating inputs only; integers raise PyTorch's "not implemented for 'Long'" ({@code gelu}...). */
        FLOATING
    }

    static final float SQRT1_2_F = (float) 0.70710678118654752440;
    static final double SQRT1_2 = 0.70710678118654752440;
    /** {@code M_SQRT2 * M_2_SQRTPI * 0.5}, sqrt(2/pi). */
    static final double GELU_BETA = 1.41421356237309504880 * 1.12837916709551257390 * 0.5;
    static final float GELU_BETA_F = (float) GELU_BETA;
    static final double GELU_KAPPA = 0.044715;
    static final float GELU_KAPPA_F = 0.044715f;
    private static final double INV_LN2 = 1.4426950408889634;

    private final Domain domain;
    private final String kernelName;

    UnaryOp(Domain domain, String kernelName) {
        this.domain = domain;
        this.kernelName = kernelName;
    }

    public Domain domain() {
        return domain;
    }

    /** The name PyTorch's dispatch macro uses in "not implemented for" errors, e.g. {@code "abs_cpu"}. */
    public String kernelName() {
        return kernelName;
    }

    public abstract float apply(float x, double p, double q);

    public abstract double apply(double x, double p, double q);

    /** The int64 version; only called for {@link Domain#INTEGRAL} ops. */
    public long apply(long x, long p, long q) {
        throw new AssertionError(name() + " is computed in floating point");
    }

    /** {@code std::trunc}: rounds toward zero, keeps the sign of zero. */
    static double trunc(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    /** log2 exact at powers of two: the exponent plus log2 of a mantissa in [sqrt(1/2), sqrt(2)). */
    static double log2(double x) {
        if (!(x > 0) || x == Double.POSITIVE_INFINITY || x < Double.MIN_NORMAL) {
            return Math.log(x) * INV_LN2;
        }
        int e = Math.getExponent(x);
        double m = Math.scalb(x, -e);
        if (m > 1.4142135623730951) {
            m *= 0.5;
            e++;
        }
        return e + Math.log(m) * INV_LN2;
    }

    /**
     * PyTorch's integer power ({@code native::powi}): squaring, wrapping on overflow; negative
     * exponents give 1 for base 1, +-1 for base -1, 0 otherwise.
     */
    public static long powi(long a, long b) {
        if (b < 0) {
            if (a == 1) {
                return 1;
            }
            if (a == -1) {
                return (-b) % 2 != 0 ? -1 : 1;
            }
            return 0;
        }
        long result = 1;
        while (b != 0) {
            if ((b & 1) != 0) {
                result *= a;
            }
            b /= 2;
            a *= a;
        }
        return result;
    }
}
