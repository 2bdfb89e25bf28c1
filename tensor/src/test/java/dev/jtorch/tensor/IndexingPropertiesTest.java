package dev.jtorch.tensor;

import static dev.jtorch.tensor.IndexingFixtures.forEachIndex;
import static dev.jtorch.tensor.IndexingFixtures.random;
import static dev.jtorch.tensor.IndexingFixtures.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Index ops against naive coordinate-by-coordinate references (getDouble/set per element), on
 * random shapes of rank 1-4 with empty dims, every dim, every dtype and random layouts. Values are
 * small integers, so every dtype holds them exactly and float sums are exact in any order.
 */
class IndexingPropertiesTest {
    @Provide
    Arbitrary<int[]> shapes() {
        return IndexingFixtures.shapes();
    }

    private static DType dtype(Random r) {
        return IndexingFixtures.DTYPES[r.nextInt(4)];
    }

    private static int dim(Random r, int rank) {
        return r.nextInt(2 * rank) - rank;
    }

    private static int wrap(int dim, int rank) {
        return dim < 0 ? dim + rank : dim;
    }

    /** An int64 array of {@code shape} with values in {@code [0, bound)}, in a random layout. */
    private static NDArray index(Random r, int[] shape, int bound) {
        NDArray idx = random(r, DType.INT64, shape, r.nextInt(4));
        forEachIndex(shape, c -> idx.set(r.nextInt(Math.max(bound, 1)), c));
        return idx;
    }

