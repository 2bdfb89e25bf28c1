package dev.jtorch.conformance;

import static dev.jtorch.conformance.IndexingInputs.check;
import static dev.jtorch.conformance.IndexingInputs.describe;
import static dev.jtorch.conformance.IndexingInputs.torchOf;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Index-driven ops against libtorch 2.10 on random inputs: every dtype, ranks 0-4 with empty dims,
 * random layouts (permuted, stepped, offset, expanded), every dim. These ops move values, so the
 * comparison is exact (dtype, shape and bits).
 *
 * <p>scatter_add/index_add with duplicate indices on floating dtypes are sums whose order PyTorch
 * does not promise, so an rtol of 1e-6 would be a fair allowance. It is not needed: jtorch adds
 * duplicates in index order as PyTorch's sequential CPU loops do, and rounds {@code self + alpha *
 * source} the way PyTorch does (fused multiply-add for 2+ dims, product rounded first for 1-d), and
 * the results were bit-identical over 2000 random cases each, so these are asserted exactly too; a
 * mismatch means a real change in order or rounding. (Inputs here are small: PyTorch's parallel
 * or sorted scatter paths for large tensors could reorder the sums.)
 */
class IndexingConformanceTest {
    private static final int TRIES = 150;

    @Test
    void indexSelect() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(1);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                NDArray self = in.view(in.dtype(), in.shape(0, 4, 5), true);
                int dim = randomDim(in, self.dim());
                int size = self.dim() == 0 ? 1 : self.size(dim);
                int n = self.dim() == 0 ? 1 : (size == 0 ? 0 : in.rnd.nextInt(7));
                boolean invalid = in.rnd.nextInt(10) == 0; // out-of-range values now and then: errors must match
                int hi = invalid ? size + 2 : size;
                if (invalid && n == 0) {
                    n = 1 + in.rnd.nextInt(3);
                }
                int lo = invalid ? -2 : 0;
                NDArray index = in.rnd.nextInt(6) == 0 && n == 1 ? in.index(new int[0], lo, hi) : in.index(new int[] {n}, lo, hi);
                String what = "index_select " + describe(self) + " dim " + dim + " index " + describe(index);
                check(() -> torch.index_select(torchOf(self), dim, torchOf(index)), () -> self.indexSelect(dim, index), what);
            }
        }
    }

    @Test
    void gather() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(2);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                NDArray self = in.view(in.dtype(), in.shape(0, 4, 5), true);
                int dim = randomDim(in, self.dim());
                NDArray index = maybeInvalid(in, scatterGatherIndex(in, self, dim, null, false), self, dim);
                String what = "gather " + describe(self) + " dim " + dim + " index " + describe(index);
                check(() -> torch.gather(torchOf(self), dim, torchOf(index)), () -> self.gather(dim, index), what);
            }
        }
    }

    @Test
    void scatterWithDistinctIndices() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(3);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                DType t = in.dtype();
                NDArray self = in.view(t, in.shape(0, 4, 5), false);
                int dim = randomDim(in, self.dim());
                NDArray src = in.view(t, grow(in, self.sizes()), true);
                NDArray index = scatterGatherIndex(in, self, dim, src, true);
                String what = "scatter " + describe(self) + " dim " + dim + " index " + describe(index) + " src " + describe(src);
                Tensor expected = torch.scatter(torchOf(self), dim, torchOf(index), torchOf(src));
                Oracle.assertExact(Oracle.fromTorch(expected), self.scatter(dim, index, src), what);
                double value = t == DType.INT64 ? in.rnd.nextInt(19) - 9.5 : in.rnd.nextGaussian();
                Tensor expectedValue = torch.scatter(torchOf(self), dim, torchOf(index), new Scalar(value));
                NDArray inPlace = self.clone();
                Oracle.assertExact(Oracle.fromTorch(expectedValue), inPlace.scatter_(dim, index, value), what + " value " + value);
            }
        }
    }

    @Test
    void scatterAddWithDuplicates() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(4);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                DType t = in.dtype();
                NDArray self = in.view(t, in.shape(0, 4, 5), false);
                int dim = randomDim(in, self.dim());
                NDArray src = in.view(t, grow(in, self.sizes()), true);
                NDArray index = maybeInvalid(in, scatterGatherIndex(in, self, dim, src, false), self, dim);
                String what = "scatter_add " + describe(self) + " dim " + dim + " index " + describe(index) + " src " + describe(src);
                NDArray target = self.clone();
                check(() -> torch.scatter_add(torchOf(self), dim, torchOf(index), torchOf(src)),
                        () -> target.scatterAdd_(dim, index, src), what);
                if (Oracle.fromTorch(torchOf(index)).numel() > 0 && index.getLong(new int[index.dim()]) < 0) {
                    Oracle.assertExact(self, target, what + ": an invalid index must leave self unchanged");
                }
            }
        }
    }

    @Test
    void indexAddWithDuplicatesAndAlpha() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(5);
        double[] floatAlphas = {1, 2, -0.5, 0.3};
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                DType t = in.dtype();
                NDArray self = in.view(t, in.shape(0, 4, 5), false);
                int dim = randomDim(in, self.dim());
                int size = self.dim() == 0 ? 1 : self.size(dim);
                int n = self.dim() == 0 ? 1 : (size == 0 ? 0 : in.rnd.nextInt(8));
                int[] sourceShape = self.sizes();
                if (self.dim() > 0) {
                    sourceShape[wrap(dim, self.dim())] = n;
                }
                NDArray source = in.view(t, sourceShape, true);
                NDArray index = in.index(new int[] {n}, 0, size);
                double alpha = t == DType.BOOL ? 1 : t == DType.INT64 ? in.rnd.nextInt(7) - 3 : floatAlphas[in.rnd.nextInt(4)];
                String what = "index_add " + describe(self) + " dim " + dim + " index " + describe(index)
                        + " source " + describe(source) + " alpha " + alpha;
                Tensor expected = torch.index_add(torchOf(self), dim, torchOf(index), torchOf(source), new Scalar(alpha));
                assertSums(Oracle.fromTorch(expected), self.indexAdd(dim, index, source, alpha), what);
            }
        }
    }

    @Test
    void indexCopyAndIndexFill() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(6);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                DType t = in.dtype();
                NDArray self = in.view(t, in.shape(0, 4, 5), false);
                int dim = randomDim(in, self.dim());
                int size = self.dim() == 0 ? 1 : self.size(dim);
                int n = in.rnd.nextInt(size + 1);
                int[] perm = in.permutation(size);
                long[] distinct = new long[n];
                for (int i = 0; i < n; i++) {
                    distinct[i] = perm[i];
                }
                NDArray index = NDArray.wrap(distinct, n);
                int[] sourceShape = self.sizes();
                if (self.dim() > 0) {
                    sourceShape[wrap(dim, self.dim())] = n;
                } else {
                    index = NDArray.wrap(new long[] {0}, 1);
                }
                NDArray source = in.view(t, sourceShape, true);
                String what = "index_copy " + describe(self) + " dim " + dim + " index " + describe(index) + " source " + describe(source);
                Tensor expected = torch.index_copy(torchOf(self), dim, torchOf(index), torchOf(source));
                Oracle.assertExact(Oracle.fromTorch(expected), self.indexCopy(dim, index, source), what);

                NDArray fillIndex = in.index(new int[] {in.rnd.nextInt(5)}, -size, size);
                if (size == 0) {
                    fillIndex = NDArray.zeros(DType.INT64, 0);
                }
                double value = in.rnd.nextGaussian();
                what = "index_fill " + describe(self) + " dim " + dim + " index " + describe(fillIndex) + " value " + value;
                Tensor expectedFill = torch.index_fill(torchOf(self), dim, torchOf(fillIndex), new Scalar(value));
                Oracle.assertExact(Oracle.fromTorch(expectedFill), self.clone().indexFill_(dim, fillIndex, value), what);
            }
        }
    }

    @Test
    void takeMaskedSelectNonzero() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(7);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                DType t = in.dtype();
                NDArray self = in.view(t, in.shape(0, 4, 4), true);
                int numel = self.numel();
                int slack = in.rnd.nextInt(10) == 0 ? 2 : 0; // out-of-range values now and then: errors must match
                NDArray index = numel == 0 && slack == 0 ? NDArray.zeros(DType.INT64, 0)
                        : in.index(in.shape(0, 3, 4), -numel - slack, numel + slack);
                String what = "take " + describe(self) + " index " + describe(index);
                check(() -> torch.take(torchOf(self), torchOf(index)), () -> self.take(index), what);

                int[] maskShape = broadcastPartner(in, self.sizes());
                NDArray mask = in.view(DType.BOOL, maskShape, true);
                what = "masked_select " + describe(self) + " mask " + describe(mask);
                Tensor expectedMasked;
                try {
                    expectedMasked = torch.masked_select(torchOf(self), torchOf(mask));
                } catch (RuntimeException e) {
                    throw new AssertionError(what, e);
                }
                Oracle.assertExact(Oracle.fromTorch(expectedMasked), self.maskedSelect(mask), what);

                NDArray sparse = sparse(in, t, self.sizes());
                what = "nonzero " + describe(sparse);
                Oracle.assertExact(Oracle.fromTorch(torch.nonzero(torchOf(sparse))), sparse.nonzero(), what);
            }
        }
    }

    @Test
    void oneHot() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(8);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                int classes = 1 + in.rnd.nextInt(6);
                NDArray labels = in.index(in.shape(0, 3, 4), 0, classes);
                int numClasses = labels.numel() == 0 || in.rnd.nextBoolean() ? classes + in.rnd.nextInt(3) : -1;
                String what = "one_hot " + describe(labels) + " num_classes " + numClasses;
                Oracle.assertExact(Oracle.fromTorch(torch.one_hot(torchOf(labels), numClasses)), labels.oneHot(numClasses), what);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    static int wrap(int dim, int rank) {
        return dim < 0 ? dim + Math.max(rank, 1) : dim;
    }

    static int randomDim(IndexingInputs in, int rank) {
        int r = Math.max(rank, 1);
        return in.rnd.nextInt(2 * r) - r; // negative dims too
    }

    /** Now and then (1 in 10) a copy of {@code index} whose first element is out of range (-1 or size). */
    private static NDArray maybeInvalid(IndexingInputs in, NDArray index, NDArray self, int dim) {
        if (index.numel() == 0 || in.rnd.nextInt(10) != 0) {
            return index;
        }
        NDArray c = index.clone();
        int size = self.dim() == 0 ? 1 : self.size(dim);
        c.set(in.rnd.nextBoolean() ? -1 : size, new int[c.dim()]);
        return c;
    }

    /** {@code shape} with each size possibly grown by up to 2 (src may be larger than index). */
    private static int[] grow(IndexingInputs in, int[] shape) {
        int[] s = shape.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += in.rnd.nextInt(3);
        }
        return s;
    }

    /**
     * A valid scatter/gather index for {@code self}: same rank, each size at most self's (and src's)
     * apart from {@code dim}; values in {@code [0, self.size(dim))}, distinct along dim when asked.
     */
    static NDArray scatterGatherIndex(IndexingInputs in, NDArray self, int dim, NDArray src, boolean distinct) {
        int rank = Math.max(self.dim(), 1);
        int wd = dim < 0 ? dim + rank : dim;
        int selfDimSize = self.dim() == 0 ? 1 : self.size(wd);
        int[] shape = new int[rank];
        for (int d = 0; d < rank; d++) {
            int limit = self.dim() == 0 ? 1 : self.size(d);
            if (src != null) {
                limit = Math.min(limit, src.dim() == 0 ? 1 : src.size(d));
            }
            if (d == wd) {
                int max = distinct ? selfDimSize : 6;
                limit = src == null ? max : Math.min(max, limit);
                if (selfDimSize == 0) {
                    limit = 0;
                }
            }
            shape[d] = limit == 0 ? 0 : in.rnd.nextInt(limit + 1);
        }
        boolean zeroD = self.dim() <= 1 && shape[0] == 1 && in.rnd.nextInt(3) == 0;
        // Fill fiber by fiber in a layout with dim last, then permute dim back (a non-contiguous index).
        int[] order = new int[rank];
        int[] inverse = new int[rank];
        int[] baseShape = new int[rank];
        for (int d = 0, j = 0; d < rank; d++) {
            if (d != wd) {
                order[j++] = d;
            }
        }
        order[rank - 1] = wd;
        for (int j = 0; j < rank; j++) {
            baseShape[j] = shape[order[j]];
            inverse[order[j]] = j;
        }
        int fiber = shape[wd];
        long[] values = new long[NDArray.zeros(DType.INT64, shape).numel()];
        for (int start = 0; start < values.length; start += fiber) {
            int[] perm = in.permutation(selfDimSize);
            for (int j = 0; j < fiber; j++) {
                values[start + j] = distinct ? perm[j] : in.rnd.nextInt(selfDimSize);
            }
        }
        NDArray index = NDArray.wrap(values, baseShape).permute(inverse);
        return zeroD ? index.reshape() : index;
    }

    /** A shape that broadcasts with {@code shape}: some dims set to 1, maybe fewer or more leading dims. */
    static int[] broadcastPartner(IndexingInputs in, int[] shape) {
        int drop = shape.length == 0 ? 0 : in.rnd.nextInt(shape.length + 1);
        int extra = drop == 0 && in.rnd.nextInt(3) == 0 ? 1 : 0; // a new leading dim only in front of all of shape
        int[] out = new int[shape.length - drop + extra];
        for (int i = 0; i < out.length; i++) {
            out[i] = i < extra ? 1 + in.rnd.nextInt(2) : (in.rnd.nextInt(3) == 0 ? 1 : shape[drop + i - extra]);
        }
        return out;
    }

    /** Mostly zeros (including -0.0), some ones, NaN for floats. */
    static NDArray sparse(IndexingInputs in, DType t, int[] shape) {
        double[] v = new double[NDArray.zeros(shape).numel()];
        for (int i = 0; i < v.length; i++) {
            int r = in.rnd.nextInt(6);
            v[i] = r < 3 ? 0 : r == 3 ? -0.0 : r == 4 ? 1 : (t.isFloatingPoint() ? Double.NaN : 2);
        }
        NDArray a = NDArray.wrap(v, shape).to(t);
        return in.rnd.nextBoolean() && shape.length > 1 ? a.transpose(0, 1).contiguous().transpose(0, 1) : a;
    }

    /** Sums with duplicate indices: exact (see the class comment for why no tolerance is needed). */
    static void assertSums(NDArray expected, NDArray actual, String what) {
        Oracle.assertExact(expected, actual, what);
    }
}
