package dev.jtorch.tensor.kernel;

/** Elementwise comparisons, computed in the promoted dtype; results are bool (0 or 1 bytes). */
public enum CompareOp {
    EQ {
        public boolean test(float a, float b) { return a == b; }
        public boolean test(double a, double b) { return a == b; }
        public boolean test(long a, long b) { return a == b; }
    },
    NE {
        public boolean test(float a, float b) { return a != b; }
        public boolean test(double a, double b) { return a != b; }
        public boolean test(long a, long b) { return a != b; }
    },
    LT {
        public boolean test(float a, float b) { return a < b; }
        public boolean test(double a, double b) { return a < b; }
        public boolean test(long a, long b) { return a < b; }
    },
    LE {
        public boolean test(float a, float b) { return a <= b; }
        public boolean test(double a, double b) { return a <= b; }
        public boolean test(long a, long b) { return a <= b; }
    },
    GT {
        public boolean test(float a, float b) { return a > b; }
        public boolean test(double a, double b) { return a > b; }
        public boolean test(long a, long b) { return a > b; }
    },
    GE {
        public boolean test(float a, float b) { return a >= b; }
        public boolean test(double a, double b) { return a >= b; }
        public boolean test(long a, long b) { return a >= b; }
    };

    public abstract boolean test(float a, float b);

    public abstract boolean test(double a, double b);

    public abstract boolean test(long a, long b);
}
