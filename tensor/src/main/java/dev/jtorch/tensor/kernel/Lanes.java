package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Deterministic horizontal sums and products of the preferred species' vectors, in one fixed tree:
 * each step combines lane {@code i} with lane {@code i ^ s} ({@code s} = half the length, then a
 * quarter, ..., 1), and lane 0 holds the result. {@code reduceLanes(ADD)} leaves the order
 * unspecified and HotSpot uses that freedom: on JDK 25 C2's intrinsic adds in a tree while the Java
 * fallback that runs before compilation adds in sequence, so the same call gave different last bits
 * depending on JIT timing. Here every step is an exactly rounded lanewise op on a rearrangement by a
 * constant shuffle, identical interpreted and compiled (and intrinsified: no lane loop).
 */
final class Lanes {
    private Lanes() {}

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    private static final VectorShuffle<Float> F8 = xor(F, 8);
    private static final VectorShuffle<Float> F4 = xor(F, 4);
    private static final VectorShuffle<Float> F2 = xor(F, 2);
    private static final VectorShuffle<Float> F1 = xor(F, 1);
    private static final VectorShuffle<Double> D4 = xor(D, 4);
    private static final VectorShuffle<Double> D2 = xor(D, 2);
    private static final VectorShuffle<Double> D1 = xor(D, 1);

    private static <E> VectorShuffle<E> xor(VectorSpecies<E> s, int step) {
        return step < s.length() ? VectorShuffle.fromOp(s, i -> i ^ step) : null;
    }

    static float sum(FloatVector v) {
        if (F.length() > 8) {
            v = v.add(v.rearrange(F8));
        }
        if (F.length() > 4) {
            v = v.add(v.rearrange(F4));
        }
        if (F.length() > 2) {
            v = v.add(v.rearrange(F2));
        }
        if (F.length() > 1) {
            v = v.add(v.rearrange(F1));
        }
        return v.lane(0);
    }

    static double sum(DoubleVector v) {
        if (D.length() > 4) {
            v = v.add(v.rearrange(D4));
        }
        if (D.length() > 2) {
            v = v.add(v.rearrange(D2));
        }
        if (D.length() > 1) {
            v = v.add(v.rearrange(D1));
        }
        return v.lane(0);
    }

    static float product(FloatVector v) {
        if (F.length() > 8) {
            v = v.mul(v.rearrange(F8));
        }
        if (F.length() > 4) {
            v = v.mul(v.rearrange(F4));
        }
        if (F.length() > 2) {
            v = v.mul(v.rearrange(F2));
        }
        if (F.length() > 1) {
            v = v.mul(v.rearrange(F1));
        }
        return v.lane(0);
    }

    static double product(DoubleVector v) {
        if (D.length() > 4) {
            v = v.mul(v.rearrange(D4));
        }
        if (D.length() > 2) {
            v = v.mul(v.rearrange(D2));
        }
        if (D.length() > 1) {
            v = v.mul(v.rearrange(D1));
        }
        return v.lane(0);
    }
}
