package dev.jtorch.tensor;

import java.math.BigDecimal;

/**
 * Python's {@code repr(float)} and {@code repr(bool)}, for messages and reprs that must read
 * exactly as PyTorch's ({@code Invalid learning rate: -1.0}, {@code eps=1e-05}).
 */
public final class PyFormat {
    private PyFormat() {}

    /**
     * {@code repr(x)} of a Python float: the shortest digits that round-trip, fixed notation when
     * the decimal exponent is in (-4, 16], else {@code 1e-05} style.
     */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return (1 / x < 0) ? "-0.0" : "0.0";
        }
        String sign = x < 0 ? "-" : "";
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int decpt = digits.length() - bd.scale();
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                return sign + "0." + "0".repeat(-decpt) + digits;
            }
            if (decpt >= digits.length()) {
                return sign + digits + "0".repeat(decpt - digits.length()) + ".0";
            }
            return sign + digits.substring(0, decpt) + "." + digits.substring(decpt);
        }
        int exp = decpt - 1;
        String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String e = Integer.toString(Math.abs(exp));
        return sign + mant + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }

    /** {@code repr(b)}: {@code True} or {@code False}. */
    public static String repr(boolean b) {
        return b ? "True" : "False";
    }
}
