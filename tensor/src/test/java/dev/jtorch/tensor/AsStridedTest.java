package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code as_strided} and the written-to overlap check of {@code copy_}; messages are libtorch 2.10's. */
class AsStridedTest {
    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void viewsTheStorageWithAnyGeometry() {
        NDArray a = NDArray.arange(0, 6, 1, DType.FLOAT32);
        NDArray w = a.asStrided(new int[] {2, 2}, new int[] {1, 2}, 1);
        assertArrayEquals(new float[] {1, 3, 2, 4}, w.toFloatArray());
        assertArrayEquals(new int[] {1, 2}, w.stride());
        assertEquals(1, w.storageOffset());
        assertTrue(w.sharesStorageWith(a));
        w.fill_(-1);
        assertArrayEquals(new float[] {0, -1, -1, -1, -1, 5}, a.toFloatArray());
        // the offset is absolute, not relative to the view it is applied to
        assertArrayEquals(new float[] {0, -1}, a.narrow(0, 3, 2).asStrided(new int[] {2}, new int[] {1}, 0).toFloatArray());
        assertArrayEquals(new float[] {5, 5, 5}, a.asStrided(new int[] {3}, new int[] {0}, 5).toFloatArray());
    }

    @Test
    void checksTheGeometryAgainstTheStorage() {
        NDArray z = NDArray.zeros(4);
        assertEquals("as_strided: Negative strides are not supported at the moment, got strides: [-1]",
                message(() -> z.asStrided(new int[] {2}, new int[] {-1}, 0)));
        assertEquals("setStorage: sizes [2, 3], strides [3, 1], storage offset 1, and itemsize 4 requiring a storage "
                + "size of 28 are out of bounds for storage of size 16", message(() -> z.asStrided(new int[] {2, 3},
                        new int[] {3, 1}, 1)));
        assertEquals("setStorage: sizes [5], strides [1], storage offset 0, and itemsize 8 requiring a storage size of "
                + "40 are out of bounds for storage of size 32",
                message(() -> z.to(DType.FLOAT64).asStrided(new int[] {5}, new int[] {1}, 0)));
        assertEquals("mismatch in length of strides and shape", message(() -> z.asStrided(new int[] {2, 3}, new int[] {3}, 0)));
        assertEquals("Tensor: invalid storage offset -1", message(() -> z.asStrided(new int[] {2}, new int[] {1}, -1)));
        assertEquals("Storage size calculation overflowed with sizes=[-2] and strides=[1]",
                message(() -> z.asStrided(new int[] {-2}, new int[] {1}, 0)));
        assertArrayEquals(new int[] {0, 3}, z.asStrided(new int[] {0, 3}, new int[] {3, 1}, 9).sizes(),
                "an empty geometry needs no storage");
    }

    @Test
    void copyIntoAnExpandedArrayIsRejected() {
        NDArray e = NDArray.zeros(1).expand(3);
        assertEquals("unsupported operation: more than one element of the written-to tensor refers to a single memory "
                + "location. Please clone() the tensor before performing the operation.", message(() -> e.copy_(NDArray.ones(3))));
        NDArray one = NDArray.zeros(1).expand(1, 1);
        one.copy_(NDArray.ones(1));
        assertArrayEquals(new float[] {1}, one.toFloatArray(), "a stride-0 dim of size 1 is no overlap");
    }
}
