package dev.jtorch.tensor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code '{:.Nf}'.format(x)} and {@code '{:.Ne}'.format(x)} for a double, character for
 * character. Python rounds the exact binary value of {@code x} half-even (unlike
 * {@code String.format}, which rounds half-up), keeps the sign of a negative value that rounds to
 * zero ({@code -0.0000}), and spells non-finite values {@code nan}, {@code inf}, {@code -inf}.
 *
 * <p>The common cases take an exact double-arithmetic path: the scaled value is split into a rounded
 * product plus its exact error with {@link Math#fma}, so the half-even decision is made on the exact
 * value without allocating. Everything else (huge or tiny magnitudes, large precisions) falls back
 * to {@link BigDecimal}, which is exact by construction.
 */
final class PyFloatFormat {
    private PyFloatFormat() {
    }

    /** Powers of ten that are exact doubles (10^0 .. 10^22). */
    private static final double[] POW10 = new double[23];
    private static final long[] LPOW10 = new long[19];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
        long q = 1;
        for (int i = 0; i < LPOW10.length; i++) {
            LPOW10[i] = q;
            q *= 10;
        }
    }

    /** Scaled values at or above this need more than 52 bits, so the fast path steps aside. */
    private static final double FAST_LIMIT = 0x1p52;
    /** Largest precision the fast fixed path handles (10^15 < 2^52 keeps the digit split in a long). */
    private static final int MAX_FAST_FIXED = 15;
    /** Largest precision the fast scientific path handles (p + 1 digits stay far below 2^52). */
    private static final int MAX_FAST_SCI = 14;

    /** {@code '{:.<precision>f}'.format(x)}. */
    static String fixed(double x, int precision) {
        return appendFixed(new StringBuilder(24), x, precision).toString();
    }

    /** {@code '{:.<precision>e}'.format(x)}: one digit, the point, {@code precision} digits, {@code e±XX}. */
    static String sci(double x, int precision) {
        return appendSci(new StringBuilder(24), x, precision).toString();
    }

    /** Appends {@code '{:.<precision>f}'.format(x)} to {@code sb}. */
    static StringBuilder appendFixed(StringBuilder sb, double x, int precision) {
        String special = nonFinite(x);
        if (special != null) {
            return sb.append(special);
        }
        if (isNegative(x)) {
            sb.append('-');
        }
        appendFixedAbs(sb, Math.abs(x), precision);
        return sb;
    }

    /** Appends {@code '{:.<precision>e}'.format(x)} to {@code sb}. */
    static StringBuilder appendSci(StringBuilder sb, double x, int precision) {
        String special = nonFinite(x);
        if (special != null) {
            return sb.append(special);
        }
        if (isNegative(x)) {
            sb.append('-');
        }
        appendSciAbs(sb, Math.abs(x), precision);
        return sb;
    }

    private static String nonFinite(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        return null;
    }

    /** True for negative values and for {@code -0.0}: Python prints the sign of both. */
    private static boolean isNegative(double x) {
        return Double.doubleToRawLongBits(x) < 0;
    }

    private static void appendFixedAbs(StringBuilder sb, double a, int precision) {
        if (precision <= MAX_FAST_FIXED) {
            long n = roundScaled(a, POW10[precision]);
            if (n >= 0) {
                long unit = LPOW10[precision];
                sb.append(n / unit);
                if (precision > 0) {
                    sb.append('.');
                    appendPadded(sb, n % unit, precision);
                }
                return;
            }
        }
        sb.append(new BigDecimal(a).setScale(precision, RoundingMode.HALF_EVEN).toPlainString());
    }

    private static void appendSciAbs(StringBuilder sb, double a, int precision) {
        if (a == 0) {
            appendSci(sb, 0, 0, precision);
            return;
        }
        if (precision <= MAX_FAST_SCI && appendSciFast(sb, a, precision)) {
            return;
        }
        BigDecimal r = new BigDecimal(a).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = r.unscaledValue().toString();
        int exponent = digits.length() - 1 - r.scale();
        StringBuilder padded = new StringBuilder(precision + 1).append(digits);
        while (padded.length() < precision + 1) {
            padded.append('0');
        }
        appendSciDigits(sb, padded, exponent, precision);
    }

    /**
     * Finds the {@code precision + 1} significant digits of {@code a} exactly, or returns false when
     * the scale factor is not an exact double.
     */
    private static boolean appendSciFast(StringBuilder sb, double a, int precision) {
        int e10 = (int) Math.floor(Math.log10(a));
        long low = LPOW10[precision];
        long high = LPOW10[precision + 1];
        for (int attempt = 0; attempt < 3; attempt++) {
            long n = roundTimesPow10(a, precision - e10);
            if (n < 0) {
                return false;
            }
            if (n == high) {             // rounding carried into a new digit: 9.99995 -> 1.0000e+01
                appendSci(sb, low, e10 + 1, precision);
                return true;
            }
            if (n > high) {              // log10 underestimated the exponent
                e10++;
            } else if (n < low) {        // log10 overestimated it
                e10--;
            } else {
                appendSci(sb, n, e10, precision);
                return true;
            }
        }
        return false;
    }

    /** {@code digits} has exactly {@code precision + 1} decimal digits. */
    private static void appendSci(StringBuilder sb, long digits, int exponent, int precision) {
        long unit = LPOW10[precision];
        sb.append(digits / unit);
        if (precision > 0) {
            sb.append('.');
            appendPadded(sb, digits % unit, precision);
        }
        appendExponent(sb, exponent);
    }

    private static void appendSciDigits(StringBuilder sb, CharSequence digits, int exponent, int precision) {
        sb.append(digits.charAt(0));
        if (precision > 0) {
            sb.append('.').append(digits, 1, precision + 1);
        }
        appendExponent(sb, exponent);
    }

    private static void appendExponent(StringBuilder sb, int exponent) {
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            sb.append('0');
        }
        sb.append(abs);
    }

    /** {@code value} (0 <= value < 10^18) with leading zeros to {@code width} digits. */
    private static void appendPadded(StringBuilder sb, long value, int width) {
        int digits = 1;
        while (digits < 18 && value >= LPOW10[digits]) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            sb.append('0');
        }
        sb.append(value);
    }

    /** round_half_even(a * 10^k) for a >= 0, or -1 when the fast path cannot decide it exactly. */
    private static long roundTimesPow10(double a, int k) {
        if (k >= 0) {
            return k < POW10.length ? roundScaled(a, POW10[k]) : -1;
        }
        return -k < POW10.length ? roundDivided(a, POW10[-k]) : -1;
    }

    /**
     * round_half_even(a * scale) for a >= 0 and an exact integer {@code scale}, or -1 when the product
     * reaches 2^52. The exact product is {@code y + err}; {@code (y - n) - 0.5} is exact because
     * y < 2^52, and the sign of the rounded sum {@code d + err} is the sign of the exact sum.
     */
    private static long roundScaled(double a, double scale) {
        double y = a * scale;
        if (!(y < FAST_LIMIT)) {
            return -1;
        }
        double err = Math.fma(a, scale, -y);
        long n = (long) y;
        double d = (y - n) - 0.5;
        return pick(n, d + err);
    }

    /**
     * round_half_even(a / divisor) for a >= 0 and an exact integer {@code divisor}: compares a with
     * {@code (n + 0.5) * divisor}, computed exactly as {@code t + e}; {@code a - t} is exact by
     * Sterbenz's lemma because a and t are within a factor of two once n >= 1.
     */
    private static long roundDivided(double a, double divisor) {
        double q = a / divisor;
        if (!(q < FAST_LIMIT) || q < 1) {
            return -1;
        }
        long n = (long) q;
        double h = n + 0.5;
        double t = h * divisor;
        double e = Math.fma(h, divisor, -t);
        return pick(n, (a - t) - e);
    }

    /** n or n + 1 from the sign of (exact value - (n + 0.5)); ties go to the even neighbour. */
    private static long pick(long n, double sign) {
        if (sign > 0) {
            return n + 1;
        }
        if (sign < 0) {
            return n;
        }
        return (n & 1) == 0 ? n : n + 1;
    }
}
