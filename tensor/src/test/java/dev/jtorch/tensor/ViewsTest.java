package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewsTest {
    private static NDArray range(int... shape) {
        return NDArray.arange(0, Shapes.numel(shape), 1, DType.FLOAT32).view(shape);
    }

    @Test
    void writesThroughViewsAreSeenByTheBase() {
        NDArray a = range(3, 4);
        a.transpose(0, 1).select(0, 2).fill_(-1);
        assertArrayEquals(new float[] {0, 1, -1, 3, 4, 5, -1, 7, 8, 9, -1, 11}, a.toFloatArray());
        a.slice(1, 0, 4, 2).narrow(0, 1, 2).fill_(7);
        assertArrayEquals(new float[] {0, 1, -1, 3, 7, 5, 7, 7, 7, 9, 7, 11}, a.toFloatArray());
    }

    @Test
    void emptyTensorsAreContiguousWhateverTheirStrides() {
        // PyTorch's compute_contiguous returns true as soon as numel == 0
        NDArray t = NDArray.zeros(3, 0, 2, 2).transpose(2, 3);
        assertTrue(t.isContiguous());
        assertSame(t, t.contiguous());
    }

    @Test
    void viewAndReshapeFollowPyTorch() {
        NDArray a = range(2, 3, 4);
        NDArray v = a.view(6, -1);
        assertTrue(v.sharesStorageWith(a));
        assertArrayEquals(new int[] {6, 4}, v.sizes());
        NDArray t = a.transpose(1, 2);
        assertFalse(t.isContiguous());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.view(24));
        assertTrue(e.getMessage().startsWith("view size is not compatible with input tensor's size and stride"));
        NDArray r = t.reshape(24);
        assertFalse(r.sharesStorageWith(a)); // a copy, as in PyTorch
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, r.narrow(0, 0, 12).toFloatArray());
        // a transposed view can still be viewed when the merged dims stay contiguous
        assertTrue(t.view(2, 4, 3).sharesStorageWith(a));
        assertEquals("shape '[5, -1]' is invalid for input of size 24",
                assertThrows(IllegalArgumentException.class, () -> a.view(5, -1)).getMessage());
    }

    @Test
    void expandUsesStrideZero() {
        NDArray a = range(3, 1);
        NDArray e = a.expand(2, 3, 4);
        assertArrayEquals(new int[] {0, 1, 0}, e.stride());
        assertEquals(2f, e.getDouble(1, 2, 3), 0);
        assertEquals("The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 0."
                        + "  Target sizes: [4, 1].  Tensor sizes: [3, 1]",
                assertThrows(IllegalArgumentException.class, () -> a.expand(4, 1)).getMessage());
    }

    @Test
    void squeezeUnsqueezeFlattenUnflatten() {
        NDArray a = range(1, 3, 1, 2);
        assertArrayEquals(new int[] {3, 2}, a.squeeze().sizes());
        assertArrayEquals(new int[] {3, 1, 2}, a.squeeze(0).sizes());
        assertArrayEquals(new int[] {1, 3, 1, 2}, a.squeeze(1).sizes());
        assertArrayEquals(new int[] {1, 3, 1, 2, 1}, a.unsqueeze(-1).sizes());
        assertArrayEquals(new int[] {6}, a.flatten().sizes());
        assertArrayEquals(new int[] {1, 3, 2}, a.flatten(1, 2).sizes());
        assertArrayEquals(new int[] {1, 3, 1, 1, 2}, a.unflatten(3, 1, -1).sizes());
        assertSame(a, a.contiguous());
    }

    @Test
    void errorsNameDimsAndSizes() {
        NDArray a = range(2, 3);
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got 2)",
                assertThrows(IndexOutOfBoundsException.class, () -> a.transpose(0, 2)).getMessage());
        assertEquals("select(): index 3 out of range for tensor of size [2, 3] at dimension 1",
                assertThrows(IndexOutOfBoundsException.class, () -> a.select(1, 3)).getMessage());
        assertEquals("start (2) + length (2) exceeds dimension size (3).",
                assertThrows(IllegalArgumentException.class, () -> a.narrow(1, 2, 2)).getMessage());
    }

    @Test
    void broadcastingAndPromotion() {
        NDArray a = range(2, 3);
        NDArray b = NDArray.fromArray(new long[] {10, 20, 30});
        NDArray c = a.add(b);
        assertEquals(DType.FLOAT32, c.dtype());
        assertArrayEquals(new float[] {10, 21, 32, 13, 24, 35}, c.toFloatArray());
        NDArray i = NDArray.fromArray(new long[] {1, 2});
        assertEquals(DType.INT64, i.add(1).dtype(), "int64 + int stays int64");
        assertEquals(DType.FLOAT32, i.add(1.5).dtype(), "int64 + float gives the default float");
        assertEquals(DType.FLOAT32, i.div(NDArray.fromArray(new long[] {2, 2})).dtype());
        assertArrayEquals(new float[] {0.5f, 1f}, i.div(NDArray.fromArray(new long[] {2, 2})).toFloatArray());
        assertEquals("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
                assertThrows(IllegalArgumentException.class, () -> a.add(range(4))).getMessage());
        assertEquals("result type Float can't be cast to the desired output type Long",
                assertThrows(IllegalArgumentException.class, () -> i.add_(range(2))).getMessage());
    }

    @Test
    void zeroDimArraysViewAndReportDims() {
        NDArray s = NDArray.scalar(5);
        assertArrayEquals(new int[] {1}, s.view(-1).sizes());
        assertArrayEquals(new int[] {1, 1}, s.view(1, 1).stride());
        assertEquals("Dimension specified as 0 but tensor has no dimensions",
                assertThrows(IndexOutOfBoundsException.class, () -> s.size(0)).getMessage());
        assertEquals("narrow(): length must be non-negative.",
                assertThrows(IllegalArgumentException.class, () -> range(4).narrow(0, 1, -1)).getMessage());
    }
}
