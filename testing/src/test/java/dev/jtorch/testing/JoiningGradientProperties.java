package dev.jtorch.testing;

import static dev.jtorch.testing.GradientProperties.assertGradcheck;
import static dev.jtorch.testing.GradientProperties.assertGradgradcheck;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.autograd.GradCheck;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Gradients of joining, splitting and rearranging ops against finite differences on float64
 * leaves, over every dim (negative too): cat and stack with second derivatives, split / chunk /
 * unbind with all their outputs (views) checked at once, pad (negative amounts crop), flip, roll,
 * repeat, tril/triu (and in place on a clone), diag and diagonal.
 */
class JoiningGradientProperties {
    /** A base shape, a dim, and a few small integer parameters drawn with it. */
    static final class Spec {
        final int[] shape;
        final int dim;
        final int[] params;
        final int[][] shapes;

        Spec(int[] shape, int dim, int[] params, int[][] shapes) {
            this.shape = shape;
            this.dim = dim;
            this.params = params;
            this.shapes = shapes;
        }

        @Override
        public String toString() {
            return "dim " + dim + " params " + Arrays.toString(params);
        }
    }

    private static int dim(Random rnd, int rank) {
        int d = rnd.nextInt(rank);
        return rnd.nextBoolean() ? d - rank : d;
    }

