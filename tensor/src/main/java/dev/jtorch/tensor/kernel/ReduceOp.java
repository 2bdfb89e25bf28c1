package dev.jtorch.tensor.kernel;

/**
 * Associative reductions with their identity and scalar step. {@code MAX}/{@code MIN} propagate
 * NaN (as PyTorch's {@code max_impl}); the {@code ABS_*}/{@code SQUARE_SUM} ops are the vector
 * norms p = 1, 2, inf and -inf before their final projection ({@code linalg.vector_norm}).
 */
public enum ReduceOp {
    SUM {
        public float apply(float acc, float x) { return acc + x; }
        public double apply(double acc, double x) { return acc + x; }
        public long apply(long acc, long x) { return acc + x; }
        public double identity() { return 0; }
    },
    PROD {
        public float apply(float acc, float x) { return acc * x; }
        public double apply(double acc, double x) { return acc * x; }
        public long apply(long acc, long x) { return acc * x; }
        public double identity() { return 1; }
    },
    MAX {
        public float apply(float acc, float x) { return x > acc || x != x ? x : acc; }
        public double apply(double acc, double x) { return x > acc || x != x ? x : acc; }
        public long apply(long acc, long x) { return Math.max(acc, x); }
        public double identity() { return Double.NEGATIVE_INFINITY; }
    },
    MIN {
        public float apply(float acc, float x) { return x < acc || x != x ? x : acc; }
        public double apply(double acc, double x) { return x < acc || x != x ? x : acc; }
        public long apply(long acc, long x) { return Math.min(acc, x); }
        public double identity() { return Double.POSITIVE_INFINITY; }
    },
    /** Sum of |x|: the 1-norm. */
    ABS_SUM {
        public float apply(float acc, float x) { return acc + Math.abs(x); }
        public double apply(double acc, double x) { return acc + Math.abs(x); }
        public double identity() { return 0; }
    },
    /** Sum of x*x: the squared 2-norm. */
    SQUARE_SUM {
        public float apply(float acc, float x) { return acc + x * x; }
        public double apply(double acc, double x) { return acc + x * x; }
        public double identity() { return 0; }
    },
    /** Max of |x| (NaN propagates): the inf-norm. */
    ABS_MAX {
        public float apply(float acc, float x) { return MAX.apply(acc, Math.abs(x)); }
        public double apply(double acc, double x) { return MAX.apply(acc, Math.abs(x)); }
        public double identity() { return 0; }
    },
    /** Min of |x| (NaN propagates): the -inf-norm. */
    ABS_MIN {
        public float apply(float acc, float x) { return MIN.apply(acc, Math.abs(x)); }
        public double apply(double acc, double x) { return MIN.apply(acc, Math.abs(x)); }
        public double identity() { return Double.POSITIVE_INFINITY; }
    };

    public abstract float apply(float acc, float x);

    public abstract double apply(double acc, double x);

    /** The int64 step; only SUM, PROD, MAX and MIN are defined for integers. */
    public long apply(long acc, long x) {
        throw new AssertionError(name() + " is only defined for floating point");
    }

    /** The value of the reduction over zero elements (int64: SUM 0, PROD 1; MAX/MIN have none). */
    public abstract double identity();
}
