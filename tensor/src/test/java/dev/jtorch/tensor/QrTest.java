package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@code NDArray.linalgQr}: Q has orthonormal columns, R is upper triangular, Q R = A; shapes and errors as PyTorch. */
class QrTest {

    private static NDArray random(Random rnd, DType dt, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return NDArray.wrap(v, shape).to(dt);
    }

    private static double maxAbs(NDArray a) {
        return a.abs().amax().to(DType.FLOAT64).item();
    }

    @Property(tries = 100)
    void reducedFactorisation(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int m, @ForAll @IntRange(min = 1, max = 9) int n) {
        Random rnd = new Random(seed);
        NDArray a = random(rnd, DType.FLOAT64, m, n);
        NDArray[] qr = a.linalgQr();
        int k = Math.min(m, n);
        assertArrayEquals(new int[] {m, k}, qr[0].sizes());
        assertArrayEquals(new int[] {k, n}, qr[1].sizes());
        assertTrue(maxAbs(qr[0].mm(qr[1]).sub(a)) < 1e-12, "Q R = A");
        assertTrue(maxAbs(qr[0].t().mm(qr[0]).sub(NDArray.eye(k, k, DType.FLOAT64))) < 1e-12, "Q^T Q = I");
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < Math.min(i, n); j++) {
                assertEquals(0.0, qr[1].getDouble(i, j), "R below the diagonal");
            }
        }
    }

    @Test
    void completeModeBatchesAndFloat32() {
        Random rnd = new Random(3);
        NDArray a = random(rnd, DType.FLOAT32, 2, 5, 3);
        NDArray[] qr = a.linalgQr("complete");
        assertEquals(DType.FLOAT32, qr[0].dtype());
        assertArrayEquals(new int[] {2, 5, 5}, qr[0].sizes());
        assertArrayEquals(new int[] {2, 5, 3}, qr[1].sizes());
        assertTrue(maxAbs(qr[0].matmul(qr[1]).sub(a)) < 1e-5);
        NDArray eye = NDArray.eye(5, 5, DType.FLOAT32);
        assertTrue(maxAbs(qr[0].transpose(1, 2).matmul(qr[0]).sub(eye)) < 1e-5);
        NDArray[] r = a.linalgQr("r");
        assertArrayEquals(new int[] {2, 0, 0}, r[0].sizes());
        assertTrue(maxAbs(r[1].sub(a.linalgQr()[1])) == 0);
    }

    @Test
    void rankDeficientAndZeroColumns() {
        NDArray a = NDArray.zeros(DType.FLOAT64, 3, 2);
        a.set(2.0, 0, 1);
        NDArray[] qr = a.linalgQr();
        assertTrue(maxAbs(qr[0].mm(qr[1]).sub(a)) < 1e-15);
        assertTrue(maxAbs(qr[0].t().mm(qr[0]).sub(NDArray.eye(2, 2, DType.FLOAT64))) < 1e-15);
        NDArray[] empty = NDArray.zeros(DType.FLOAT32, 0, 3).linalgQr();
        assertArrayEquals(new int[] {0, 0}, empty[0].sizes());
        assertArrayEquals(new int[] {0, 3}, empty[1].sizes());
    }

    @Test
    void lapackSignConvention() {
        // geqrf: R[0, 0] = -sign(A[0, 0]) * ||A[:, 0]||
        NDArray a = NDArray.fromArray(new double[][] {{3, 1}, {4, 2}});
        NDArray[] qr = a.linalgQr();
        assertEquals(-5.0, qr[1].getDouble(0, 0), 1e-15);
        assertEquals(-0.6, qr[0].getDouble(0, 0), 1e-15);
    }

    @Test
    void errorsInPyTorchsWords() {
        assertEquals("linalg.qr: The input tensor A must have at least 2 dimensions.",
                assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(3).linalgQr()).getMessage());
        assertEquals("linalg.qr: Expected a floating point or complex tensor as input. Got Long",
                assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(DType.INT64, 2, 2).linalgQr()).getMessage());
        assertEquals("qr received unrecognized mode 'full' but expected one of 'reduced' (default), 'r', or 'complete'",
                assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(2, 2).linalgQr("full")).getMessage());
    }
}
