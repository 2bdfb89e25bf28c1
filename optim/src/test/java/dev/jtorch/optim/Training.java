package dev.jtorch.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic parameters and gradients for optimizer tests: grad_k = 2 (p - target) + noise_k. */
final class Training {
    static final int[][] SHAPES = {{7}, {3, 5}, {33}};

    private Training() {
    }

    static NDArray gaussian(Random r, int[] shape, double scale) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * scale);
        }
        return NDArray.wrap(v, shape);
    }

    /** Fresh leaf parameters with the same initial values for the same seed. */
    static List<Tensor> params(long seed) {
        Random r = new Random(seed);
        List<Tensor> ps = new ArrayList<>();
        for (int[] s : SHAPES) {
            ps.add(new Tensor(gaussian(r, s, 1.0)).requiresGrad_(true));
        }
        return ps;
    }

    /** Leaf copies of {@code ps}' current values. */
    static List<Tensor> copies(List<Tensor> ps) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor p : ps) {
            out.add(new Tensor(p.array().clone()).requiresGrad_(true));
        }
        return out;
    }

    /** Sets the gradients of step {@code k} (depending on the current values, so state matters). */
    static void setGrads(List<Tensor> ps, int k) {
        Random r = new Random(1000 + k);
        for (int i = 0; i < ps.size(); i++) {
            Tensor p = ps.get(i);
            Tensor noise = new Tensor(gaussian(r, p.array().sizes(), 0.3));
            Tensor target = new Tensor(gaussian(new Random(i), p.array().sizes(), 1.0));
            p.setGrad(p.detach().sub(target).mul(2.0).add(noise));
        }
    }

    /** Steps {@code from} (inclusive) to {@code to} (exclusive). */
    static void train(Optimizer opt, List<Tensor> ps, int from, int to) {
        for (int k = from; k < to; k++) {
            setGrads(ps, k);
            opt.step();
        }
    }

    static void assertSameValues(List<Tensor> expected, List<Tensor> actual, String what) {
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).toFloatArray(), actual.get(i).toFloatArray(), 0f, what + " param " + i);
        }
    }
}
