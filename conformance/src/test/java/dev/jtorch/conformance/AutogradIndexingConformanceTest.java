package dev.jtorch.conformance;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Gradients of the indexing ops against libtorch 2.10 on random float32/float64 inputs in random
 * layouts (ranks 0-3, empty dims, every dim, negative dims), random valid indices with
 * duplicates, out of place and in place (on a clone of the leaf), with the grad_fn name compared.
 * Values are moved, never computed, so outputs and gradients must be bit-identical, except
 * where duplicate indices accumulate (gather/index_select/take backward, scatter_add,
 * index_add): there the sums may run in another order (rtol 1e-6, atol 1e-6).
 */
class AutogradIndexingConformanceTest {
    private static final int TRIES = 150;
    private static final double ACC = 1e-6;

    private static int[] shape(Random rnd, int minRank, int maxRank) {
        int[] s = new int[minRank + rnd.nextInt(maxRank - minRank + 1)];
        for (int i = 0; i < s.length; i++) {
            s[i] = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(4);
        }
        return s;
    }

    private static DType floating(Random rnd) {
        return rnd.nextInt(4) == 0 ? DType.FLOAT64 : DType.FLOAT32;
    }

    /** A dim of a rank-r tensor (0-d counts as rank 1 for dim wrapping), negative half the time. */
    private static int dim(Random rnd, int rank) {
        int r = Math.max(rank, 1);
        int d = rnd.nextInt(r);
        return rnd.nextBoolean() ? d - r : d;
    }

    private static int wrap(int dim, int rank) {
        return dim < 0 ? dim + Math.max(rank, 1) : dim;
    }

    private static int sizeAt(int[] shape, int d) {
        return shape.length == 0 ? 1 : shape[d];
    }

