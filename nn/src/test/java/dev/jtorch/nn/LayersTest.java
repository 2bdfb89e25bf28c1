package dev.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.nn.functional.F;
import dev.jtorch.tensor.DType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayersTest {

    @Test
    void reprsAreVerbatimPyTorch() {
        assertEquals("Identity()", new Identity().toString());
        assertEquals("ReLU()", new ReLU().toString());
        assertEquals("SiLU()", new SiLU().toString());
        assertEquals("Tanh()", new Tanh().toString());
        assertEquals("Sigmoid()", new Sigmoid().toString());
        assertEquals("LeakyReLU(negative_slope=0.01)", new LeakyReLU().toString());
        assertEquals("ELU(alpha=1.0)", new ELU().toString());
        assertEquals("GELU(approximate='none')", new GELU().toString());
        assertEquals("GELU(approximate='tanh')", new GELU("tanh").toString());
        assertEquals("Softplus(beta=1.0, threshold=20.0)", new Softplus().toString());
        assertEquals("Softmax(dim=1)", new Softmax(1).toString());
        assertEquals("LogSoftmax(dim=-1)", new LogSoftmax(-1).toString());
        assertEquals("Flatten(start_dim=1, end_dim=-1)", new Flatten().toString());
        assertEquals("Unflatten(dim=1, unflattened_size=(2, 5))", new Unflatten(1, 2, 5).toString());
        assertEquals("Dropout(p=0.5, inplace=False)", new Dropout().toString());
        assertEquals("Dropout(p=0.1, inplace=False)", new Dropout(0.1).toString());
        assertEquals("Embedding(10, 3)", new Embedding(10, 3).toString());
        assertEquals("Embedding(10, 3, padding_idx=9)", new Embedding(10, 3, -1).toString());
        assertEquals("LayerNorm((10,), eps=1e-05, elementwise_affine=True)", new LayerNorm(10).toString());
        assertEquals("LayerNorm((4, 5), eps=1e-05, elementwise_affine=False)",
                new LayerNorm(new int[] {4, 5}, 1e-5, false, true).toString());
        assertEquals("BatchNorm1d(10, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)",
                new BatchNorm1d(10).toString());
        assertEquals("BatchNorm2d(3, eps=0.001, momentum=None, affine=False, track_running_stats=False)",
                new BatchNorm2d(3, 1e-3, null, false, false).toString());
        assertEquals("GroupNorm(2, 4, eps=1e-05, affine=True)", new GroupNorm(2, 4).toString());
        assertEquals("MSELoss()", new MSELoss().toString());
        assertEquals("L1Loss()", new L1Loss().toString());
        assertEquals("SmoothL1Loss()", new SmoothL1Loss().toString());
        assertEquals("HuberLoss()", new HuberLoss().toString());
        assertEquals("BCELoss()", new BCELoss().toString());
        assertEquals("BCEWithLogitsLoss()", new BCEWithLogitsLoss().toString());
        assertEquals("KLDivLoss()", new KLDivLoss().toString());
        assertEquals("NLLLoss()", new NLLLoss().toString());
    }

    static final class Model0 extends Module {
        final Linear fc1 = register("fc1", new Linear(4, 8));
        final BatchNorm1d bn = register("bn", new BatchNorm1d(8));
        final Dropout drop = register("drop", new Dropout(0.25));
        final LayerNorm ln = register("ln", new LayerNorm(8));
        final Embedding emb = register("emb", new Embedding(5, 8, 0));
        final Linear fc2 = register("fc2", new Linear(8, 2));

        @Override
        public Tensor forward(Tensor x) {
            return fc2.forward(ln.forward(drop.forward(F.relu(bn.forward(fc1.forward(x))))));
        }
    }

    @Test
    void stateDictKeysFollowRegistrationOrder() {
        Model0 m = new Model0();
        assertEquals(List.of("fc1.weight", "fc1.bias", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var",
                "bn.num_batches_tracked", "ln.weight", "ln.bias", "emb.weight", "fc2.weight", "fc2.bias"),
                List.copyOf(m.stateDict().keySet()));
        assertEquals(List.of("fc1.weight", "fc1.bias", "bn.weight", "bn.bias", "ln.weight", "ln.bias", "emb.weight",
                "fc2.weight", "fc2.bias"), List.copyOf(m.namedParameters().keySet()));
        assertEquals(DType.INT64, m.bn.numBatchesTracked().dtype());
        assertEquals(0, m.bn.numBatchesTracked().dim());
        assertEquals("Model0(\n"
                + "  (fc1): Linear(in_features=4, out_features=8, bias=True)\n"
                + "  (bn): BatchNorm1d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n"
                + "  (drop): Dropout(p=0.25, inplace=False)\n"
                + "  (ln): LayerNorm((8,), eps=1e-05, elementwise_affine=True)\n"
                + "  (emb): Embedding(5, 8, padding_idx=0)\n"
                + "  (fc2): Linear(in_features=8, out_features=2, bias=True)\n"
                + ")", m.toString());
        BatchNorm1d noStats = new BatchNorm1d(3, 1e-5, 0.1, true, false);
        assertEquals(List.of("weight", "bias"), List.copyOf(noStats.stateDict().keySet()));
    }

    @Test
    void dropoutTrainAndEval() {
        Torch.manualSeed(0);
        Dropout d = new Dropout(0.5);
        Tensor x = Torch.ones(1000);
        Tensor y = d.forward(x);
        for (double v : y.toDoubleArray()) {
            assertTrue(v == 0.0 || v == 2.0, "dropout value " + v);
        }
        double kept = y.sum().item() / 2;
        assertTrue(kept > 400 && kept < 600, "kept " + kept);
        d.eval();
        assertSame(x, d.forward(x));
        assertEquals(0.0, new Dropout(1.0).forward(Torch.ones(5)).sum().item());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5));
        assertEquals("dropout probability has to be between 0 and 1, but got 1.5", e.getMessage());
    }

    @Test
    void batchNormUpdatesRunningStatsInTrainingOnly() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor x = Torch.tensor(new float[][] {{1, 2}, {3, 6}, {5, 10}});
        Tensor y = bn.forward(x);
        // batch mean [3, 6], biased var [8/3, 32/3], unbiased [4, 16]
        assertArrayEquals(new float[] {0.3f, 0.6f}, bn.runningMean().toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {0.9f * 1 + 0.1f * 4, 0.9f * 1 + 0.1f * 16}, bn.runningVar().toFloatArray(), 1e-6f);
        assertEquals(1L, bn.numBatchesTracked().itemLong());
        float inv = (float) (1 / Math.sqrt(8.0 / 3 + 1e-5));
        assertEquals(-2 * inv, y.toFloatArray()[0], 1e-5);
        bn.eval();
        Tensor z = bn.forward(x);
        assertEquals(1L, bn.numBatchesTracked().itemLong());
        assertEquals((float) ((1 - 0.3) / Math.sqrt(1.3 + 1e-5)), z.toFloatArray()[0], 1e-5);
        bn.train();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bn.forward(Torch.ones(1, 2)));
        assertEquals("Expected more than 1 value per channel when training, got input size torch.Size([1, 2])", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> bn.forward(Torch.ones(2)));
        assertEquals("expected 2D or 3D input (got 1D input)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BatchNorm2d(2).forward(Torch.ones(2, 2, 2)));
        assertEquals("expected 4D input (got 3D input)", e.getMessage());
    }

    @Test
    void batchNormCumulativeAverageWithoutMomentum() {
        BatchNorm1d bn = new BatchNorm1d(1, 1e-5, null, true, true);
        bn.forward(Torch.tensor(new float[][] {{0}, {2}}));
        bn.forward(Torch.tensor(new float[][] {{4}, {6}}));
        // factor 1 then 1/2: mean 1 then (1 + 5) / 2
        assertEquals(3.0, bn.runningMean().item(), 1e-6);
        assertEquals(2L, bn.numBatchesTracked().itemLong());
    }

    @Test
    void embeddingPaddingRowIsZeroAndGetsNoGradient() {
        Embedding emb = new Embedding(4, 3, 1);
        assertArrayEquals(new float[3], emb.weight().select(0, 1).toFloatArray());
        Tensor idx = Torch.tensor(new long[][] {{0, 1}, {1, 3}});
        Tensor out = emb.forward(idx);
        assertArrayEquals(new int[] {2, 2, 3}, out.sizes());
        out.sum().backward();
        float[] g = emb.weight().grad().toFloatArray();
        assertArrayEquals(new float[] {1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1}, g);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Embedding(4, 3, 4));
        assertEquals("Padding_idx must be within num_embeddings", e.getMessage());
    }

    @Test
    void layerNormShapeError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LayerNorm(4).forward(Torch.ones(2, 3)));
        assertEquals("Given normalized_shape=[4], expected input with shape [*, 4], but got input of size[2, 3]",
                e.getMessage());
    }

    @Test
    void loadStateDictStrictAndNonStrict() {
        Model0 a = new Model0();
        Model0 b = new Model0();
        Map<String, Tensor> sd = new LinkedHashMap<>(a.stateDict());
        sd.remove("bn.running_var");
        sd.put("extra.weight", Torch.ones(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(sd));
        assertEquals("Error(s) in loading state_dict for Model0:\n\tMissing key(s) in state_dict: \"bn.running_var\". \n\t"
                + "Unexpected key(s) in state_dict: \"extra.weight\". ", e.getMessage());
        IncompatibleKeys keys = b.loadStateDict(sd, false);
        assertEquals(List.of("bn.running_var"), keys.missingKeys());
        assertEquals(List.of("extra.weight"), keys.unexpectedKeys());
        assertArrayEquals(a.fc1.weight().toFloatArray(), b.fc1.weight().toFloatArray());

        Model0 c = new Model0();
        float[] before = c.fc1.weight().toFloatArray();
        Map<String, Tensor> bad = new LinkedHashMap<>(a.stateDict());
        bad.put("bn.running_mean", Torch.zeros(7));
        e = assertThrows(IllegalArgumentException.class, () -> c.loadStateDict(bad, false));
        assertEquals("Error(s) in loading state_dict for Model0:\n\tsize mismatch for bn.running_mean: copying a param with shape"
                + " torch.Size([7]) from checkpoint, the shape in current model is torch.Size([8]).", e.getMessage());
        assertArrayEquals(before, c.fc1.weight().toFloatArray());
    }

    @Test
    void saveLoadRoundTrip() throws Exception {
        Model0 a = new Model0();
        a.forward(Torch.randn(6, 4));
        Path p = Files.createTempFile("model0", ".safetensors");
        try {
            a.save(p);
            Model0 b = new Model0();
            b.load(p);
            a.stateDict().forEach((k, v) -> {
                Tensor w = b.stateDict().get(k);
                assertNotSame(v, w);
                assertEquals(v.dtype(), w.dtype(), k);
                assertArrayEquals(v.toDoubleArray(), w.toDoubleArray(), k);
            });
            assertEquals(1L, b.bn.numBatchesTracked().itemLong());
        } finally {
            Files.deleteIfExists(p);
        }
    }

    @Test
    void lossFormulasOnSmallValues() {
        Tensor x = Torch.tensor(new float[] {0.5f, 2f, -1f});
        Tensor y = Torch.tensor(new float[] {0f, 0f, 0f});
        assertEquals((0.25 + 4 + 1) / 3, new MSELoss().forward(x, y).item(), 1e-6);
        assertEquals(3.5 / 3, new L1Loss().forward(x, y).item(), 1e-6);
        assertEquals((0.125 + 1.5 + 0.5) / 3, new SmoothL1Loss().forward(x, y).item(), 1e-6);
        assertEquals((0.125 + 2 * (2 - 1) + 0.5) / 3, new HuberLoss(F.Reduction.MEAN, 2.0).forward(x, y).item(), 1e-6);
        Tensor p = Torch.tensor(new float[] {0f, 1f, 0.5f});
        Tensor t = Torch.tensor(new float[] {1f, 1f, 0f});
        assertEquals((100 + 0 + Math.log(2)) / 3, new BCELoss().forward(p, t).item(), 1e-5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> F.binaryCrossEntropy(Torch.tensor(new float[] {1.5f}), Torch.tensor(new float[] {1f}), null, F.Reduction.MEAN));
        assertEquals("all elements of input should be between 0 and 1", e.getMessage());
        double l = new BCEWithLogitsLoss().forward(Torch.tensor(new float[] {0f, 100f}), Torch.tensor(new float[] {1f, 0f})).item();
        assertEquals((Math.log(2) + 100) / 2, l, 1e-5);
        Tensor kl = new KLDivLoss("sum", false).forward(Torch.tensor(new float[] {-1f, -2f}), Torch.tensor(new float[] {0f, 0.5f}));
        assertEquals(0.5 * Math.log(0.5) + 1, kl.item(), 1e-6);
    }
}
