package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Erf#erf(double)} lane by lane: every interval's formula is evaluated and the right one
 * blended in, with the same operations in the same order as the scalar version, so the lanes
 * agree with it exactly except where the SVML {@code exp} differs from {@code Math.exp} by an ulp
 * (only for |x| >= 1.25, where that error is scaled down by the result's {@code 1 - e/x}).
 * Float lanes are widened to double and rounded back, as the scalar float version does.
 */
final class VectorErf {
    private VectorErf() {}

    /** Doubles of the float species' shape: half as many lanes. */
    private static final VectorSpecies<Double> D = VectorSpecies.of(double.class, VectorFloatLoops.F.vectorShape());
    /** fdlibm tests the high word; these are the same bounds as doubles (1/0.35, 2^-28, 2^-1015). */
    private static final double RA_LIMIT = Double.longBitsToDouble(0x4006DB6E00000000L);
    private static final double TINY = 0x1p-28;
    private static final double SUBNORMAL = Double.longBitsToDouble(0x0080000000000000L);

    /** erf of float lanes, through double. */
    static FloatVector erf(FloatVector x) {
        VectorSpecies<Float> f = x.species();
        DoubleVector lo = erf((DoubleVector) x.convertShape(VectorOperators.F2D, D, 0));
        DoubleVector hi = erf((DoubleVector) x.convertShape(VectorOperators.F2D, D, 1));
        FloatVector flo = (FloatVector) lo.convertShape(VectorOperators.D2F, f, 0);
        FloatVector fhi = (FloatVector) hi.convertShape(VectorOperators.D2F, f, -1);
        return flo.blend(fhi, VectorMask.fromLong(f, -1L << D.length()));
    }

    static DoubleVector erf(DoubleVector x) {
        DoubleVector ax = x.abs();
        VectorMask<Double> negative = x.compare(VectorOperators.LT, 0d);
        DoubleVector z = x.mul(x);
        DoubleVector r = z.mul(Erf.PP4).add(Erf.PP3).mul(z).add(Erf.PP2).mul(z).add(Erf.PP1).mul(z).add(Erf.PP0);
        DoubleVector s = z.mul(Erf.QQ5).add(Erf.QQ4).mul(z).add(Erf.QQ3).mul(z).add(Erf.QQ2).mul(z).add(Erf.QQ1).mul(z).add(1d);
        DoubleVector y = x.add(x.mul(r.div(s)));
        y = y.blend(x.add(x.mul(Erf.EFX)), ax.compare(VectorOperators.LT, TINY));
        y = y.blend(x.mul(8d).add(x.mul(Erf.EFX8)).div(8d), ax.compare(VectorOperators.LT, SUBNORMAL));
        y = y.blend(signed(middle(ax), negative), ax.compare(VectorOperators.GE, 0.84375));
        y = y.blend(signed(tail(ax), negative), ax.compare(VectorOperators.GE, 1.25));
        return y.blend(DoubleVector.broadcast(x.species(), 1d).blend(-1d, negative), ax.compare(VectorOperators.GE, 6d));
    }

    private static DoubleVector signed(DoubleVector v, VectorMask<Double> negative) {
        return v.blend(v.neg(), negative);
    }

    /** erf(|x|) on [0.84375, 1.25): ERX + P(s)/Q(s), s = |x| - 1. */
    private static DoubleVector middle(DoubleVector ax) {
        DoubleVector s = ax.sub(1d);
        DoubleVector p = s.mul(Erf.PA6).add(Erf.PA5).mul(s).add(Erf.PA4).mul(s).add(Erf.PA3).mul(s).add(Erf.PA2)
                .mul(s).add(Erf.PA1).mul(s).add(Erf.PA0);
        DoubleVector q = s.mul(Erf.QA6).add(Erf.QA5).mul(s).add(Erf.QA4).mul(s).add(Erf.QA3).mul(s).add(Erf.QA2)
                .mul(s).add(Erf.QA1).mul(s).add(1d);
        return p.div(q).add(Erf.ERX);
    }

    /** erf(|x|) on [1.25, 6): 1 - exp(-x*x - 0.5625 + R/S)/|x|. */
    private static DoubleVector tail(DoubleVector ax) {
        DoubleVector s = DoubleVector.broadcast(ax.species(), 1d).div(ax.mul(ax));
        DoubleVector ra = s.mul(Erf.RA7).add(Erf.RA6).mul(s).add(Erf.RA5).mul(s).add(Erf.RA4).mul(s).add(Erf.RA3)
                .mul(s).add(Erf.RA2).mul(s).add(Erf.RA1).mul(s).add(Erf.RA0);
        DoubleVector sa = s.mul(Erf.SA8).add(Erf.SA7).mul(s).add(Erf.SA6).mul(s).add(Erf.SA5).mul(s).add(Erf.SA4)
                .mul(s).add(Erf.SA3).mul(s).add(Erf.SA2).mul(s).add(Erf.SA1).mul(s).add(1d);
        DoubleVector rb = s.mul(Erf.RB6).add(Erf.RB5).mul(s).add(Erf.RB4).mul(s).add(Erf.RB3).mul(s).add(Erf.RB2)
                .mul(s).add(Erf.RB1).mul(s).add(Erf.RB0);
        DoubleVector sb = s.mul(Erf.SB7).add(Erf.SB6).mul(s).add(Erf.SB5).mul(s).add(Erf.SB4).mul(s).add(Erf.SB3)
                .mul(s).add(Erf.SB2).mul(s).add(Erf.SB1).mul(s).add(1d);
        VectorMask<Double> near = ax.compare(VectorOperators.LT, RA_LIMIT);
        DoubleVector rs = rb.div(sb).blend(ra.div(sa), near);
        DoubleVector z = ax.reinterpretAsLongs().and(0xffffffff00000000L).reinterpretAsDoubles();
        DoubleVector e = z.neg().mul(z).sub(0.5625).lanewise(VectorOperators.EXP)
                .mul(z.sub(ax).mul(z.add(ax)).add(rs).lanewise(VectorOperators.EXP));
        return DoubleVector.broadcast(ax.species(), 1d).sub(e.div(ax));
    }
}
