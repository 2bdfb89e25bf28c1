package dev.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.nn.functional.F;
import org.junit.jupiter.api.Test;

/** Bilinear: repr, parameters, init range, the recorded graph, values against an explicit sum, errors. */
class BilinearTest {

    @Test
    void reprParametersAndInitRange() {
        Torch.manualSeed(0);
        Bilinear b = new Bilinear(4, 3, 2);
        assertEquals("Bilinear(in1_features=4, in2_features=3, out_features=2, bias=True)", b.toString());
        assertEquals("Bilinear(in1_features=4, in2_features=3, out_features=2, bias=False)",
                new Bilinear(4, 3, 2, false).toString());
        assertArrayEquals(new int[] {2, 4, 3}, b.weight().sizes());
        assertArrayEquals(new int[] {2}, b.bias().sizes());
        assertEquals(java.util.List.of("weight", "bias"), java.util.List.copyOf(b.stateDict().keySet()));
        assertNull(new Bilinear(1, 1, 1, false).bias());
        for (float w : b.weight().array().toFloatArray()) {
            assertTrue(Math.abs(w) <= 0.5f, "bound 1/sqrt(in1_features) = 0.5");
        }
    }

    @Test
    void valuesAreTheBilinearFormAndTheGraphIsPyTorchs() {
        Torch.manualSeed(1);
        Bilinear b = new Bilinear(3, 2, 4);
        Tensor x1 = Torch.randn(5, 3).requiresGrad_(true);
        Tensor x2 = Torch.randn(5, 2);
        Tensor y = b.call(x1, x2);
        assertArrayEquals(new int[] {5, 4}, y.sizes());
        for (int n = 0; n < 5; n++) {
            for (int o = 0; o < 4; o++) {
                double s = b.bias().array().getDouble(o);
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 2; j++) {
                        s += x1.array().getDouble(n, i) * b.weight().array().getDouble(o, i, j) * x2.array().getDouble(n, j);
                    }
                }
                assertEquals(s, y.array().getDouble(n, o), 1e-5);
            }
        }
        assertEquals("AddBackward0", y.gradFn().name());
        assertEquals("ViewBackward0", y.gradFn().nextFunctions().get(0).node().name());
        assertEquals("TrilinearBackward0", y.gradFn().nextFunctions().get(0).node().nextFunctions().get(0).node().name());
        Tensor noBias = F.bilinear(x1.unsqueeze(0), x2.unsqueeze(0), b.weight(), null);
        assertArrayEquals(new int[] {1, 5, 4}, noBias.sizes());
        assertEquals("ViewBackward0", noBias.gradFn().name());
        y.sum().backward();
        assertArrayEquals(new int[] {5, 3}, x1.grad().sizes());
    }

    @Test
    void errorsInPyTorchsWords() {
        Tensor w = Torch.zeros(4, 3, 2);
        assertEquals("bilinear(): input dimensions do not match: got 2 and 1",
                assertThrows(IllegalArgumentException.class, () -> F.bilinear(Torch.zeros(5, 3), Torch.zeros(2), w, null)).getMessage());
        assertEquals("bilinear(): input batch dimensions do not match: got 5 and 6",
                assertThrows(IllegalArgumentException.class,
                        () -> F.bilinear(Torch.zeros(5, 3), Torch.zeros(6, 2), w, null)).getMessage());
        assertEquals("bilinear(): input1 size does not match weight size: got 2 but expected 3",
                assertThrows(IllegalArgumentException.class,
                        () -> F.bilinear(Torch.zeros(5, 2), Torch.zeros(5, 2), w, null)).getMessage());
        assertEquals("bilinear(): input2 size does not match weight size: got 3 but expected 2",
                assertThrows(IllegalArgumentException.class,
                        () -> F.bilinear(Torch.zeros(5, 3), Torch.zeros(5, 3), w, null)).getMessage());
        assertEquals("bilinear(): bias size does not match weight size: got 5 but expected 4",
                assertThrows(IllegalArgumentException.class,
                        () -> F.bilinear(Torch.zeros(5, 3), Torch.zeros(5, 2), w, Torch.zeros(5))).getMessage());
        assertEquals("Bilinear.forward() missing 1 required positional argument: 'input2'",
                assertThrows(IllegalArgumentException.class, () -> new Bilinear(3, 2, 4).call(Torch.zeros(3))).getMessage());
    }

    @Test
    void lossesAndNormsRecordPyTorchsNodes() {
        Tensor x = Torch.randn(4, 3).requiresGrad_(true);
        Tensor y = Torch.rand(4, 3);
        assertEquals("MseLossBackward0", F.mseLoss(x, y).gradFn().name());
        assertEquals("SmoothL1LossBackward0", F.smoothL1Loss(x, y, F.Reduction.NONE, 0.0).gradFn().name());
        assertEquals("HuberLossBackward0", F.huberLoss(x, y, F.Reduction.SUM, 1.0).gradFn().name());
        assertEquals("BinaryCrossEntropyBackward0", F.binaryCrossEntropy(x.sigmoid(), y, null, F.Reduction.MEAN).gradFn().name());
        assertEquals("BinaryCrossEntropyWithLogitsBackward0",
                F.binaryCrossEntropyWithLogits(x, y, null, F.Reduction.MEAN, null).gradFn().name());
        assertEquals("MeanBackward0", F.l1Loss(x, y, F.Reduction.MEAN).gradFn().name());
        assertEquals("NativeLayerNormBackward0", F.layerNorm(x, new int[] {3}, null, null, 1e-5).gradFn().name());
        assertEquals("NativeBatchNormBackward0", F.batchNorm(x, null, null, null, null, true, 0.1, 1e-5).gradFn().name());
        assertEquals("NativeGroupNormBackward0", F.groupNorm(x, 3, null, null, 1e-5).gradFn().name());
        Tensor w = Torch.randn(5, 2).requiresGrad_(true);
        assertEquals("EmbeddingBackward0", F.embedding(Torch.zeros(dev.jtorch.tensor.DType.INT64, 3), w, null).gradFn().name());
    }
}