    @Test
    void indexSelect() {
        Oracle.require();
        Random rnd = new Random(31);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int[] s = shape(rnd, 0, 3);
                int dim = dim(rnd, s.length);
                int size = sizeAt(s, wrap(dim, s.length));
                int[] is = size == 0 || rnd.nextInt(5) == 0 ? new int[] {0} : rnd.nextInt(6) == 0 ? new int[0] : new int[] {1 + rnd.nextInt(5)};
                NDArray idx = c.index(is, 0, Math.max(size, 1));
                GradCase.Leaf x = c.anyLayout(floating(rnd), s, true, true);
                c.check("index_select dim " + dim + " index " + idx + " " + c.describe(),
                        () -> torch.index_select(x.t, dim, Oracle.toTorch(idx)),
                        () -> x.j.indexSelect(dim, new Tensor(idx)), ACC, ACC);
            }
        }
    }

    /** An index for gather/scatter: same rank as self, size(d) <= limit(d), values in [0, self.size(dim)). */
    private static NDArray scatterIndex(GradCase c, int[] limit, int dim, int selfSizeAtDim) {
        int[] is = new int[limit.length];
        for (int i = 0; i < is.length; i++) {
            is[i] = limit[i] == 0 ? 0 : c.rnd.nextInt(limit[i] + 1);
        }
        if (selfSizeAtDim == 0) {
            Arrays.fill(is, 0);
        }
        return c.index(is, 0, Math.max(selfSizeAtDim, 1));
    }

    @Test
    void gather() {
        Oracle.require();
        Random rnd = new Random(32);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int[] s = shape(rnd, 1, 3);
                int dim = dim(rnd, s.length);
                int d = wrap(dim, s.length);
                int[] limit = s.clone();
                limit[d] = 4;
                NDArray idx = scatterIndex(c, limit, d, s[d]);
                GradCase.Leaf x = c.anyLayout(floating(rnd), s, true, true);
                c.check("gather dim " + dim + " index " + Arrays.toString(idx.sizes()) + " " + c.describe(),
                        () -> torch.gather(x.t, dim, Oracle.toTorch(idx)), () -> x.j.gather(dim, new Tensor(idx)), ACC, ACC);
            }
        }
    }

    @Test
    void scatterFamilyOutOfPlaceAndInPlace() {
        Oracle.require();
        Random rnd = new Random(33);
        for (int k = 0; k < 2 * TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int[] s = shape(rnd, 1, 3);
                int dim = dim(rnd, s.length);
                int d = wrap(dim, s.length);
                int[] limit = s.clone();
                limit[d] = 4;
                NDArray idx = scatterIndex(c, limit, d, s[d]);
                int[] srcShape = idx.sizes();
                if (rnd.nextInt(6) == 0) {
                    srcShape[rnd.nextInt(srcShape.length)]++; // src larger than index: PyTorch's backward shape check
                }
                DType dt = floating(rnd);
                boolean gSelf = rnd.nextBoolean();
                boolean gSrc = !gSelf || rnd.nextBoolean();
                boolean inPlace = rnd.nextBoolean();
                GradCase.Leaf x = c.anyLayout(dt, s, gSelf, true);
                GradCase.Leaf src = c.anyLayout(dt, srcShape, gSrc, true);
                org.bytedeco.pytorch.Tensor ti = Oracle.toTorch(idx);
                Tensor ji = new Tensor(idx);
                double value = rnd.nextGaussian();
                String what = (inPlace ? "in place " : "") + "dim " + dim + " index " + Arrays.toString(idx.sizes()) + " "
                        + c.describe();
                switch (rnd.nextInt(3)) {
                    case 0:
                        c.check("scatter " + what,
                                () -> inPlace ? x.t.clone().scatter_(dim, ti, src.t) : torch.scatter(x.t, dim, ti, src.t),
                                () -> inPlace ? x.j.clone().scatter_(dim, ji, src.j) : x.j.scatter(dim, ji, src.j), 0, 0);
                        break;
                    case 1:
                        c.check("scatter value " + what,
                                () -> inPlace ? x.t.clone().scatter_(dim, ti, new Scalar(value))
                                        : torch.scatter(x.t, dim, ti, new Scalar(value)),
                                () -> inPlace ? x.j.clone().scatter_(dim, ji, value) : x.j.scatter(dim, ji, value), 0, 0);
                        break;
                    default:
                        c.check("scatter_add " + what,
                                () -> inPlace ? x.t.clone().scatter_add_(dim, ti, src.t) : torch.scatter_add(x.t, dim, ti, src.t),
                                () -> inPlace ? x.j.clone().scatterAdd_(dim, ji, src.j) : x.j.scatterAdd(dim, ji, src.j),
                                ACC, ACC);
                }
            }
        }
    }

    @Test
    void indexAddCopyFill() {
        Oracle.require();
        Random rnd = new Random(34);
        double[] alphas = {1, 2.5, -1};
        for (int k = 0; k < 2 * TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int[] s = shape(rnd, 0, 3);
                int dim = dim(rnd, s.length);
                int d = wrap(dim, s.length);
                int size = sizeAt(s, d);
                int n = size == 0 ? 0 : rnd.nextInt(size + 1);
                int kind = rnd.nextInt(3);
                NDArray idx = kind == 1 ? uniqueIndex(c, n, size) : c.index(new int[] {n}, 0, Math.max(size, 1));
                int[] srcShape = s.length == 0 ? new int[0] : s.clone();
                if (s.length > 0) {
                    srcShape[d] = n;
                }
                DType dt = floating(rnd);
                boolean gSelf = rnd.nextBoolean();
                boolean gSrc = !gSelf || rnd.nextBoolean();
                boolean inPlace = rnd.nextBoolean();
                GradCase.Leaf x = c.anyLayout(dt, s, gSelf, true);
                GradCase.Leaf src = c.anyLayout(dt, srcShape, gSrc, true);
                org.bytedeco.pytorch.Tensor ti = Oracle.toTorch(idx);
                Tensor ji = new Tensor(idx);
                double alpha = alphas[rnd.nextInt(alphas.length)];
                double value = rnd.nextGaussian();
                String what = (inPlace ? "in place " : "") + "dim " + dim + " index " + idx + " " + c.describe();
                if (kind == 0) {
                    c.check("index_add alpha " + alpha + " " + what,
                            () -> inPlace ? x.t.clone().index_add_(dim, ti, src.t, new Scalar(alpha))
                                    : torch.index_add(x.t, dim, ti, src.t, new Scalar(alpha)),
                            () -> inPlace ? x.j.clone().indexAdd_(dim, ji, src.j, alpha) : x.j.indexAdd(dim, ji, src.j, alpha),
                            ACC, ACC);
                } else if (kind == 1) {
                    c.check("index_copy " + what,
                            () -> inPlace ? x.t.clone().index_copy_(dim, ti, src.t) : torch.index_copy(x.t, dim, ti, src.t),
                            () -> inPlace ? x.j.clone().indexCopy_(dim, ji, src.j) : x.j.indexCopy(dim, ji, src.j), 0, 0);
                } else {
                    c.check("index_fill " + what,
                            () -> inPlace ? x.t.clone().index_fill_(dim, ti, new Scalar(value))
                                    : torch.index_fill(x.t, dim, ti, new Scalar(value)),
                            () -> inPlace ? x.j.clone().indexFill_(dim, ji, value) : x.j.indexFill(dim, ji, value), 0, 0);
                }
            }
        }
    }

    /** {@code n} distinct indices in {@code [0, size)} (index_copy with duplicates has no defined result). */
    private static NDArray uniqueIndex(GradCase c, int n, int size) {
        int[] p = c.permutation(size);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = p[i];
        }
        return NDArray.wrap(v, n);
    }

    @Test
    void takeAndMaskedSelect() {
        Oracle.require();
        Random rnd = new Random(35);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int[] s = shape(rnd, 0, 3);
                int numel = NDArray.zeros(s).numel();
                NDArray idx = numel == 0 ? c.index(new int[] {0}, 0, 1) : c.index(shape(rnd, 0, 2), -numel, numel);
                GradCase.Leaf x = c.anyLayout(floating(rnd), s, true, true);
                c.check("take index " + idx + " " + c.describe(), () -> torch.take(x.t, Oracle.toTorch(idx)),
                        () -> x.j.take(new Tensor(idx)), ACC, ACC);

                GradCase m = new GradCase(rnd);
                int[] ms = maskShape(rnd, s);
                NDArray mask = NDArray.wrapBool(bools(rnd, NDArray.zeros(ms).numel()), ms);
                GradCase.Leaf y = m.anyLayout(floating(rnd), s, true, true);
                m.check("masked_select mask " + Arrays.toString(ms) + " " + m.describe(),
                        () -> torch.masked_select(y.t, Oracle.toTorch(mask)), () -> y.j.maskedSelect(new Tensor(mask)), 0, 0);
            }
        }
    }

    /** A shape that broadcasts with s: trailing dims of s, some replaced by 1, maybe with an extra leading dim. */
    private static int[] maskShape(Random rnd, int[] s) {
        int drop = rnd.nextInt(s.length + 1);
        int[] m = Arrays.copyOfRange(s, drop, s.length);
        for (int i = 0; i < m.length; i++) {
            if (rnd.nextInt(3) == 0) {
                m[i] = 1;
            }
        }
        if (rnd.nextInt(5) == 0) {
            int[] longer = new int[m.length + 1];
            longer[0] = 2;
            System.arraycopy(m, 0, longer, 1, m.length);
            return s.length >= longer.length ? m : longer;
        }
        return m;
    }

    private static byte[] bools(Random rnd, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (rnd.nextBoolean() ? 1 : 0);
        }
        return b;
    }

    @Test
    void nonzeroAndOneHotRecordNothing() {
        Oracle.require();
        Random rnd = new Random(36);
        for (int k = 0; k < TRIES / 3; k++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int[] s = shape(rnd, 0, 3);
                GradCase.Leaf x = c.anyLayout(DType.FLOAT32, s, true, true);
                c.check("nonzero " + c.describe(), () -> torch.nonzero(torch.relu(x.t)), () -> Torch.nonzero(x.j.relu()), 0, 0);
                NDArray labels = c.index(shape(rnd, 0, 2), 0, 5);
                int classes = rnd.nextBoolean() ? -1 : 5;
                c.check("one_hot " + labels + " classes " + classes,
                        () -> torch.one_hot(Oracle.toTorch(labels), classes),
                        () -> Torch.oneHot(new Tensor(labels), classes), 0, 0);
            }
        }
    }
}
