package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Python's '{:.Nf}' / '{:.Ne}' against an all-BigDecimal reference and hand-checked strings. */
class PyFloatFormatTest {

    /** The definition: the exact binary value rounded half-even, sign kept, exponent >= 2 digits. */
    static String referenceFixed(double x, int p) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
        }
        String sign = Double.doubleToRawLongBits(x) < 0 ? "-" : "";
        return sign + new BigDecimal(Math.abs(x)).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String referenceSci(double x, int p) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
        }
        String sign = Double.doubleToRawLongBits(x) < 0 ? "-" : "";
        if (x == 0) {
            return sign + "0" + (p > 0 ? "." + "0".repeat(p) : "") + "e+00";
        }
        BigDecimal r = new BigDecimal(Math.abs(x)).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
        StringBuilder digits = new StringBuilder(r.unscaledValue().toString());
        int exp = digits.length() - 1 - r.scale();
        while (digits.length() < p + 1) {
            digits.append('0');
        }
        String mant = digits.charAt(0) + (p > 0 ? "." + digits.substring(1, p + 1) : "");
        int ae = Math.abs(exp);
        return sign + mant + "e" + (exp < 0 ? "-" : "+") + (ae < 10 ? "0" : "") + ae;
    }

    @Test
    void handCheckedStrings() {
        assertEquals("1.2060", PyFloatFormat.fixed(1.2060000467300415, 4)); // float32 1.206
        assertEquals("-0.0000", PyFloatFormat.fixed(-0.00001, 4));
        assertEquals("-0.0000", PyFloatFormat.fixed(-0.0, 4));
        assertEquals("-0", PyFloatFormat.fixed(-0.0, 0));
        assertEquals("0.0312", PyFloatFormat.fixed(0.03125, 4)); // exact tie, half-even down
        assertEquals("0.0938", PyFloatFormat.fixed(0.09375, 4)); // exact tie, half-even up
        assertEquals("2", PyFloatFormat.fixed(2.5, 0));
        assertEquals("4", PyFloatFormat.fixed(3.5, 0));
        assertEquals("100000000000000000000", PyFloatFormat.fixed(1e20, 0));
        assertEquals("1.0000e-05", PyFloatFormat.sci(1e-5, 4));
        assertEquals("1.0000e+03", PyFloatFormat.sci(1000, 4));
        assertEquals("-3.2000e+02", PyFloatFormat.sci(-320, 4));
        assertEquals("1.2344e+04", PyFloatFormat.sci(12344.5, 4)); // tie to even
        assertEquals("1.2346e+04", PyFloatFormat.sci(12345.5, 4));
        assertEquals("1.0000e+01", PyFloatFormat.sci(9.99995000001, 4)); // carry into a new digit
        assertEquals("-0.0000e+00", PyFloatFormat.sci(-0.0, 4));
        assertEquals("4.9407e-324", PyFloatFormat.sci(Double.MIN_VALUE, 4));
        assertEquals("1.7977e+308", PyFloatFormat.sci(Double.MAX_VALUE, 4));
        assertEquals("2e+00", PyFloatFormat.sci(2.5, 0));
        assertEquals("nan", PyFloatFormat.sci(Double.NaN, 4));
        assertEquals("-inf", PyFloatFormat.fixed(Double.NEGATIVE_INFINITY, 4));
    }

    @Property(tries = 200)
    void fixedMatchesReference(@ForAll("interesting") double x, @ForAll @IntRange(min = 0, max = 17) int p) {
        assertEquals(referenceFixed(x, p), PyFloatFormat.fixed(x, p), () -> "x=" + x + " p=" + p);
    }

    @Property(tries = 200)
    void sciMatchesReference(@ForAll("interesting") double x, @ForAll @IntRange(min = 0, max = 16) int p) {
        assertEquals(referenceSci(x, p), PyFloatFormat.sci(x, p), () -> "x=" + x + " p=" + p);
    }

    @Test
    void exhaustiveTiesAndNearTies() {
        // odd multiples of 2^-k are exact decimal ties for some precision; their neighbours are not
        for (int k = 1; k <= 30; k++) {
            for (long m = 1; m < 128; m += 2) {
                double t = Math.scalb((double) m, -k);
                for (double x : new double[] {t, Math.nextUp(t), Math.nextDown(t), t * 1e6, (float) t}) {
                    for (int p : new int[] {0, 1, 2, 4, 6}) {
                        assertEquals(referenceFixed(x, p), PyFloatFormat.fixed(x, p), "x=" + x + " p=" + p);
                        assertEquals(referenceSci(x, p), PyFloatFormat.sci(x, p), "x=" + x + " p=" + p);
                        assertEquals(referenceSci(-x, p), PyFloatFormat.sci(-x, p), "x=" + -x + " p=" + p);
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<Double> interesting() {
        Arbitrary<Double> anyDouble = Arbitraries.doubles().ofScale(20).between(-1e13, 1e13);
        Arbitrary<Double> anyBits = Arbitraries.longs().map(Double::longBitsToDouble);
        Arbitrary<Double> floats = Arbitraries.integers().map(Float::intBitsToFloat).map(f -> (double) f);
        Arbitrary<Double> decimalTies = Combinators.combine(
                Arbitraries.longs().between(0, 10_000_000), Arbitraries.integers().between(-12, 12))
                .as((m, e) -> (m + 0.5) * Math.pow(10, e));
        Arbitrary<Double> powers = Arbitraries.integers().between(-40, 40).map(e -> Math.pow(10, e));
        Arbitrary<Double> nearPowers = powers.flatMap(v -> Arbitraries.of(v, Math.nextUp(v), Math.nextDown(v)));
        return Arbitraries.oneOf(anyDouble, anyBits, floats, decimalTies, nearPowers,
                Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, Double.MAX_VALUE, 0.5, 1.5, 9.99995, 99999.5, 0.000099995));
    }
}
