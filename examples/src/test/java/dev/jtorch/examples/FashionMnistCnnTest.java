package dev.jtorch.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.data.DataLoader;
import dev.jtorch.data.FashionMnist;
import dev.jtorch.nn.IncompatibleKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link FashionMnistCnn} on the first 256 training and test images (the shared training
 * program's options, checkpoints and resume are covered by {@link FashionMnistMlpTest}).
 */
class FashionMnistCnnTest {
    @TempDir
    Path tmp;

    @Test
    void trainsOnRealImagesAndSavesLoadableWeights() {
        FashionMnistMlpTest.assumeData();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = FashionMnistCnn.run(new String[] {"--limit", "256", "--epochs", "2", "--out", tmp.toString()}, o, e);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("Cnn( (conv1): Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1))"), printed);
        assertTrue(printed.contains("(pool): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)"),
                printed);

        List<EpochMetrics> h = Checkpoint.read(tmp, "FashionMnistCnn").history();
        assertEquals(2, h.size());
        assertTrue(h.get(1).loss() < h.get(0).loss(), "loss decreases: " + h);
        assertTrue(h.get(1).testAccuracy() > 0.2, "test accuracy at least twice chance: " + h);

        FashionMnistCnn.Cnn fresh = new FashionMnistCnn.Cnn();
        IncompatibleKeys keys = fresh.load(tmp.resolve(FashionMnistCnn.WEIGHTS));
        assertTrue(keys.missingKeys().isEmpty() && keys.unexpectedKeys().isEmpty(), keys.toString());
        var test = FashionMnistTraining.load(FashionMnist.DEFAULT_DIR, false, 256);
        assertEquals(h.get(1).testAccuracy(),
                FashionMnistTraining.evaluate(fresh, DataLoader.of(test, DataLoader.options().batchSize(100)), 256), 0.0);
        assertTrue(Files.isRegularFile(tmp.resolve(FashionMnistCnn.CHART)));
    }
}
