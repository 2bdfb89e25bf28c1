package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyFormatTest {
    @Test
    void matchesPythonFloatRepr() {
        assertEquals("-1.0", PyFormat.repr(-1.0));
        assertEquals("1e-05", PyFormat.repr(1e-5));
        assertEquals("0.0001", PyFormat.repr(1e-4));
        assertEquals("0.001", PyFormat.repr(0.001));
        assertEquals("0.1", PyFormat.repr(0.1));
        assertEquals("1e-08", PyFormat.repr(1e-8));
        assertEquals("123.0", PyFormat.repr(123));
        assertEquals("1e+16", PyFormat.repr(1e16));
        assertEquals("1000000000000000.0", PyFormat.repr(1e15));
        assertEquals("2.5e-07", PyFormat.repr(2.5e-7));
        assertEquals("0.999", PyFormat.repr(0.999));
        assertEquals("-0.0", PyFormat.repr(-0.0));
        assertEquals("inf", PyFormat.repr(Double.POSITIVE_INFINITY));
        assertEquals("nan", PyFormat.repr(Double.NaN));
        assertEquals("3.141592653589793", PyFormat.repr(Math.PI));
        assertEquals("1.7976931348623157e+308", PyFormat.repr(Double.MAX_VALUE));
    }
}
