package dev.jtorch.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.NDArray;
import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FashionMnistTest {
    @Test
    void normalizeSubtractsTheMeanThenDividesByTheStdInPlace() {
        Tensor x = new Tensor(NDArray.fromArray(new float[] {0f, 0.286f, 1f}));
        FashionMnist.normalize_(x);
        // PyTorch: (torch.tensor([0., 0.286, 1.]) - 0.2860) / 0.3530, in float32 (sub_ then div_)
        float m = (float) FashionMnist.MEAN;
        float s = (float) FashionMnist.STD;
        assertArrayEquals(new float[] {(0f - m) / s, (0.286f - m) / s, (1f - m) / s}, x.array().toFloatArray());
    }

    @Test
    void theTrainingSetStatisticsAreTheConstants() {
        Assumptions.assumeTrue(Files.isRegularFile(FashionMnist.DEFAULT_DIR.resolve("train-images-idx3-ubyte.gz")),
                "Fashion-MNIST is not installed: `apt-get install -y dataset-fashion-mnist` to run this test");
        Tensor images = FashionMnist.load(FashionMnist.DEFAULT_DIR, true).tensors()[0];
        assertEquals(60000, images.size(0));
        assertEquals(FashionMnist.MEAN, images.array().to(dev.jtorch.tensor.DType.FLOAT64).mean().item(), 5e-5);
        assertEquals(FashionMnist.STD, images.array().to(dev.jtorch.tensor.DType.FLOAT64).std().item(), 5e-5);
        assertTrue(images.array().min().item() == 0.0 && images.array().max().item() == 1.0);
    }
}
