package dev.jtorch.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formatting for the report: three significant digits, durations in ns/µs/ms/s. */
final class Format {
    private Format() {}

    /** {@code x} rounded to three significant digits, without exponent: 1234.5 -> "1230", 0.012345 -> "0.0123". */
    static String significant(double x) {
        if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.isNaN(x) ? "NaN" : x == 0 ? "0" : (x > 0 ? "inf" : "-inf");
        }
        return new BigDecimal(x).round(THREE).stripTrailingZeros().toPlainString();
    }

    private static final MathContext THREE = new MathContext(3, RoundingMode.HALF_EVEN);

    private static double round(double x) {
        return Double.isFinite(x) ? new BigDecimal(x).round(THREE).doubleValue() : x;
    }

    /** A duration in seconds with a unit that keeps one to three digits before the point: "812 ns", "12.3 µs". */
    static String time(double seconds) {
        double abs = Math.abs(round(seconds)); // 999.9 µs prints as 1 ms, not 1000 µs
        if (abs < 1e-6) {
            return significant(seconds * 1e9) + " ns";
        } else if (abs < 1e-3) {
            return significant(seconds * 1e6) + " µs";
        } else if (abs < 1) {
            return significant(seconds * 1e3) + " ms";
        }
        return significant(seconds) + " s";
    }

    /** A speed ratio: "1.23x". */
    static String ratio(double r) {
        return significant(r) + "x";
    }

    /** A relative spread as a whole percentage: "7%". */
    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }
}
