package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The examples of PyTorch's documentation, error messages verbatim, and no partial writes. */
class IndexingTest {
    private static NDArray l(Object nested) {
        return NDArray.fromArray(nested);
    }

    private static NDArray range(int... shape) {
        return NDArray.arange(0, Shapes.numel(shape), 1, DType.FLOAT32).view(shape);
    }

    private static void assertValues(double[] expected, NDArray actual) {
        assertArrayEquals(expected, actual.toDoubleArray(), 0.0);
    }

    @Test
    void documentationExamples() {
        NDArray t = l(new long[][] {{1, 2}, {3, 4}});
        assertValues(new double[] {1, 1, 4, 3}, t.gather(1, l(new long[][] {{0, 0}, {1, 0}})));

        NDArray src = NDArray.arange(1, 11, 1).view(2, 5);
        NDArray scattered = NDArray.zeros(DType.INT64, 3, 5).scatter_(0, l(new long[][] {{0, 1, 2, 0}}), src);
        assertValues(new double[] {1, 0, 0, 4, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0}, scattered);

        NDArray added = NDArray.zeros(3, 5).scatterAdd_(0, l(new long[][] {{0, 1, 2, 0, 0}, {0, 1, 2, 2, 2}}), NDArray.ones(2, 5));
        assertValues(new double[] {2, 0, 0, 1, 1, 0, 2, 0, 0, 0, 0, 0, 2, 1, 1}, added);

        NDArray m = l(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        NDArray index = l(new long[] {0, 4, 2});
        assertValues(new double[] {2, 3, 4, 1, 1, 1, 8, 9, 10, 1, 1, 1, 5, 6, 7}, NDArray.ones(5, 3).indexAdd_(0, index, m));
        assertValues(new double[] {0, -1, -2, 1, 1, 1, -6, -7, -8, 1, 1, 1, -3, -4, -5},
                NDArray.ones(5, 3).indexAdd(0, index, m, -1));
        assertValues(new double[] {1, 2, 3, 0, 0, 0, 7, 8, 9, 0, 0, 0, 4, 5, 6}, NDArray.zeros(5, 3).indexCopy_(0, index, m));
        assertValues(new double[] {-1, 2, -1, -1, 5, -1, -1, 8, -1}, m.indexFill(1, l(new long[] {0, 2}), -1));

        NDArray x = range(3, 4);
        assertValues(new double[] {0, 1, 2, 3, 8, 9, 10, 11}, x.indexSelect(0, l(new long[] {0, 2})));
        assertValues(new double[] {0, 2, 4, 6, 8, 10}, x.indexSelect(1, l(new long[] {0, 2})));
        assertArrayEquals(new int[] {3, 1}, x.indexSelect(1, NDArray.scalar(3, DType.INT64)).sizes());

        assertValues(new double[] {4, 5, 8}, l(new long[][] {{4, 3, 5}, {6, 7, 8}}).take(l(new long[] {0, 2, -1})));
        NDArray mask = l(new boolean[][] {{true, false, false, true}});
        assertValues(new double[] {0, 3, 4, 7, 8, 11}, x.maskedSelect(mask));

        NDArray nz = l(new float[][] {{0.6f, 0, 0, 0}, {0, 0.4f, 0, 0}, {0, 0, 1.2f, 0}, {0, 0, 0, -0.4f}}).nonzero();
        assertEquals(DType.INT64, nz.dtype());
        assertValues(new double[] {0, 0, 1, 1, 2, 2, 3, 3}, nz);
        assertArrayEquals(new int[] {1, 0}, NDArray.scalar(Double.NaN).nonzero().sizes(), "NaN is nonzero");
        assertArrayEquals(new int[] {0, 0}, NDArray.scalar(-0.0).nonzero().sizes(), "-0.0 is zero");

        NDArray labels = l(new long[] {0, 1, 2, 0, 1});
        NDArray hot = labels.oneHot(-1);
        assertArrayEquals(new int[] {5, 3}, hot.sizes());
        assertValues(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0}, hot);
        assertArrayEquals(new int[] {5, 5}, labels.oneHot(5).sizes());
        assertArrayEquals(new int[] {0, 4}, NDArray.zeros(DType.INT64, 0).oneHot(4).sizes());
    }

    @Test
    void indexAddRoundsLikePyTorch() {
        // 2+-d: vectorised add_ with a fused multiply-add; 1-d: the product is rounded first.
        float a = 0.44523224f;
        float b = -0.95581186f;
        float alpha = 0.3f;
        assertNotEquals(Math.fma(alpha, b, a), a + alpha * b, "the inputs must tell the two roundings apart");
        NDArray twoD = NDArray.full(a, 1, 1).indexAdd(0, l(new long[] {0}), NDArray.full(b, 1, 1), alpha);
        assertEquals(Math.fma(alpha, b, a), (float) twoD.item());
        NDArray oneD = NDArray.full(a, 1).indexAdd(0, l(new long[] {0}), NDArray.full(b, 1), alpha);
        assertEquals(a + alpha * b, (float) oneD.item());
        NDArray ints = l(new long[] {1, 2, 3}).indexAdd(0, l(new long[] {0, 0}), l(new long[] {5, 5}), 2.5);
        assertValues(new double[] {21, 2, 3}, ints); // alpha cast to int64 first: 2
        NDArray bools = l(new boolean[] {true, false, false}).indexAdd(0, l(new long[] {1, 1}), l(new boolean[] {true, false}));
        assertValues(new double[] {1, 1, 0}, bools); // bool addition is logical or
    }

