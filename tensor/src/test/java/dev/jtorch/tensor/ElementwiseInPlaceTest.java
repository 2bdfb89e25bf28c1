package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** In-place elementwise ops: writing through views, broadcasting into self, casting and overlap rules. */
class ElementwiseInPlaceTest {
    private static NDArray range(int... shape) {
        return NDArray.arange(0, Shapes.numel(shape), 1, DType.FLOAT32).view(shape);
    }

    @Test
    void inPlaceOpsReturnSelfAndWriteThroughViews() {
        NDArray base = range(3, 4);
        NDArray col = base.select(1, 2); // stride 4
        assertSame(col, col.mul_(10L));
        assertArrayEquals(new float[] {0, 1, 20, 3, 4, 5, 60, 7, 8, 9, 100, 11}, base.toFloatArray());
        base.t().narrow(0, 0, 2).add_(NDArray.of(1f, 2f, 3f));
        assertArrayEquals(new float[] {1, 2, 20, 3, 6, 7, 60, 7, 11, 12, 100, 11}, base.toFloatArray());
        base.slice(1, 0, 4, 3).neg_();
        assertArrayEquals(new float[] {-1, 2, 20, -3, -6, 7, 60, -7, -11, 12, 100, -11}, base.toFloatArray());
        base.relu_().sqrt_();
        assertEquals(Math.sqrt(20), base.getDouble(0, 2), 1e-6);
        assertEquals(0, base.getDouble(2, 0), 0);
    }

    @Test
    void inPlaceBroadcastsOtherButNeverSelf() {
        NDArray a = range(2, 3);
        a.sub_(NDArray.of(1f, 1f, 1f));
        assertArrayEquals(new float[] {-1, 0, 1, 2, 3, 4}, a.toFloatArray());
        a.add_(NDArray.scalar(0.5));
        assertArrayEquals(new float[] {-0.5f, 0.5f, 1.5f, 2.5f, 3.5f, 4.5f}, a.toFloatArray());
        assertEquals("output with shape [3] doesn't match the broadcast shape [2, 3]",
                msg(() -> NDArray.zeros(3).add_(range(2, 3))));
        assertEquals("output with shape [3] doesn't match the broadcast shape [2, 3]",
                msg(() -> NDArray.zeros(3).maskedFill_(NDArray.fromArray(new boolean[][] {{true, false, true}, {false, false, false}}), 1)));
        assertEquals("output with shape [2, 1] doesn't match the broadcast shape [2, 3]",
                msg(() -> NDArray.zeros(2, 1).addcmul_(range(2, 3), NDArray.ones(2, 1), 1)));
    }

    @Test
    void inPlaceComputesInTheCommonDtypeThenCasts() {
        NDArray f = NDArray.of(1f, 2f);
        // float32 += float64: computed in float64 then rounded once to float32
        f.add_(NDArray.fromArray(new double[] {1e-9, 0.1}));
        assertArrayEquals(new float[] {(float) (1 + 1e-9), (float) (2 + 0.1)}, f.toFloatArray());
        NDArray l = NDArray.fromArray(new long[] {5, 7});
        l.mul_(3L).add_(1L);
        assertArrayEquals(new long[] {16, 22}, l.toLongArray());
        l.div_(NDArray.fromArray(new long[] {3, -3}), "floor");
        assertArrayEquals(new long[] {5, -8}, l.toLongArray());
        assertEquals("result type Float can't be cast to the desired output type Long", msg(() -> l.add_(2.5)));
        assertEquals("result type Float can't be cast to the desired output type Long", msg(() -> l.div_(2L)));
        assertEquals("result type Float can't be cast to the desired output type Long", msg(l::exp_));
        assertEquals("result type Long can't be cast to the desired output type Bool",
                msg(() -> NDArray.fromArray(new boolean[] {true}).add_(l.narrow(0, 0, 1))));
        assertEquals("result type Float can't be cast to the desired output type long int", msg(() -> l.clamp_(0.5, null)));
        assertEquals("result type Long can't be cast to the desired output type bool",
                msg(() -> NDArray.fromArray(new boolean[] {true}).clampMin_(0)));
        assertArrayEquals(new long[] {5, 0}, l.clamp_(0, 6).toLongArray());
    }

    @Test
    void overlappingViewsAreRejectedAsInPyTorch() {
        NDArray z = NDArray.zeros(4, 4);
        String partial = "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single "
                + "memory location. Please clone() the tensor before performing the operation.";
        assertEquals(partial, msg(() -> z.narrow(0, 0, 3).add_(z.narrow(0, 1, 3))));
        assertEquals(partial, msg(() -> z.add_(z.t())));
        assertEquals(partial, msg(() -> z.narrow(0, 1, 3).lerp_(z.narrow(0, 0, 3), 0.5)));
        assertEquals("unsupported operation: more than one element of the written-to tensor refers to a single memory location. "
                + "Please clone() the tensor before performing the operation.", msg(() -> NDArray.zeros(3).expand(2, 3).add_(1L)));
        // the same view, or disjoint views of one storage, are fine
        NDArray a = range(2, 4);
        a.mul_(a);
        a.narrow(1, 0, 2).add_(a.narrow(1, 2, 2));
        assertArrayEquals(new float[] {4, 10, 4, 9, 52, 74, 36, 49}, a.toFloatArray());
        a.add_(a.view(2, 4));
        assertArrayEquals(new float[] {8, 20, 8, 18, 104, 148, 72, 98}, a.toFloatArray());
    }

    @Test
    void optimizerPrimitivesMatchPyTorchsFusedNumerics() {
        float[] p = {0.1f, -2.5f, 3.25f, 1e-3f};
        float[] g = {0.3f, 0.7f, -1.1f, 2f};
        float[] d = {1.5f, 0.2f, 0.9f, 3f};
        NDArray param = NDArray.of(p.clone());
        param.addcmul_(NDArray.of(g), NDArray.of(g), 1 - 0.999);
        param.lerp_(NDArray.of(g), 1 - 0.9);
        param.addcdiv_(NDArray.of(g), NDArray.of(d), -1e-3);
        param.add_(NDArray.of(d), -0.01);
        float[] actual = param.toFloatArray();
        for (int i = 0; i < p.length; i++) {
            float v = Math.fma((float) (1 - 0.999) * g[i], g[i], p[i]);
            float w = (float) (1 - 0.9);
            v = Math.fma(w, g[i] - v, v); // |w| < 0.5
            v = v + (float) -1e-3 * g[i] / d[i];
            v = Math.fma(d[i], -0.01f, v);
            assertEquals(v, actual[i], 0, "element " + i);
        }
    }

    private static String msg(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
