package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Joining, splitting and rearranging: PyTorch's examples, sharing of storage, verbatim errors. */
class JoiningTest {
    private static NDArray range(int... shape) {
        return NDArray.arange(0, Shapes.numel(shape), 1, DType.FLOAT32).view(shape);
    }

    private static void assertValues(double[] expected, NDArray actual) {
        assertArrayEquals(expected, actual.toDoubleArray(), 0.0);
    }

    private static void expect(String message, Executable call) {
        assertEquals(message, assertThrows(RuntimeException.class, call).getMessage());
    }

    @Test
    void catPromotesAndSkipsLegacyEmpty() {
        NDArray a = NDArray.fromArray(new long[][] {{1, 2}});
        NDArray b = NDArray.fromArray(new float[][] {{3.5f, 4}});
        NDArray c = NDArray.cat(List.of(a, NDArray.zeros(DType.FLOAT64, 0), b), 0);
        assertEquals(DType.FLOAT64, c.dtype(), "the skipped [0] float64 still takes part in promotion");
        assertArrayEquals(new int[] {2, 2}, c.sizes());
        assertValues(new double[] {1, 2, 3.5, 4}, c);
        assertValues(new double[] {1, 2, 3.5, 4}, NDArray.cat(List.of(a, b), -1));
        assertEquals(DType.INT64, NDArray.cat(List.of(NDArray.fromArray(new boolean[] {true}), NDArray.fromArray(new long[] {3}))).dtype());
        assertArrayEquals(new int[] {0}, NDArray.cat(List.of(NDArray.zeros(0), NDArray.zeros(0)), 3).sizes());
        // strided inputs, cat along an inner dim
        NDArray t = range(3, 2).transpose(0, 1);
        assertValues(new double[] {0, 2, 4, 0, 2, 4, 1, 3, 5, 1, 3, 5}, NDArray.cat(List.of(t, t), 1).view(4, 3));
    }

    @Test
    void stackAddsADim() {
        NDArray a = range(2, 3);
        NDArray s = NDArray.stack(List.of(a, a.add(10)), 1);
        assertArrayEquals(new int[] {2, 2, 3}, s.sizes());
        assertValues(new double[] {0, 1, 2, 10, 11, 12, 3, 4, 5, 13, 14, 15}, s);
        assertArrayEquals(new int[] {2, 3, 2}, NDArray.stack(List.of(a, a), -1).sizes());
        assertArrayEquals(new int[] {2}, NDArray.stack(List.of(NDArray.scalar(1), NDArray.scalar(2))).sizes());
    }

    @Test
    void splitChunkUnbindAreViews() {
        NDArray a = range(5, 2);
        List<NDArray> parts = a.split(2, 0);
        assertEquals(3, parts.size());
        assertArrayEquals(new int[] {1, 2}, parts.get(2).sizes());
        parts.get(1).fill_(-1);
        assertValues(new double[] {0, 1, 2, 3, -1, -1, -1, -1, 8, 9}, a);
        for (NDArray p : parts) {
            assertTrue(p.sharesStorageWith(a));
        }
        List<NDArray> sized = a.split(new int[] {1, 0, 4}, 0);
        assertArrayEquals(new int[] {0, 2}, sized.get(1).sizes());
        assertTrue(sized.get(2).sharesStorageWith(a));
        // chunk: ceil(6 / 4) = 2 per chunk gives only 3 chunks, as in PyTorch
        List<NDArray> chunks = range(6).chunk(4);
        assertEquals(3, chunks.size());
        assertEquals(4, range(0, 2).chunk(4).size(), "an empty dim keeps all the chunks");
        List<NDArray> cols = a.chunk(2, 1);
        assertEquals(2, cols.size());
        cols.get(0).fill_(7);
        assertValues(new double[] {7, 1, 7, 3, 7, -1, 7, -1, 7, 9}, a);
        List<NDArray> rows = a.unbind();
        assertEquals(5, rows.size());
        rows.get(4).fill_(0);
        assertValues(new double[] {7, 1, 7, 3, 7, -1, 7, -1, 0, 0}, a);
    }

    @Test
    void padFlipRollRepeat() {
        NDArray a = range(2, 3);
        NDArray p = a.pad(new int[] {1, -1, 0, 1}, 9);
        assertArrayEquals(new int[] {3, 3}, p.sizes());
        assertValues(new double[] {9, 0, 1, 9, 3, 4, 9, 9, 9}, p);
        assertValues(new double[] {1, 4}, a.pad(-1, -1));
        assertValues(new double[] {-2, 1, 2, -2}, NDArray.fromArray(new long[] {1, 2}).pad(new int[] {1, 1}, -2.7));
        assertValues(new double[] {5, 4, 3, 2, 1, 0}, a.flip(0, 1));
        assertValues(new double[] {2, 1, 0, 5, 4, 3}, a.flip(-1));
        assertValues(new double[] {5, 0, 1, 2, 3, 4}, a.roll(1));
        assertValues(new double[] {4, 5, 3, 1, 2, 0}, a.roll(new int[] {1, -1}, new int[] {0, 1}));
        assertValues(new double[] {2, 0, 1, 5, 3, 4}, a.roll(-8, 1));
        NDArray r = NDArray.fromArray(new long[] {1, 2}).repeat(2, 2);
        assertArrayEquals(new int[] {2, 4}, r.sizes());
        assertValues(new double[] {1, 2, 1, 2, 1, 2, 1, 2}, r);
        assertArrayEquals(new int[] {0, 6}, a.repeat(0, 2).sizes());
    }

