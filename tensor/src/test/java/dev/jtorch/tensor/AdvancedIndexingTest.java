package dev.jtorch.tensor;

import static dev.jtorch.tensor.IndexingFixtures.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code self[indices]}, {@code self[indices] = values} and masked_fill: NumPy's examples, errors
 * verbatim, and properties tying them to index_select, masked_select and index_add_.
 */
class AdvancedIndexingTest {
    private static NDArray range(int... shape) {
        return NDArray.arange(0, Shapes.numel(shape), 1, DType.FLOAT32).view(shape);
    }

    private static NDArray l(long... v) {
        return NDArray.fromArray(v);
    }

    private static void assertValues(int[] shape, double[] expected, NDArray actual) {
        assertArrayEquals(shape, actual.sizes());
        assertArrayEquals(expected, actual.toDoubleArray(), 0.0);
    }

    @Test
    void gettingFollowsNumPy() {
        NDArray x = range(3, 4);
        assertValues(new int[] {2, 4}, new double[] {8, 9, 10, 11, 0, 1, 2, 3}, x.index(l(-1, 0)));
        assertValues(new int[] {3, 2}, new double[] {1, 3, 5, 7, 9, 11}, x.index(null, l(1, 3)));
        assertValues(new int[] {2}, new double[] {1, 11}, x.index(l(0, 2), l(1, 3)));
        // index tensors broadcast together: rows [[0], [2]] with columns [1, 3]
        assertValues(new int[] {2, 2}, new double[] {1, 3, 9, 11}, x.index(l(0, 2).view(2, 1), l(1, 3)));
        NDArray mask = NDArray.fromArray(new boolean[][] {{true, false, false, true}, {false, false, false, false}, {false, true, false, false}});
        assertValues(new int[] {3}, new double[] {0, 3, 9}, x.index(mask));
        assertValues(new int[] {2, 4}, new double[] {0, 1, 2, 3, 8, 9, 10, 11}, x.index(NDArray.fromArray(new boolean[] {true, false, true})));
        // indices separated by a slice: the broadcast dims move to the front
        NDArray y = range(2, 3, 4);
        NDArray z = y.index(l(0, 1), null, l(0, 3));
        assertValues(new int[] {2, 3}, new double[] {0, 4, 8, 15, 19, 23}, z);
        assertArrayEquals(new int[] {2, 2, 4}, y.index(null, l(0, 2).view(2, 1)).view(2, 2, 4).sizes());
    }

    @Test
    void puttingFollowsNumPy() {
        NDArray x = range(3, 4);
        x.indexPut_(new NDArray[] {l(0, 2)}, NDArray.fromArray(new float[] {-1, -2, -3, -4}));
        assertValues(new int[] {3, 4}, new double[] {-1, -2, -3, -4, 4, 5, 6, 7, -1, -2, -3, -4}, x);
        x.indexPut_(new NDArray[] {NDArray.fromArray(new boolean[] {false, true, false})}, 0); // x[mask] = 0
        assertValues(new int[] {3, 4}, new double[] {-1, -2, -3, -4, 0, 0, 0, 0, -1, -2, -3, -4}, x);
        NDArray acc = NDArray.zeros(DType.INT64, 3);
        acc.indexPut_(new NDArray[] {l(0, 2, 0, 0)}, l(1, 10, 100, 1000), true);
        assertValues(new int[] {3}, new double[] {1101, 0, 10}, acc);
        // one bool mask and a one-element value: PyTorch's masked_fill_ path, which casts any dtype
        NDArray ints = NDArray.zeros(DType.INT64, 2, 2);
        ints.indexPut_(new NDArray[] {NDArray.fromArray(new boolean[] {false, true})}, NDArray.scalar(2.9, DType.FLOAT64));
        assertValues(new int[] {2, 2}, new double[] {0, 0, 2, 2}, ints);
        NDArray m = range(2, 3).maskedFill(NDArray.fromArray(new boolean[] {true, false, true}), -1);
        assertValues(new int[] {2, 3}, new double[] {-1, 1, -1, -1, 4, -1}, m);
    }

