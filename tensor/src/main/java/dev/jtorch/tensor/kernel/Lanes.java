package dev.jtorch.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

/**
 * Deterministic horizontal sums and products: lane 0 first, then each lane in order.
 * {@code reduceLanes(ADD)} leaves the order unspecified, and HotSpot uses it: C2's intrinsic
 * (JDK 25) adds in a tree while the Java fallback that runs before compilation adds in sequence,
 * so the same call gave different last bits depending on JIT timing. Every floating-point
 * reduction in the kernels goes through here; the loop unrolls into constant lane extractions.
 */
final class Lanes {
    private Lanes() {}

    static float sum(FloatVector v) {
        float s = v.lane(0);
        for (int i = 1; i < v.length(); i++) {
            s += v.lane(i);
        }
        return s;
    }

    static double sum(DoubleVector v) {
        double s = v.lane(0);
        for (int i = 1; i < v.length(); i++) {
            s += v.lane(i);
        }
        return s;
    }

    static float product(FloatVector v) {
        float s = v.lane(0);
        for (int i = 1; i < v.length(); i++) {
            s *= v.lane(i);
        }
        return s;
    }

    static double product(DoubleVector v) {
        double s = v.lane(0);
        for (int i = 1; i < v.length(); i++) {
            s *= v.lane(i);
        }
        return s;
    }
}