    @Test
    void errorMessagesAreVerbatim() {
        NDArray x = NDArray.zeros(3, 4);
        NDArray i12 = l(new long[][] {{0, 1}});
        expect(IndexOutOfBoundsException.class, "index_select(): Index is supposed to be a vector", () -> x.indexSelect(0, i12));
        expect(IndexOutOfBoundsException.class, "index out of range in self", () -> x.indexSelect(0, l(new long[] {0, 3})));
        expect(IndexOutOfBoundsException.class, "INDICES element is out of DATA bounds, id=-1 axis_dim=4",
                () -> x.indexSelect(1, l(new long[] {-1})));
        expect(IllegalArgumentException.class, "index_select(): Expected dtype int32 or int64 for index",
                () -> x.indexSelect(0, NDArray.zeros(2)));
        expect(IllegalArgumentException.class, "Index tensor must have the same number of dimensions as input tensor",
                () -> x.gather(0, l(new long[] {0, 1})));
        expect(IndexOutOfBoundsException.class, "index 5 is out of bounds for dimension 0 with size 3",
                () -> x.gather(0, l(new long[][] {{5, 1}})));
        expect(IllegalArgumentException.class, "Size does not match at dimension 1 expected index [1, 5] to be no larger "
                + "than self [3, 4] apart from dimension 0", () -> x.gather(0, NDArray.zeros(DType.INT64, 1, 5)));
        expect(IllegalArgumentException.class, "scatter(): Expected self.dtype to be equal to src.dtype",
                () -> x.scatter(0, i12, NDArray.zeros(DType.FLOAT64, 3, 4)));
        expect(IllegalArgumentException.class, "Expected index [2, 2] to be no larger than self [3, 4] apart from dimension 0 "
                + "and to be no larger size than src [1, 4]", () -> x.scatter(0, NDArray.zeros(DType.INT64, 2, 2), NDArray.zeros(1, 4)));
        expect(IllegalArgumentException.class, "index_add_(): self (Float) and source (Double) must have the same scalar type",
                () -> x.indexAdd(0, l(new long[] {0, 1}), NDArray.zeros(DType.FLOAT64, 2, 4)));
        expect(IllegalArgumentException.class, "source tensor shape must match self tensor shape, excluding the specified "
                + "dimension. Got self.shape = [3, 4] source.shape = [2, 5]", () -> x.indexAdd(0, l(new long[] {0, 1}), NDArray.zeros(2, 5)));
        expect(IndexOutOfBoundsException.class, "index_copy_(): index 3 is out of bounds for dimension 0 with size 3",
                () -> x.indexCopy(0, l(new long[] {0, 3}), NDArray.zeros(2, 4)));
        expect(IndexOutOfBoundsException.class, "out of range: tried to access index 12 on a tensor of 12 elements.",
                () -> x.take(l(new long[] {12})));
        expect(IllegalArgumentException.class, "masked_select: expected BoolTensor for mask", () -> x.maskedSelect(NDArray.zeros(3, 4)));
        expect(IllegalArgumentException.class, "one_hot is only applicable to index tensor of type LongTensor.",
                () -> NDArray.zeros(3).oneHot(-1));
        expect(IllegalArgumentException.class, "Class values must be smaller than num_classes.",
                () -> l(new long[] {1, 3}).oneHot(3));
    }

    private static void expect(Class<? extends RuntimeException> type, String message, Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }

    @Test
    void inPlaceOpsChangeNothingWhenAnIndexIsOutOfRange() {
        // The bad index comes last, after valid ones, so a partial write would show.
        NDArray bad = l(new long[][] {{0, 1, 2, 3}, {1, 2, 0, 9}});
        unchanged(t -> t.scatter_(0, bad, NDArray.ones(2, 4)));
        unchanged(t -> t.scatter_(0, bad, 7.0));
        unchanged(t -> t.scatterAdd_(0, bad, NDArray.ones(2, 4)));
        NDArray badVector = l(new long[] {0, 2, 3});
        unchanged(t -> t.indexAdd_(0, badVector, NDArray.ones(3, 4)));
        unchanged(t -> t.indexCopy_(0, badVector, NDArray.ones(3, 4)));
        unchanged(t -> t.indexFill_(0, l(new long[] {0, -1, -4}), 5));
    }

    private static void unchanged(Consumer<NDArray> op) {
        NDArray target = range(3, 4).transpose(0, 1).contiguous().transpose(0, 1); // non-contiguous
        float[] before = target.toFloatArray();
        assertThrows(IndexOutOfBoundsException.class, () -> op.accept(target));
        assertArrayEquals(before, target.toFloatArray());
    }

    @Test
    void inPlaceOpsWriteThroughViews() {
        NDArray base = NDArray.zeros(4, 6);
        NDArray view = base.slice(1, 0, 6, 2); // [4, 3], stride 2
        view.indexFill_(1, l(new long[] {1}), 1);
        view.scatter_(0, l(new long[][] {{3, 0, 2}}), 2.0);
        assertValues(new double[] {
            0, 0, 2, 0, 0, 0,
            0, 0, 1, 0, 0, 0,
            0, 0, 1, 0, 2, 0,
            2, 0, 1, 0, 0, 0}, base);
        // a source aliasing the target is read before it is overwritten, as if copied first
        NDArray a = range(3);
        a.indexCopy_(0, l(new long[] {1, 2, 0}), a);
        assertValues(new double[] {2, 0, 1}, a);
    }
}
