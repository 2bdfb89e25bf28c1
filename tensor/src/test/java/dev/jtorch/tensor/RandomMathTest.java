package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The math under the samplers: the avx_mathfun port, the glibc ports, C++ number formatting. */
class RandomMathTest {
    /** Within a few ulps of the true value: a port that drifted from the polynomial would fail here. */
    @Property(tries = 200)
    void avxLogIsAccurate(@ForAll @IntRange(min = 0x34000000, max = 0x3f800000) int bits) {
        float x = Float.intBitsToFloat(bits); // 2^-23 .. 1, uniform in the bit patterns
        float got = AvxMathFun.log(x);
        assertTrue(Math.abs(got - Math.log(x)) <= 4 * Math.ulp((float) Math.log(x)) + 1e-9, x + " -> " + got);
    }

    @Property(tries = 200)
    void avxSinCosAreAccurate(@ForAll @IntRange(min = 0, max = 0x40c90fdb) int bits) {
        float x = Float.intBitsToFloat(bits); // 0 .. 2 pi
        long sc = AvxMathFun.sincos(x);
        assertEquals(Math.sin(x), AvxMathFun.sin(sc), 2e-7, "sin " + x);
        assertEquals(Math.cos(x), AvxMathFun.cos(sc), 2e-7, "cos " + x);
    }

    @Test
    void avxLogSpecialValues() {
        assertEquals(0f, AvxMathFun.log(1f));
        assertTrue(Float.isNaN(AvxMathFun.log(0f)), "log256_ps treats x <= 0 as invalid");
        assertTrue(Float.isNaN(AvxMathFun.log(-1f)));
        assertEquals(AvxMathFun.log(Float.MIN_NORMAL), AvxMathFun.log(Float.NaN), "max_ps maps NaN to the smallest normal");
    }

    /**
     * Arguments where {@link Math} and glibc disagree in the last bit; the expected results were
     * read from glibc 2.36's libm (the one libtorch calls on the reference machine).
     */
    @Test
    void libmLogMatchesGlibcWhereJavaDiffers() {
        assertBits(-0x1.c15e8dd2365aep-4, Libm.log(0x1.cacce8a056d89p-1));
        assertBits(-0x1.dca54fde5f29ep-4, Libm.log(0x1.c7c15b12f5d87p-1));
        assertBits(-0x1.cfd813f17322bp-3, Libm.log(0x1.983baab80411dp-1));
        assertBits(-0x1.dca54fde5f29dp-4, Libm.log1p(-0x1.c1f52768513c8p-4));
        assertBits(-0x1.31270a19e05c9p-2, Libm.log1p(-0x1.07e240907ff6p-2));
        assertBits(-0x1.17b99422325a9p-2, Libm.log1p(-0x1.e98b8f9894b38p-3));
    }

    private static void assertBits(double expected, double actual) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                Double.toHexString(expected) + " != " + Double.toHexString(actual));
    }

    /** Faithful everywhere: at most one ulp from the correctly rounded {@link StrictMath} neighbours. */
    @Property(tries = 200)
    void libmIsWithinOneUlp(@ForAll @LongRange(min = 0x0010000000000000L, max = 0x7fe0000000000000L) long xBits,
            @ForAll @LongRange(min = 0, max = 0x412e848000000000L) long tBits, @ForAll boolean negative,
            @ForAll @IntRange(min = 0, max = 1_000_000) int pi) {
        double x = Double.longBitsToDouble(xBits); // every positive normal double
        double t = negative ? -Double.longBitsToDouble(tBits) : Double.longBitsToDouble(tBits); // |t| <= 1e6
        double p = -0.999 + pi * 1e-3; // -0.999 .. 999
        assertTrue(Math.abs(Libm.log(x) - StrictMath.log(x)) <= 2 * Math.ulp(StrictMath.log(x)), "log " + x);
        assertTrue(Math.abs(Libm.sin(t) - StrictMath.sin(t)) <= 2 * Math.ulp(StrictMath.sin(t)), "sin " + t);
        assertTrue(Math.abs(Libm.cos(t) - StrictMath.cos(t)) <= 2 * Math.ulp(StrictMath.cos(t)), "cos " + t);
        assertTrue(Math.abs(Libm.log1p(p) - StrictMath.log1p(p)) <= 2 * Math.ulp(StrictMath.log1p(p)), "log1p " + p);
    }

    @Test
    void libmSpecialValues() {
        assertEquals(0.0, Libm.log(1.0));
        assertEquals(Double.NEGATIVE_INFINITY, Libm.log(0.0));
        assertTrue(Double.isNaN(Libm.log(-1.0)));
        assertEquals(Math.log(Double.MIN_VALUE), Libm.log(Double.MIN_VALUE), 1e-12);
        assertEquals(-0.0, Libm.log1p(-0.0));
        assertEquals(Double.NEGATIVE_INFINITY, Libm.log1p(-1.0));
        assertEquals(0.0, Libm.sin(0.0));
        assertEquals(1.0, Libm.cos(0.0));
        assertTrue(Double.isNaN(Libm.sin(Double.POSITIVE_INFINITY)));
    }

    @Test
    void cppFormatIsPercentG() {
        assertEquals("5", CppFormat.g(5));
        assertEquals("-0.5", CppFormat.g(-0.5));
        assertEquals("3e+38", CppFormat.g(3e38));
        assertEquals("1e-05", CppFormat.g(1e-5));
        assertEquals("0.0001", CppFormat.g(1e-4));
        assertEquals("123457", CppFormat.g(123456.7));
        assertEquals("1.23457e+06", CppFormat.g(1234567));
        assertEquals("0.1", CppFormat.g(0.1));
        assertEquals("nan", CppFormat.g(Double.NaN));
        assertEquals("-inf", CppFormat.g(Double.NEGATIVE_INFINITY));
        assertEquals("-0", CppFormat.g(-0.0));
        assertEquals("2.5", CppFormat.g(2.5));
    }
}
