package dev.jtorch.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.Tensor;
import dev.jtorch.data.FashionMnist;
import dev.jtorch.nn.IncompatibleKeys;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link FashionMnistMlp} end to end on the first 512 training and test images of the
 * installed Fashion-MNIST (skipped, with the install command, when it is not installed), and checks
 * its failure modes without data.
 */
class FashionMnistMlpTest {
    @TempDir
    Path tmp;

    /** The program's exit status and what it printed. */
    record Result(int status, String out, String err) {}

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = FashionMnistMlp.run(args, o, e);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void assumeData() {
        Assumptions.assumeTrue(Files.isRegularFile(FashionMnist.DEFAULT_DIR.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed in " + FashionMnist.DEFAULT_DIR
                        + ": install it with `apt-get install -y dataset-fashion-mnist` to run this test");
    }

    @Test
    void trainsSavesChartsAndResumesExactly() throws IOException {
        assumeData();
        Path full = tmp.resolve("full");
        Result r = run("--limit", "512", "--epochs", "2", "--out", full.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("epoch 1/2: loss "), r.out());
        assertTrue(r.out().contains("epoch 2/2: loss "), r.out());
        assertFalse(r.out().contains("\r"), "no carriage returns when the output is not a terminal");

        List<EpochMetrics> h = Checkpoint.read(full, "FashionMnistMlp").history();
        assertEquals(2, h.size());
        assertTrue(h.get(1).loss() < h.get(0).loss(), "loss decreases: " + h);
        // seed 0 gives 37.5% train and 46.1% test accuracy after 16 steps; require at least twice chance (10%)
        assertTrue(h.get(1).trainAccuracy() > 0.2, "train accuracy above chance: " + h);
        assertTrue(h.get(1).testAccuracy() > 0.2, "test accuracy above chance: " + h);
        assertTrue(h.get(1).testAccuracy() > h.get(0).testAccuracy(), "test accuracy improves: " + h);

        // the weights load into a fresh model and classify like the trained one
        Path weights = full.resolve(FashionMnistMlp.WEIGHTS);
        FashionMnistMlp.Mlp fresh = new FashionMnistMlp.Mlp();
        IncompatibleKeys keys = fresh.load(weights);
        assertTrue(keys.missingKeys().isEmpty() && keys.unexpectedKeys().isEmpty(), keys.toString());
        var test = FashionMnistTraining.load(FashionMnist.DEFAULT_DIR, false, 512);
        var loader = dev.jtorch.data.DataLoader.of(test, dev.jtorch.data.DataLoader.options().batchSize(512));
        assertEquals(h.get(1).testAccuracy(), FashionMnistTraining.evaluate(fresh, loader, test.size()), 0.0);

        // the chart is a PNG with both panels
        Path png = full.resolve(FashionMnistMlp.CHART);
        byte[] magic = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, magic);
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "ImageIO decodes the chart");
        assertTrue(img.getWidth() > img.getHeight(), "two panels side by side: " + img.getWidth() + "x" + img.getHeight());

        // one epoch, then --resume to two, gives the uninterrupted run's weights bit for bit
        Path split = tmp.resolve("split");
        assertEquals(0, run("--limit", "512", "--epochs", "1", "--out", split.toString()).status());
        assertEquals(1, Checkpoint.read(split, "FashionMnistMlp").epoch());
        Result resumed = run("--limit", "512", "--epochs", "2", "--out", split.toString(), "--resume");
        assertEquals(0, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("resuming from ") && resumed.out().contains("after epoch 1"), resumed.out());
        assertFalse(resumed.out().contains("epoch 1/2: loss"), "epoch 1 is not trained again: " + resumed.out());
        assertEquals(-1L, Files.mismatch(weights, split.resolve(FashionMnistMlp.WEIGHTS)),
                "resumed weights equal the uninterrupted run's");
        assertEquals(h, Checkpoint.read(split, "FashionMnistMlp").history().stream()
                .map(m -> new EpochMetrics(m.epoch(), m.loss(), m.trainAccuracy(), m.testAccuracy(),
                        h.get(m.epoch() - 1).seconds()))
                .toList(), "same metrics, timing aside");
        FashionMnistMlp.Mlp a = new FashionMnistMlp.Mlp();
        a.load(split.resolve(FashionMnistMlp.WEIGHTS));
        for (Map.Entry<String, Tensor> e : fresh.stateDict().entrySet()) {
            assertArrayEquals(e.getValue().array().toFloatArray(), a.stateDict().get(e.getKey()).array().toFloatArray(),
                    e.getKey());
        }
        try (var files = Files.list(split)) {
            assertEquals(List.of("checkpoint-epoch2-model.safetensors", "checkpoint-epoch2-optimizer.safetensors",
                    "checkpoint.json", FashionMnistMlp.WEIGHTS, FashionMnistMlp.CHART),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "older checkpoints and temp files removed");
        }
    }

    @Test
    void missingDataGivesTheInstallHintAndStatus2() {
        Path nowhere = tmp.resolve("no-such-dir");
        Result r = run(nowhere.toString(), "--out", tmp.resolve("out").toString(), "--limit", "8");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("FashionMnistMlp: error: Fashion-MNIST not found: " + nowhere), r.err());
        assertTrue(r.err().contains("apt-get install -y dataset-fashion-mnist"), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void resumeWithoutCheckpointAndBadArgumentsGiveStatus2() {
        assumeData();
        Path empty = tmp.resolve("empty");
        Result r = run("--limit", "8", "--out", empty.toString(), "--resume");
        assertEquals(2, r.status());
        assertEquals("FashionMnistMlp: error: --resume: no checkpoint in " + empty + " (" + empty.resolve("checkpoint.json")
                + " is missing); run without --resume to start from epoch 1" + System.lineSeparator(), r.err());

        Result bad = run("--epochs", "zero");
        assertEquals(2, bad.status());
        assertEquals(FashionMnistMlp.USAGE + System.lineSeparator()
                + "FashionMnistMlp: error: argument --epochs: expected a positive integer, got 'zero'"
                + System.lineSeparator(), bad.err());
        assertEquals(2, run("--bogus").status());
        assertEquals(2, run("--out").status());
    }
}
