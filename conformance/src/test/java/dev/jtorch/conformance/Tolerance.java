package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;

/**
 * How closely an elementwise result must match libtorch. {@link #EXACT} is bit equality (NaN
 * matching NaN, the sign of zero included); {@code ulps} allows that many units in the last
 * place of the expected value in its dtype; {@code abs + absPerX * |x|} allows an absolute error
 * scaled by the input, for results formed by cancellation ({@code x * (1 + erf(..))});
 * {@code relPerLogX} a relative error growing with {@code |ln x|} (a power with a rounded exponent).
 */
final class Tolerance {
    static final Tolerance EXACT = new Tolerance(0, 0, 0, true);

    final double ulps;
    final double abs;
    final double absPerX;
    final boolean zeroSign;
    final double relPerLogX;

    private Tolerance(double ulps, double abs, double absPerX, boolean zeroSign) {
        this(ulps, abs, absPerX, zeroSign, 0);
    }

    private Tolerance(double ulps, double abs, double absPerX, boolean zeroSign, double relPerLogX) {
        this.ulps = ulps;
        this.abs = abs;
        this.absPerX = absPerX;
        this.zeroSign = zeroSign;
        this.relPerLogX = relPerLogX;
    }

    /** Also allows a relative error of {@code k * |ln |x||} (an exponent rounded to float). */
    Tolerance orRelPerLogX(double k) {
        return new Tolerance(ulps, abs, absPerX, zeroSign, k);
    }

    static Tolerance ulps(double ulps) {
        return new Tolerance(ulps, 0, 0, true);
    }

    Tolerance orAbs(double a) {
        return new Tolerance(ulps, a, absPerX, zeroSign);
    }

    Tolerance orAbsPerX(double k) {
        return new Tolerance(ulps, abs, k, zeroSign);
    }

    /** +0.0 and -0.0 count as equal (maximum/minimum: libtorch's vector and scalar paths disagree on ties). */
    Tolerance anyZeroSign() {
        return new Tolerance(ulps, abs, absPerX, false);
    }

    /**
     * Asserts dtype, shape and values. {@code x} is the input whose magnitude scales
     * {@link #absPerX} (same shape as the result), or null.
     */
    void check(NDArray expected, NDArray actual, NDArray x, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.sizes(), actual.sizes(), what + ": shape");
        if (!expected.dtype().isFloatingPoint()) {
            assertArrayEquals(expected.toLongArray(), actual.toLongArray(), what);
            return;
        }
        boolean f32 = expected.dtype() == DType.FLOAT32;
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        double[] xs = x == null || absPerX == 0 && relPerLogX == 0 ? null : x.expand(expected.sizes()).toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            if (Double.doubleToLongBits(e[i]) == Double.doubleToLongBits(a[i]) || (e[i] != e[i] && a[i] != a[i])) {
                continue;
            }
            if (e[i] == 0 && a[i] == 0 && !zeroSign) {
                continue;
            }
            double diff = Math.abs(e[i] - a[i]);
            double ulp = f32 ? Math.ulp((float) e[i]) : Math.ulp(e[i]);
            boolean ok = Double.isFinite(e[i]) && Double.isFinite(a[i]) && (e[i] != 0 || a[i] != 0 || !zeroSign)
                    && (diff <= ulps * ulp || diff <= abs + (xs == null ? 0 : absPerX * Math.abs(xs[i]))
                    || xs != null && diff <= ulps * ulp + relPerLogX * Math.abs(Math.log(Math.abs(xs[i])) * e[i]));
            if (!ok) {
                fail(what + ": element " + i + " expected " + e[i] + " but was " + a[i]
                        + (xs == null && x != null ? " for x = " + x.expand(expected.sizes()).toDoubleArray()[i] : "")
                        + (xs != null ? " for x = " + xs[i] : ""));
            }
        }
    }
}
