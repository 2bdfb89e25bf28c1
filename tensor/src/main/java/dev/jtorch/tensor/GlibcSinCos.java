package dev.jtorch.tensor;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Java versions of the C library's double {@code sin} and {@code cos} as libtorch calls them on
 * x86-64 Linux: glibc's {@code s_sin.c} (the IBM Accurate Mathematical Library, LGPL-2.1-or-later;
 * this file follows its algorithm and constants) in its FMA build, which glibc selects at run time
 * on CPUs with AVX2 and FMA. {@link Math#sin}/{@link Math#cos} differ from it in about 1 of 700
 * results by one unit in the last place, which would show in float64 {@code randn}.
 *
 * <p>The argument is split as x = x0 + r with x0 a multiple of 1/128; sin and cos of x0 come from a
 * table of double-double values, sin and cos of r from short Taylor polynomials. Arguments from
 * 2.426265 on are first reduced modulo pi/2 with a 3-part pi/2. Products followed by an addition are
 * fused exactly where GCC fused them in glibc's {@code -mfma} object (a product whose uses are all
 * additions in the same block; of two products feeding one addition, the one computed first).
 *
 * <p>The table is computed here to 100 digits and rounded to nearest; glibc's table differs from
 * that in the last bit of a few low parts, which can change a result only when it lies within about
 * 2^-100 of a rounding boundary. Checked against Debian 12's libm (glibc 2.36) on 2*10^6 arguments
 * in [0, 2 pi) with no difference. Arguments of magnitude 105414350 and more, which the normal
 * samplers never produce, use {@link StrictMath}.
 */
final class GlibcSinCos {
    private GlibcSinCos() {}

    private static final double SN3 = -1.66666666666664880952546298448555E-01;
    private static final double SN5 = 8.33333214285722277379541354343671E-03;
    private static final double CS2 = 4.99999999999999999999950396842453E-01;
    private static final double CS4 = -4.16666666666664434524222570944589E-02;
    private static final double CS6 = 1.38888874007937613028114285595617E-03;
    private static final double S1 = -0x1.5555555555555p-3;
    private static final double S2 = 0x1.1111111110ECEp-7;
    private static final double S3 = -0x1.A01A019DB08B8p-13;
    private static final double S4 = 0x1.71DE27B9A7ED9p-19;
    private static final double S5 = -0x1.ADDFFC2FCDF59p-26;
    private static final double BIG = 0x1.8p45; // BIG + |x| rounds |x| to a multiple of 1/128
    private static final double HP0 = 0x1.921FB54442D18p0; // pi/2, high part
    private static final double HP1 = 0x1.1A62633145C07p-54; // pi/2, low part
    private static final double MP1 = 0x1.921FB58000000p0;
    private static final double MP2 = -0x1.DDE973C000000p-27;
    private static final double PP3 = -0x1.CB3B398000000p-55;
    private static final double PP4 = -0x1.d747f23e32ed7p-83;
    private static final double HPINV = 0x1.45F306DC9C883p-1; // 2/pi
    private static final double TOINT = 0x1.8p52;

    /** For i = 0..109: sin(i/128), its rounding error, cos(i/128), its rounding error. */
    private static final double[] TAB = table();

    static double sin(double x) {
        int k = highWord(x) & 0x7fffffff;
        if (k < 0x3e500000) { // |x| < 2^-26
            return x;
        } else if (k < 0x3feb6000) { // |x| < 0.855469
            return doSin(x, 0);
        } else if (k < 0x400368fd) { // |x| < 2.426265: sin(x) = cos(pi/2 - |x|) with the sign of x
            double t = HP0 - Math.abs(x);
            return Math.copySign(doCos(t, HP1), x);
        } else if (k < 0x419921FB) { // |x| < 105414350
            return reduceAndEvaluate(x, 0);
        } else if (k < 0x7ff00000) {
            return StrictMath.sin(x);
        }
        return x - x; // NaN for inf and NaN
    }

    static double cos(double x) {
        int k = highWord(x) & 0x7fffffff;
        if (k < 0x3e400000) { // |x| < 2^-27
            return 1.0;
        } else if (k < 0x3feb6000) {
            return doCos(x, 0);
        } else if (k < 0x400368fd) { // cos(x) = sin(pi/2 - |x|), pi/2 - |x| as a double-double
            double y = HP0 - Math.abs(x);
            double a = y + HP1;
            double da = (y - a) + HP1;
            return doSin(a, da);
        } else if (k < 0x419921FB) {
            return reduceAndEvaluate(x, 1);
        } else if (k < 0x7ff00000) {
            return StrictMath.cos(x);
        }
        return x - x;
    }

