package dev.jtorch.tensor;

/**
 * The double-precision {@code log}, {@code log1p}, {@code sin}, {@code cos} that libtorch's scalar
 * normal kernels call from the C library (glibc's libm on Linux).
 */
final class Libm {
    private Libm() {}

    static double log(double x) {
        return Math.log(x);
    }

    static double log1p(double x) {
        return Math.log1p(x);
    }

    static double sin(double x) {
        return Math.sin(x);
    }

    static double cos(double x) {
        return Math.cos(x);
    }
}