    private static void assertSame(NDArray expected, NDArray actual, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.sizes(), actual.sizes(), what + ": shape");
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), 0.0, what);
    }

    @Property(tries = 150)
    void gatherMatchesNaive(@ForAll("shapes") int[] shape, @ForAll long seed, @ForAll @IntRange(max = 4) int layout) {
        Random r = new Random(seed);
        NDArray self = random(r, dtype(r), shape, layout);
        int dim = dim(r, shape.length);
        int d = wrap(dim, shape.length);
        int[] indexShape = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            indexShape[i] = i == d ? (shape[d] == 0 ? 0 : r.nextInt(5)) : r.nextInt(shape[i] + 1);
        }
        NDArray index = index(r, indexShape, shape[d]);
        NDArray expected = NDArray.empty(self.dtype(), indexShape);
        forEachIndex(indexShape, c -> expected.set(self.getDouble(with(c, d, (int) index.getLong(c))), c));
        assertSame(expected, self.gather(dim, index), "gather " + Arrays.toString(shape) + " dim " + dim);
    }

    @Property(tries = 150)
    void scatterAndScatterAddMatchNaive(@ForAll("shapes") int[] shape, @ForAll long seed, @ForAll @IntRange(max = 3) int layout) {
        Random r = new Random(seed);
        DType t = dtype(r);
        NDArray self = random(r, t, shape, layout);
        int dim = dim(r, shape.length);
        int d = wrap(dim, shape.length);
        int[] indexShape = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            indexShape[i] = shape[d] == 0 ? 0 : r.nextInt((i == d ? 4 : shape[i]) + 1);
        }
        NDArray index = index(r, indexShape, shape[d]);
        NDArray src = random(r, t, indexShape, r.nextInt(5));
        NDArray scattered = self.clone();
        NDArray added = self.clone();
        forEachIndex(indexShape, c -> {
            int[] target = with(c, d, (int) index.getLong(c));
            scattered.set(src.getDouble(c), target); // later writes win, in row-major index order
            double sum = t == DType.BOOL ? Math.max(added.getDouble(target), src.getDouble(c)) : added.getDouble(target) + src.getDouble(c);
            added.set(sum, target);
        });
        String what = Arrays.toString(shape) + " dim " + dim + " index " + Arrays.toString(indexShape);
        assertSame(scattered, self.scatter(dim, index, src), "scatter " + what);
        NDArray inPlace = random(r, t, shape, 1 + r.nextInt(3)).copy_(self); // a non-contiguous target
        assertSame(added, inPlace.scatterAdd_(dim, index, src), "scatter_add_ " + what);
    }

    @Property(tries = 150)
    void indexSelectAndIndexAddMatchNaive(@ForAll("shapes") int[] shape, @ForAll long seed, @ForAll @IntRange(max = 3) int layout) {
        Random r = new Random(seed);
        DType t = dtype(r);
        NDArray self = random(r, t, shape, layout);
        int dim = dim(r, shape.length);
        int d = wrap(dim, shape.length);
        int n = shape[d] == 0 ? 0 : r.nextInt(6);
        NDArray index = index(r, new int[] {n}, shape[d]);
        int[] outShape = with(shape, d, n);
        NDArray selected = NDArray.empty(t, outShape);
        forEachIndex(outShape, c -> selected.set(self.getDouble(with(c, d, (int) index.getLong(c[d]))), c));
        String what = Arrays.toString(shape) + " dim " + dim + " n " + n;
        assertSame(selected, self.indexSelect(dim, index), "index_select " + what);

        NDArray source = random(r, t, outShape, r.nextInt(5));
        long alpha = t == DType.BOOL ? 1 : 2; // an exact product, so fused and unfused rounding agree
        NDArray added = self.clone();
        forEachIndex(outShape, c -> {
            int[] target = with(c, d, (int) index.getLong(c[d]));
            double v = t == DType.BOOL ? Math.max(added.getDouble(target), source.getDouble(c))
                    : added.getDouble(target) + alpha * source.getDouble(c);
            added.set(v, target);
        });
        NDArray inPlace = random(r, t, shape, 1 + r.nextInt(3)).copy_(self); // a non-contiguous target
        assertSame(added, inPlace.indexAdd_(dim, index, source, alpha), "index_add_ " + what);
    }

    @Property(tries = 150)
    void takeMaskedSelectNonzeroMatchNaive(@ForAll("shapes") int[] shape, @ForAll long seed, @ForAll @IntRange(max = 4) int layout) {
        Random r = new Random(seed);
        DType t = dtype(r);
        NDArray self = random(r, t, shape, layout);
        int numel = self.numel();
        NDArray flat = self.reshape(-1);
        NDArray index = NDArray.empty(DType.INT64, numel == 0 ? 0 : 1 + r.nextInt(4), 2);
        forEachIndex(index.sizes(), c -> index.set(r.nextInt(2 * numel) - numel, c));
        NDArray taken = NDArray.empty(t, index.sizes());
        forEachIndex(index.sizes(), c -> {
            long i = index.getLong(c);
            taken.set(flat.getDouble((int) (i < 0 ? i + numel : i)), c);
        });
        assertSame(taken, self.take(index), "take " + Arrays.toString(shape));

        int[] maskShape = shape.clone();
        for (int i = 0; i < maskShape.length; i++) {
            if (r.nextInt(3) == 0) {
                maskShape[i] = 1; // broadcast along this dim
            }
        }
        NDArray mask = random(r, DType.BOOL, maskShape, r.nextInt(5));
        List<Double> picked = new ArrayList<>();
        forEachIndex(shape, c -> {
            int[] mc = c.clone();
            for (int i = 0; i < mc.length; i++) {
                mc[i] = maskShape[i] == 1 ? 0 : c[i];
            }
            if (mask.getDouble(mc) != 0) {
                picked.add(self.getDouble(c));
            }
        });
        assertArrayEquals(picked.stream().mapToDouble(Double::doubleValue).toArray(), self.maskedSelect(mask).toDoubleArray(),
                "masked_select " + Arrays.toString(shape) + " mask " + Arrays.toString(maskShape));

        List<Long> coords = new ArrayList<>();
        forEachIndex(shape, c -> {
            if (self.getDouble(c) != 0) {
                for (int x : c) {
                    coords.add((long) x);
                }
            }
        });
        NDArray nz = self.nonzero();
        assertArrayEquals(new int[] {coords.size() / shape.length, shape.length}, nz.sizes());
        assertArrayEquals(coords.stream().mapToLong(Long::longValue).toArray(), nz.toLongArray(), "nonzero " + Arrays.toString(shape));
    }

    @Property(tries = 100)
    void indexCopyAndIndexFillMatchNaive(@ForAll("shapes") int[] shape, @ForAll long seed, @ForAll @IntRange(max = 3) int layout) {
        Random r = new Random(seed);
        DType t = dtype(r);
        NDArray self = random(r, t, shape, layout);
        int dim = dim(r, shape.length);
        int d = wrap(dim, shape.length);
        int[] perm = IndexingFixtures.permutation(r, shape[d]);
        int n = r.nextInt(shape[d] + 1);
        long[] distinct = new long[n];
        for (int i = 0; i < n; i++) {
            distinct[i] = perm[i];
        }
        NDArray index = NDArray.wrap(distinct, n);
        NDArray source = random(r, t, with(shape, d, n), r.nextInt(5));
        NDArray copied = self.clone();
        forEachIndex(source.sizes(), c -> copied.set(source.getDouble(c), with(c, d, (int) distinct[c[d]])));
        assertSame(copied, self.indexCopy(dim, index, source), "index_copy " + Arrays.toString(shape) + " dim " + dim);

        long[] fill = new long[shape[d] == 0 ? 0 : r.nextInt(4)];
        for (int i = 0; i < fill.length; i++) {
            fill[i] = r.nextInt(2 * shape[d]) - shape[d];
        }
        NDArray filled = self.clone();
        forEachIndex(shape, c -> {
            for (long f : fill) {
                if (c[d] == (f < 0 ? f + shape[d] : f)) {
                    filled.set(1, c);
                }
            }
        });
        NDArray target = self.clone();
        target.indexFill_(dim, NDArray.wrap(fill, fill.length), 1);
        assertSame(filled, target, "index_fill " + Arrays.toString(shape) + " dim " + dim + " " + Arrays.toString(fill));
    }
}