    /** {@code reduce_sincos} then {@code do_sincos}: x = n pi/2 + (a + da), quadrant n + shift. */
    private static double reduceAndEvaluate(double x, int shift) {
        double t = Math.fma(x, HPINV, TOINT);
        double xn = t - TOINT;
        double y = Math.fma(-xn, MP2, Math.fma(-xn, MP1, x));
        int n = ((int) Double.doubleToRawLongBits(t) + shift) & 3;
        double t2 = Math.fma(-xn, PP3, y);
        double db = Math.fma(-xn, PP3, y - t2);
        double b = Math.fma(-xn, PP4, t2);
        db += Math.fma(-xn, PP4, t2 - b);
        double r = (n & 1) != 0 ? doCos(b, db) : doSin(b, db);
        return (n & 2) != 0 ? -r : r;
    }

    /** sin(x + dx) for |x| below about 0.86, |dx| tiny. */
    private static double doSin(double x, double dx) {
        double xold = x;
        if (Math.abs(x) < 0.126) {
            return taylorSin(x * x, x, dx);
        }
        if (x <= 0) {
            dx = -dx;
        }
        double u = BIG + Math.abs(x);
        x = Math.abs(x) - (u - BIG);
        double xx = x * x;
        double s = x + Math.fma(x * xx, Math.fma(xx, SN5, SN3), dx);
        double c = Math.fma(x, dx, xx * Math.fma(xx, Math.fma(xx, CS6, CS4), CS2));
        int k = (int) Double.doubleToRawLongBits(u) << 2;
        double sn = TAB[k];
        double ssn = TAB[k + 1];
        double cs = TAB[k + 2];
        double ccs = TAB[k + 3];
        double cor = Math.fma(cs, s, Math.fma(-sn, c, Math.fma(s, ccs, ssn)));
        return Math.copySign(sn + cor, xold);
    }

    /** cos(x + dx) for |x| below about 0.86, |dx| tiny. */
    private static double doCos(double x, double dx) {
        if (x < 0) {
            dx = -dx;
        }
        double u = BIG + Math.abs(x);
        x = Math.abs(x) - (u - BIG) + dx;
        double xx = x * x;
        double s = Math.fma(x * xx, Math.fma(xx, SN5, SN3), x);
        double c = xx * Math.fma(xx, Math.fma(xx, CS6, CS4), CS2);
        int k = (int) Double.doubleToRawLongBits(u) << 2;
        double sn = TAB[k];
        double ssn = TAB[k + 1];
        double cs = TAB[k + 2];
        double ccs = TAB[k + 3];
        double cor = Math.fma(-sn, s, Math.fma(-cs, c, Math.fma(-s, ssn, ccs)));
        return cs + cor;
    }

    /** {@code TAYLOR_SIN}: a + (((s1 + xx (s2 + ...)) a - da/2) xx + da). */
    private static double taylorSin(double xx, double a, double da) {
        double p = Math.fma(Math.fma(Math.fma(Math.fma(S5, xx, S4), xx, S3), xx, S2), xx, S1);
        double t = Math.fma(Math.fma(p, a, -(0.5 * da)), xx, da);
        return a + t;
    }

    private static int highWord(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    private static double[] table() {
        MathContext mc = new MathContext(100);
        double[] t = new double[440];
        for (int i = 0; i < 110; i++) {
            BigDecimal x = BigDecimal.valueOf(i).divide(BigDecimal.valueOf(128));
            BigDecimal sin = BigDecimal.ZERO;
            BigDecimal cos = BigDecimal.ZERO;
            BigDecimal term = BigDecimal.ONE; // x^k / k!
            for (int k = 0; k < 90; k++) {
                if (k > 0) {
                    term = term.multiply(x, mc).divide(BigDecimal.valueOf(k), mc);
                }
                switch (k & 3) {
                    case 0: cos = cos.add(term, mc); break;
                    case 1: sin = sin.add(term, mc); break;
                    case 2: cos = cos.subtract(term, mc); break;
                    default: sin = sin.subtract(term, mc); break;
                }
            }
            double sn = nearest(sin);
            double cs = nearest(cos);
            t[4 * i] = sn;
            t[4 * i + 1] = nearest(sin.subtract(new BigDecimal(sn)));
            t[4 * i + 2] = cs;
            t[4 * i + 3] = nearest(cos.subtract(new BigDecimal(cs)));
        }
        return t;
    }

    /** The double nearest to v ({@link BigDecimal#doubleValue} is not always correctly rounded on Java 17). */
    private static double nearest(BigDecimal v) {
        double d = v.doubleValue();
        double best = d;
        BigDecimal err = v.subtract(new BigDecimal(d)).abs();
        for (double c : new double[] {Math.nextUp(d), Math.nextDown(d)}) {
            BigDecimal e = v.subtract(new BigDecimal(c)).abs();
            if (e.compareTo(err) < 0) {
                err = e;
                best = c;
            }
        }
        return best;
    }
}
