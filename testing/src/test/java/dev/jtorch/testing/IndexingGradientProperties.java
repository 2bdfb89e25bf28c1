package dev.jtorch.testing;

import static dev.jtorch.testing.GradientProperties.assertGradcheck;
import static dev.jtorch.testing.GradientProperties.assertGradgradcheck;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Gradients of the indexing ops against finite differences on float64 leaves, over every dim
 * (negative too) and random valid indices: duplicates where the op accumulates (index_select,
 * gather, take, scatter_add, index_add), distinct positions where a later write would hide an
 * earlier one (scatter and index_copy sources: finite differences see only the surviving value).
 * Second derivatives for index_select and gather. In-place variants run on a clone of the leaf.
 */
class IndexingGradientProperties {
    /** Shapes, dim, index and scalars of one indexing case. */
    static final class Spec {
        final int[] self;
        final int dim;
        final Tensor index;
        final int[] src;
        final double scalar;
        final boolean inPlace;

        Spec(int[] self, int dim, Tensor index, int[] src, double scalar, boolean inPlace) {
            this.self = self;
            this.dim = dim;
            this.index = index;
            this.src = src;
            this.scalar = scalar;
            this.inPlace = inPlace;
        }

        int[][] shapes() {
            return src == null ? new int[][] {self} : new int[][] {self, src};
        }

        @Override
        public String toString() {
            return "dim " + dim + " index " + index.array() + " scalar " + scalar + (inPlace ? " in place" : "");
        }
    }

    private static int dim(Random rnd, int rank) {
        int r = Math.max(rank, 1);
        int d = rnd.nextInt(r);
        return rnd.nextBoolean() ? d - r : d;
    }

    private static int wrap(int dim, int rank) {
        return dim < 0 ? dim + Math.max(rank, 1) : dim;
    }