    @Test
    void errorMessagesAreVerbatim() {
        NDArray x = NDArray.zeros(3, 4);
        expect("index 5 is out of bounds for dimension 0 with size 4", () -> x.index(null, l(5)));
        expect("tensors used as indices must be long, int, byte or bool tensors", () -> x.index(NDArray.zeros(2)));
        expect("shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]", () -> x.index(l(0, 1), l(0, 1, 2)));
        expect("The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [3, 4] at index 0",
                () -> x.index(NDArray.fromArray(new boolean[] {true, false})));
        expect("too many indices for tensor of dimension 2 (got 3)", () -> x.index(l(0), l(0), l(0)));
        expect("index is out of bounds for dimension with size 0", () -> NDArray.zeros(0, 2).index(l(0)));
        expect("Index put requires the source and destination dtypes match, got Float for the destination and Double for the source.",
                () -> x.indexPut_(new NDArray[] {l(0, 1)}, NDArray.zeros(DType.FLOAT64, 2, 4)));
        expect("shape mismatch: value tensor of shape [3] cannot be broadcast to indexing result of shape [2, 4]",
                () -> x.indexPut_(new NDArray[] {l(0, 1)}, NDArray.zeros(3)));
        expect("masked_fill_ only supports boolean masks, but got mask with dtype long int", () -> x.maskedFill_(NDArray.zeros(DType.INT64, 4), 1));
        expect("output with shape [4] doesn't match the broadcast shape [3, 4]",
                () -> NDArray.zeros(4).maskedFill_(NDArray.zeros(DType.BOOL, 3, 4), 1));
        NDArray before = range(3, 4);
        assertThrows(IndexOutOfBoundsException.class, () -> before.indexPut_(new NDArray[] {l(0, 1, 3)}, NDArray.scalar(7), true));
        assertValues(new int[] {3, 4}, range(3, 4).toDoubleArray(), before);
    }

    private static void expect(String message, Executable call) {
        assertEquals(message, assertThrows(RuntimeException.class, call).getMessage());
    }

    @Provide
    Arbitrary<int[]> shapes() {
        return IndexingFixtures.shapes();
    }

    @Property(tries = 150)
    void agreesWithIndexSelectMaskedSelectAndIndexAdd(@ForAll("shapes") int[] shape, @ForAll long seed,
                                                     @ForAll @IntRange(max = 3) int layout) {
        Random r = new Random(seed);
        DType t = IndexingFixtures.DTYPES[r.nextInt(4)];
        NDArray self = random(r, t, shape, layout);
        int d = r.nextInt(shape.length);
        int n = shape[d] == 0 ? 0 : r.nextInt(5);
        long[] v = new long[n];
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(2 * shape[d]) - shape[d];
            w[i] = v[i] < 0 ? v[i] + shape[d] : v[i];
        }
        NDArray[] at = new NDArray[d + 1]; // d leading nulls (full slices), then the index
        at[d] = NDArray.wrap(v, n);
        NDArray wrapped = NDArray.wrap(w, n);
        assertArrayEquals(self.indexSelect(d, wrapped).toDoubleArray(), self.index(at).toDoubleArray(), 0.0, "x[..., idx] == index_select");

        NDArray mask = random(r, DType.BOOL, shape, r.nextInt(5));
        assertArrayEquals(self.maskedSelect(mask).toDoubleArray(), self.index(mask).toDoubleArray(), 0.0, "x[mask] == masked_select");

        int[] sourceShape = self.sizes();
        sourceShape[d] = n;
        NDArray source = random(r, t, sourceShape, 0);
        NDArray expected = self.clone().indexAdd_(d, wrapped, source);
        NDArray actual = random(r, t, shape, 1 + r.nextInt(3)).copy_(self);
        NDArray moved = source.permute(moveToFront(source.dim(), d));
        NDArray[] put = {at[d]};
        actual.permute(moveToFront(shape.length, d)).indexPut_(put, moved, true);
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), 0.0, "index_put_(accumulate) == index_add_");
    }

    private static int[] moveToFront(int rank, int d) {
        int[] p = new int[rank];
        p[0] = d;
        for (int i = 0, j = 1; i < rank; i++) {
            if (i != d) {
                p[j++] = i;
            }
        }
        return p;
    }
}