    @Test
    void trianglesAndDiagonals() {
        NDArray a = range(3, 4);
        assertValues(new double[] {0, 0, 0, 0, 4, 5, 0, 0, 8, 9, 10, 0}, a.tril());
        assertValues(new double[] {0, 1, 0, 0, 4, 5, 6, 0, 8, 9, 10, 11}, a.tril(1));
        assertValues(new double[] {0, 1, 2, 3, 0, 5, 6, 7, 0, 0, 10, 11}, a.triu());
        assertValues(new double[] {0, 0, 0, 0, 4, 0, 0, 0, 8, 9, 0, 0}, a.tril(-1));
        NDArray base = range(2, 2, 2);
        base.transpose(1, 2).triu_(1); // batched, in place through a strided view: keeps base[k][1][0]
        assertValues(new double[] {0, 0, 2, 0, 0, 0, 6, 0}, base);
        NDArray d = a.diagonal();
        assertTrue(d.sharesStorageWith(a));
        assertValues(new double[] {0, 5, 10}, d);
        assertValues(new double[] {1, 6, 11}, a.diagonal(1, 0, 1));
        assertValues(new double[] {4, 9}, a.diag(-1));
        NDArray m = NDArray.fromArray(new long[] {1, 2}).diag(1);
        assertArrayEquals(new int[] {3, 3}, m.sizes());
        assertValues(new double[] {0, 1, 0, 0, 0, 2, 0, 0, 0}, m);
        assertArrayEquals(new int[] {0}, a.diagonal(7, 0, 1).sizes());
    }

    @Test
    void errorMessagesAreVerbatim() {
        NDArray a = NDArray.zeros(2, 3);
        expect("torch.cat(): expected a non-empty list of Tensors", () -> NDArray.cat(List.of(), 0));
        expect("Sizes of tensors must match except in dimension 1. Expected size 3 but got size 4 for tensor number 1 in the list.",
                () -> NDArray.cat(List.of(NDArray.zeros(3, 2), NDArray.zeros(4, 2)), 1));
        expect("Tensors must have same number of dimensions: got 2 and 1", () -> NDArray.cat(List.of(a, NDArray.zeros(3))));
        expect("zero-dimensional tensor (at position 1) cannot be concatenated", () -> NDArray.cat(List.of(a, NDArray.scalar(1))));
        expect("stack expects each tensor to be equal size, but got [2, 3] at entry 0 and [2, 4] at entry 1",
                () -> NDArray.stack(List.of(a, NDArray.zeros(2, 4))));
        expect("stack expects a non-empty TensorList", () -> NDArray.stack(List.of()));
        expect("split_size can only be 0 if dimension size is 0, but got dimension size of 2", () -> a.split(0));
        expect("split_with_sizes expects split_sizes to sum exactly to 3 (input tensor's size at dimension -1), but got split_sizes=[1, 1]",
                () -> a.split(new int[] {1, 1}, -1));
        expect("chunk expects `chunks` to be greater than 0, got: 0", () -> a.chunk(0));
        expect("Dimension specified as 0 but tensor has no dimensions", () -> NDArray.scalar(1).unbind());
        expect("Padding length must be divisible by 2", () -> a.pad(1));
        expect("Padding length should be less than or equal to two times the input dimension but got padding length 6 and input of dimension 2",
                () -> a.pad(1, 1, 1, 1, 1, 1));
        expect("narrow(): length must be non-negative.", () -> a.pad(-2, -2));
        expect("dim 1 appears multiple times in the list of dims", () -> a.flip(1, -1));
        expect("shifts and dimensions must align. shifts: 2, dims:1", () -> a.roll(new int[] {1, 2}, new int[] {0}));
        expect("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor", () -> a.repeat(2));
        expect("Trying to create tensor with negative dimension -2: [-2, 9]", () -> a.repeat(-1, 3));
        expect("tril: input tensor must have at least 2 dimensions", () -> NDArray.zeros(3).tril());
        expect("diag(): Supports 1D or 2D tensors. Got 3D", () -> NDArray.zeros(1, 2, 3).diag());
        expect("diagonal dimensions cannot be identical -1, 1", () -> a.diagonal(0, -1, 1));
    }
}
