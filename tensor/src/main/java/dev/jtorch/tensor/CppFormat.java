package dev.jtorch.tensor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as PyTorch's C++ error messages print them ({@code std::ostream << double}: the
 * {@code %g} conversion with 6 significant digits), e.g. {@code 5}, {@code 0.5}, {@code 3e+38},
 * {@code 1e-05}, {@code nan}, {@code -inf}.
 */
final class CppFormat {
    private CppFormat() {}

    private static final MathContext SIX = new MathContext(6, RoundingMode.HALF_EVEN);

    /** {@code printf("%g", v)}: the exact binary value rounded half-even, trailing zeros removed. */
    static String g(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0" : "0";
        }
        BigDecimal r = new BigDecimal(v).round(SIX);
        int exp = r.precision() - r.scale() - 1;
        String sign = r.signum() < 0 ? "-" : "";
        if (exp >= -4 && exp < 6) {
            return r.stripTrailingZeros().toPlainString();
        }
        String digits = r.unscaledValue().abs().toString().replaceAll("0+$", "");
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int a = Math.abs(exp);
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (a < 10 ? "0" : "") + a;
    }
}