    /**
     * index_select / index_add / index_copy / index_fill: a 1-d index (0-d sometimes) along dim;
     * a 0-d self (index_select only: the others need a dim) takes a one-element index.
     */
    private static Spec alongDim(Random rnd, int minRank, boolean distinct) {
        int[] s = Leaves.shape(rnd, minRank, 3, 3);
        int dim = dim(rnd, s.length);
        int size = s.length == 0 ? 1 : s[wrap(dim, s.length)];
        int n = s.length == 0 ? 1 : distinct ? rnd.nextInt(size + 1) : rnd.nextInt(5);
        Tensor index;
        if (distinct) {
            int[] p = permutation(rnd, size);
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = p[i];
            }
            index = new Tensor(NDArray.wrap(v, n));
        } else {
            index = Leaves.index(rnd, rnd.nextInt(6) == 0 ? new int[0] : new int[] {n}, 0, size);
        }
        int[] src = s.clone();
        if (s.length > 0) {
            src[wrap(dim, s.length)] = index.numel();
        }
        double[] alphas = {1, 2.5, -1};
        return new Spec(s, dim, index, src, alphas[rnd.nextInt(alphas.length)], rnd.nextBoolean());
    }

    /** gather / scatter: an index of self's rank; with {@code distinct}, no two entries of a column along dim repeat. */
    private static Spec sameRank(Random rnd, boolean distinct) {
        int[] s = Leaves.shape(rnd, 1, 3, 3);
        int dim = dim(rnd, s.length);
        int d = wrap(dim, s.length);
        int[] is = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            is[i] = i == d ? rnd.nextInt(distinct ? s[d] + 1 : 5) : rnd.nextInt(s[i] + 1);
        }
        int n = NDArray.zeros(is).numel();
        long[] v = new long[n];
        int[] strides = NDArray.zeros(is).stride();
        for (int k = 0; k < n; k++) {
            int along = (k / strides[d]) % Math.max(is[d], 1);
            int column = k - along * strides[d];
            // a permutation per column, seeded by the column, so entries along dim are distinct
            v[k] = distinct ? permutation(new Random(column * 31L + 7), s[d])[along] : rnd.nextInt(s[d]);
        }
        return new Spec(s, dim, new Tensor(NDArray.wrap(v, is)), is, rnd.nextGaussian(), rnd.nextBoolean());
    }

    private static int[] permutation(Random rnd, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Provide
    Arbitrary<Leaves.Case<Spec>> selectCases() {
        return Leaves.cases(r -> alongDim(r, 0, false), Spec::shapes);
    }

    @Provide
    Arbitrary<Leaves.Case<Spec>> alongDimCases() {
        return Leaves.cases(r -> alongDim(r, 1, false), Spec::shapes);
    }

    @Provide
    Arbitrary<Leaves.Case<Spec>> distinctAlongDimCases() {
        return Leaves.cases(r -> alongDim(r, 1, true), Spec::shapes);
    }

    @Provide
    Arbitrary<Leaves.Case<Spec>> sameRankCases() {
        return Leaves.cases(r -> sameRank(r, false), Spec::shapes);
    }

    @Provide
    Arbitrary<Leaves.Case<Spec>> distinctSameRankCases() {
        return Leaves.cases(r -> sameRank(r, true), Spec::shapes);
    }

    private static Tensor self(Tensor t, Spec s) {
        return s.inPlace ? t.clone() : t;
    }

    @Property(tries = 40)
    void indexSelect(@ForAll("selectCases") Leaves.Case<Spec> c) {
        Spec s = c.spec;
        assertGradgradcheck(t -> t[0].indexSelect(s.dim, s.index), c.in[0]);
    }

    @Property(tries = 40)
    void gather(@ForAll("sameRankCases") Leaves.Case<Spec> c) {
        Spec s = c.spec;
        assertGradgradcheck(t -> t[0].gather(s.dim, s.index), c.in[0]);
    }

    @Property(tries = 40)
    void scatter(@ForAll("distinctSameRankCases") Leaves.Case<Spec> c) {
        Spec s = c.spec;
        assertGradcheck(t -> s.inPlace ? self(t[0], s).scatter_(s.dim, s.index, t[1]) : t[0].scatter(s.dim, s.index, t[1]),
                c.in);
    }

    @Property(tries = 30)
    void scatterValue(@ForAll("sameRankCases") Leaves.Case<Spec> c) {
        Spec s = c.spec;
        assertGradcheck(t -> s.inPlace ? self(t[0], s).scatter_(s.dim, s.index, s.scalar)
                : t[0].scatter(s.dim, s.index, s.scalar), c.in[0]);
    }

    @Property(tries = 40)
    void scatterAdd(@ForAll("sameRankCases") Leaves.Case<Spec> c) {
        Spec s = c.spec;
        assertGradcheck(t -> s.inPlace ? self(t[0], s).scatterAdd_(s.dim, s.index, t[1])
                : t[0].scatterAdd(s.dim, s.index, t[1]), c.in);
    }

    @Property(tries = 40)
    void indexAdd(@ForAll("alongDimCases") Leaves.Case<Spec> c) {
        Spec s = c.spec;
        assertGradcheck(t -> s.inPlace ? self(t[0], s).indexAdd_(s.dim, s.index, t[1], s.scalar)
                : t[0].indexAdd(s.dim, s.index, t[1], s.scalar), c.in);
    }

    @Property(tries = 40)
    void indexCopy(@ForAll("distinctAlongDimCases") Leaves.Case<Spec> c) {
        Spec s = c.spec;
        assertGradcheck(t -> s.inPlace ? self(t[0], s).indexCopy_(s.dim, s.index, t[1])
                : t[0].indexCopy(s.dim, s.index, t[1]), c.in);
    }

    @Property(tries = 30)
    void indexFill(@ForAll("alongDimCases") Leaves.Case<Spec> c) {
        Spec s = c.spec;
        assertGradcheck(t -> s.inPlace ? self(t[0], s).indexFill_(s.dim, s.index, s.scalar)
                : t[0].indexFill(s.dim, s.index, s.scalar), c.in[0]);
    }

    /** take: an index of any shape with values in [-numel, numel); masked_select: a mask that broadcasts with self. */
    static final class TakeSpec {
        final int[] self;
        final Tensor index;
        final Tensor mask;

        TakeSpec(Random r) {
            self = Leaves.shape(r, 0, 3, 3);
            int numel = NDArray.zeros(self).numel();
            index = Leaves.index(r, Leaves.shape(r, 0, 2, 4), -numel, numel);
            int[] ms = Arrays.copyOfRange(self, r.nextInt(self.length + 1), self.length);
            for (int i = 0; i < ms.length; i++) {
                ms[i] = r.nextInt(3) == 0 ? 1 : ms[i];
            }
            byte[] bits = new byte[NDArray.zeros(ms).numel()];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = (byte) (r.nextBoolean() ? 1 : 0);
            }
            mask = new Tensor(NDArray.wrapBool(bits, ms));
        }

        @Override
        public String toString() {
            return "index " + index.array() + " mask " + mask.array();
        }
    }

    @Provide
    Arbitrary<Leaves.Case<TakeSpec>> takeAndMask() {
        return Leaves.cases(TakeSpec::new, spec -> new int[][] {spec.self});
    }

    @Property(tries = 40)
    void take(@ForAll("takeAndMask") Leaves.Case<TakeSpec> c) {
        assertGradcheck(t -> t[0].take(c.spec.index), c.in[0]);
    }

    @Property(tries = 40)
    void maskedSelect(@ForAll("takeAndMask") Leaves.Case<TakeSpec> c) {
        assertGradcheck(t -> t[0].maskedSelect(c.spec.mask), c.in[0]);
    }
}
