package dev.jtorch.tensor;

import static dev.jtorch.tensor.IndexingFixtures.forEachIndex;
import static dev.jtorch.tensor.IndexingFixtures.random;
import static dev.jtorch.tensor.IndexingFixtures.with;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Joining, splitting and rearranging against naive coordinate-by-coordinate references, on random
 * shapes of rank 1-4 with empty dims, every dim, every dtype and random (strided, expanded) layouts.
 */
class JoiningPropertiesTest {
    @Provide
    Arbitrary<int[]> shapes() {
        return IndexingFixtures.shapes();
    }

    private static DType dtype(Random r) {
        return IndexingFixtures.DTYPES[r.nextInt(4)];
    }

    private static void assertSame(NDArray expected, NDArray actual, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.sizes(), actual.sizes(), what + ": shape");
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), 0.0, what);
    }

    @Property(tries = 150)
    void catAndStackMatchNaive(@ForAll("shapes") int[] shape, @ForAll long seed) {
        Random r = new Random(seed);
        int rank = shape.length;
        int d = r.nextInt(rank);
        List<NDArray> parts = new ArrayList<>();
        DType promoted = null;
        int total = 0;
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            DType t = dtype(r);
            promoted = promoted == null ? t : DType.promote(promoted, t);
            int[] s = with(shape, d, r.nextInt(4));
            total += s[d];
            parts.add(random(r, t, s, r.nextInt(5)));
        }
        NDArray expected = NDArray.empty(promoted, with(shape, d, total));
        int offset = 0;
        for (NDArray p : parts) {
            int off = offset;
            forEachIndex(p.sizes(), c -> expected.set(p.getDouble(c), with(c, d, c[d] + off)));
            offset += p.size(d);
        }
        assertSame(expected, NDArray.cat(parts, d - (r.nextBoolean() ? rank : 0)), "cat dim " + d + " " + Arrays.toString(shape));

        List<NDArray> same = new ArrayList<>();
        for (NDArray p : parts) {
            same.add(random(r, p.dtype(), shape, r.nextInt(5)));
        }
        int sd = r.nextInt(rank + 1);
        NDArray stacked = NDArray.stack(same, sd);
        NDArray expectedStack = NDArray.empty(promoted, Views.insert(shape, sd, same.size()));
        forEachIndex(expectedStack.sizes(), c -> expectedStack.set(same.get(c[sd]).getDouble(Views.remove(c, sd)), c));
        assertSame(expectedStack, stacked, "stack dim " + sd + " " + Arrays.toString(shape));
    }

    @Property(tries = 150)
    void splitAndChunkAreViewsThatCatBack(@ForAll("shapes") int[] shape, @ForAll long seed, @ForAll @IntRange(max = 3) int layout) {
        Random r = new Random(seed);
        NDArray self = random(r, dtype(r), shape, layout);
        int d = r.nextInt(shape.length);
        int size = shape[d];
        int splitSize = size == 0 ? 0 : 1 + r.nextInt(size + 1);
        List<NDArray> pieces = self.split(splitSize, d);
        assertEquals(Math.max((size + Math.max(splitSize, 1) - 1) / Math.max(splitSize, 1), 1), pieces.size());
        checkPieces(self, d, pieces, "split " + splitSize);
        int chunks = 1 + r.nextInt(5);
        List<NDArray> chunked = self.chunk(chunks, d);
        int each = (size + chunks - 1) / chunks;
        assertEquals(size == 0 ? chunks : (size + each - 1) / each, chunked.size(), "chunk count");
        checkPieces(self, d, chunked, "chunk " + chunks);
        List<NDArray> rows = self.unbind(d);
        assertEquals(size, rows.size());
        for (int i = 0; i < size; i++) {
            assertSame(self.select(d, i), rows.get(i), "unbind " + i);
        }
    }

    private static void checkPieces(NDArray self, int d, List<NDArray> pieces, String what) {
        for (NDArray p : pieces) {
            assertTrue(p.sharesStorageWith(self), what + ": a view");
        }
        assertSame(self, NDArray.cat(pieces, d), what + ": cat of the pieces");
    }

    @Property(tries = 150)
    void padMatchesNaive(@ForAll("shapes") int[] shape, @ForAll long seed, @ForAll @IntRange(max = 4) int layout) {
        Random r = new Random(seed);
        DType t = dtype(r);
        NDArray self = random(r, t, shape, layout);
        int rank = shape.length;
        int[] pad = new int[2 * (1 + r.nextInt(rank))];
        int[] before = new int[rank];
        int[] outShape = shape.clone();
        for (int k = 0; k < pad.length / 2; k++) {
            int d = rank - 1 - k;
            // crops of at most 1, and only from input that is there (more is an error, tested elsewhere)
            pad[2 * k] = r.nextInt(4) - Math.min(1, shape[d]);
            pad[2 * k + 1] = r.nextInt(4) - (shape[d] + Math.min(pad[2 * k], 0) > 0 ? 1 : 0);
            before[d] = pad[2 * k];
            outShape[d] = shape[d] + pad[2 * k] + pad[2 * k + 1];
        }
        double value = t == DType.BOOL ? 1 : 7;
        NDArray expected = NDArray.empty(t, outShape);
        forEachIndex(outShape, c -> {
            int[] src = new int[rank];
            boolean inside = true;
            for (int i = 0; i < rank; i++) {
                src[i] = c[i] - before[i];
                inside &= src[i] >= 0 && src[i] < shape[i];
            }
            expected.set(inside ? self.getDouble(src) : value, c);
        });
        assertSame(expected, self.pad(pad, value), "pad " + Arrays.toString(shape) + " " + Arrays.toString(pad));
    }

    @Property(tries = 150)
    void flipRollRepeatMatchNaive(@ForAll("shapes") int[] shape, @ForAll long seed, @ForAll @IntRange(max = 4) int layout) {
        Random r = new Random(seed);
        NDArray self = random(r, dtype(r), shape, layout);
        int rank = shape.length;
        int[] perm = IndexingFixtures.permutation(r, rank);
        int[] dims = Arrays.copyOf(perm, r.nextInt(rank + 1));
        NDArray flipped = NDArray.empty(self.dtype(), shape);
        forEachIndex(shape, c -> {
            int[] src = c.clone();
            for (int d : dims) {
                src[d] = shape[d] - 1 - c[d];
            }
            flipped.set(self.getDouble(src), c);
        });
        assertSame(flipped, self.flip(dims), "flip " + Arrays.toString(shape) + " " + Arrays.toString(dims));

        int[] rollDims = Arrays.copyOf(perm, 1 + r.nextInt(rank));
        int[] shifts = new int[rollDims.length];
        for (int i = 0; i < shifts.length; i++) {
            shifts[i] = r.nextInt(21) - 10;
        }
        NDArray rolled = NDArray.empty(self.dtype(), shape);
        forEachIndex(shape, c -> {
            int[] src = c.clone();
            for (int i = 0; i < rollDims.length; i++) {
                int n = shape[rollDims[i]];
                src[rollDims[i]] = Math.floorMod(c[rollDims[i]] - shifts[i], n);
            }
            rolled.set(self.getDouble(src), c);
        });
        assertSame(rolled, self.roll(shifts, rollDims), "roll " + Arrays.toString(shifts) + " " + Arrays.toString(rollDims));

        int[] repeats = new int[rank + r.nextInt(2)];
        int lead = repeats.length - rank;
        int[] outShape = new int[repeats.length];
        for (int i = 0; i < repeats.length; i++) {
            repeats[i] = r.nextInt(3);
            outShape[i] = repeats[i] * (i < lead ? 1 : shape[i - lead]);
        }
        NDArray repeated = NDArray.empty(self.dtype(), outShape);
        forEachIndex(outShape, c -> {
            int[] src = new int[rank];
            for (int i = 0; i < rank; i++) {
                src[i] = c[i + lead] % shape[i];
            }
            repeated.set(self.getDouble(src), c);
        });
        assertSame(repeated, self.repeat(repeats), "repeat " + Arrays.toString(repeats));
    }

    @Property(tries = 150)
    void trianglesMatchNaive(@ForAll("shapes") int[] shape, @ForAll long seed, @ForAll @IntRange(max = 3) int layout,
                             @ForAll @IntRange(min = -5, max = 5) int diagonal) {
        Assume.that(shape.length >= 2);
        Random r = new Random(seed);
        NDArray self = random(r, dtype(r), shape, layout);
        int rank = shape.length;
        NDArray lower = self.clone();
        NDArray upper = self.clone();
        forEachIndex(shape, c -> {
            int i = c[rank - 2];
            int j = c[rank - 1];
            if (j - i > diagonal) {
                lower.set(0, c);
            }
            if (j - i < diagonal) {
                upper.set(0, c);
            }
        });
        assertSame(lower, self.tril(diagonal), "tril " + diagonal);
        NDArray inPlace = random(r, self.dtype(), shape, 1 + r.nextInt(3)).copy_(self);
        assertSame(upper, inPlace.triu_(diagonal), "triu_ " + diagonal);
    }
}