    /** cat: 1-3 tensors that differ only along dim (sizes 0-3 there). */
    @Provide
    Arbitrary<Leaves.Case<Spec>> catCases() {
        return Leaves.cases(r -> {
            int[] s = Leaves.shape(r, 1, 3, 3);
            int dim = dim(r, s.length);
            int d = dim < 0 ? dim + s.length : dim;
            int[][] parts = new int[1 + r.nextInt(3)][];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = s.clone();
                parts[i][d] = r.nextInt(4);
            }
            return new Spec(s, dim, new int[0], parts);
        }, spec -> spec.shapes);
    }

    @Property(tries = 40)
    void cat(@ForAll("catCases") Leaves.Case<Spec> c) {
        assertGradgradcheck(t -> Torch.cat(Arrays.asList(t), c.spec.dim), c.in);
    }

    /** stack: 1-3 tensors of one shape, a dim in [-(rank + 1), rank]. */
    @Provide
    Arbitrary<Leaves.Case<Spec>> stackCases() {
        return Leaves.cases(r -> {
            int[] s = Leaves.shape(r, 0, 3, 3);
            int[][] parts = new int[1 + r.nextInt(3)][];
            Arrays.fill(parts, s);
            return new Spec(s, dim(r, s.length + 1), new int[0], parts);
        }, spec -> spec.shapes);
    }

    @Property(tries = 40)
    void stack(@ForAll("stackCases") Leaves.Case<Spec> c) {
        assertGradgradcheck(t -> Torch.stack(Arrays.asList(t), c.spec.dim), c.in);
    }

    /** One tensor of rank 1-3 (sizes 1-4), a dim, and params[0] in 1..4, params[1] picks the variant. */
    @Provide
    Arbitrary<Leaves.Case<Spec>> oneTensor() {
        return Leaves.cases(r -> {
            int[] s = Leaves.shape(r, 1, 3, 4);
            return new Spec(s, dim(r, s.length), new int[] {1 + r.nextInt(4), r.nextInt(4), r.nextInt(7) - 3}, new int[][] {s});
        }, spec -> spec.shapes);
    }

    @Property(tries = 50)
    void splitChunkUnbindViews(@ForAll("oneTensor") Leaves.Case<Spec> c) {
        Spec s = c.spec;
        int size = s.shape[s.dim < 0 ? s.dim + s.shape.length : s.dim];
        int[] sizes = {size / 2, 0, size - size / 2};
        GradCheck.Fn fn = t -> {
            List<Tensor> out;
            switch (s.params[1]) {
                case 0: out = t[0].split(s.params[0], s.dim); break;
                case 1: out = t[0].split(sizes, s.dim); break;
                case 2: out = t[0].chunk(s.params[0], s.dim); break;
                default: out = t[0].unbind(s.dim);
            }
            return out.toArray(new Tensor[0]);
        };
        try {
            GradCheck.gradcheck(fn, c.in);
        } catch (GradCheck.GradcheckError e) {
            throw new AssertionError(e.getMessage() + " " + c, e);
        }
    }

    @Property(tries = 40)
    void pad(@ForAll("oneTensor") Leaves.Case<Spec> c) {
        Random r = new Random(Arrays.hashCode(c.spec.params) + 31L * c.spec.dim);
        int[] pad = new int[2 * (1 + r.nextInt(c.spec.shape.length))];
        int[] shape = c.spec.shape;
        for (int j = 0; j < pad.length / 2; j++) {
            int size = shape[shape.length - 1 - j];
            pad[2 * j] = r.nextInt(4) - 1;
            pad[2 * j + 1] = r.nextInt(4) - 1;
            if (size + pad[2 * j] + pad[2 * j + 1] < 1) { // keep at least one element: cropping is tested, not errors
                pad[2 * j] = Math.max(pad[2 * j], 0);
                pad[2 * j + 1] = Math.max(pad[2 * j + 1], 0);
            }
        }
        double value = c.spec.params[2];
        assertGradcheck(t -> t[0].pad(pad, value), c.in);
    }

    @Property(tries = 30)
    void flip(@ForAll("oneTensor") Leaves.Case<Spec> c) {
        int[] dims = c.spec.params[1] == 0 ? new int[] {c.spec.dim} : allDims(c.spec.shape.length);
        assertGradcheck(t -> t[0].flip(dims), c.in);
    }

    @Property(tries = 30)
    void roll(@ForAll("oneTensor") Leaves.Case<Spec> c) {
        int shift = c.spec.params[2] * c.spec.params[0];
        assertGradcheck(t -> c.spec.params[1] == 0 ? t[0].roll(shift) : t[0].roll(shift, c.spec.dim), c.in);
    }

    @Property(tries = 40)
    void repeat(@ForAll("oneTensor") Leaves.Case<Spec> c) {
        int rank = c.spec.shape.length + (c.spec.params[1] % 2);
        int[] reps = new int[rank];
        for (int i = 0; i < rank; i++) {
            reps[i] = 1 + (c.spec.params[0] + i) % 3;
        }
        assertGradcheck(t -> t[0].repeat(reps), c.in);
    }

    /** A matrix or batch of matrices, and a diagonal offset in -3..3. */
    @Provide
    Arbitrary<Leaves.Case<Spec>> matrices() {
        return Leaves.cases(r -> {
            int[] s = Leaves.shape(r, 2, 3, 4);
            return new Spec(s, dim(r, s.length), new int[] {r.nextInt(7) - 3, r.nextInt(4), dim(r, s.length)},
                    new int[][] {s});
        }, spec -> spec.shapes);
    }

    @Property(tries = 40)
    void trilTriu(@ForAll("matrices") Leaves.Case<Spec> c) {
        int k = c.spec.params[0];
        switch (c.spec.params[1]) {
            case 0: assertGradcheck(t -> t[0].tril(k), c.in); break;
            case 1: assertGradcheck(t -> t[0].triu(k), c.in); break;
            case 2: assertGradcheck(t -> t[0].clone().tril_(k), c.in); break;
            default: assertGradcheck(t -> t[0].clone().triu_(k), c.in);
        }
    }

    @Property(tries = 40)
    void diagAndDiagonal(@ForAll("matrices") Leaves.Case<Spec> c) {
        Spec s = c.spec;
        int k = s.params[0];
        if (s.params[1] == 0) {
            Tensor vector = c.in[0].detach().reshape(-1).narrow(0, 0, s.shape[0]).clone().requiresGrad_(true);
            assertGradgradcheck(t -> t[0].diag(k), vector);
        } else if (s.params[1] == 1 && s.shape.length == 2) {
            assertGradgradcheck(t -> t[0].diag(k), c.in);
        } else if (s.dim != s.params[2] && s.dim + s.shape.length != s.params[2] && s.params[2] + s.shape.length != s.dim) {
            assertGradgradcheck(t -> t[0].diagonal(k, s.dim, s.params[2]), c.in);
        } else {
            assertGradgradcheck(t -> t[0].diagonal(), c.in);
        }
    }

    private static int[] allDims(int rank) {
        int[] d = new int[rank];
        for (int i = 0; i < rank; i++) {
            d[i] = i;
        }
        return d;
    }
}
