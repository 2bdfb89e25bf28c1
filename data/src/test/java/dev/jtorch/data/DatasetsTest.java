package dev.jtorch.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.tensor.Generator;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class DatasetsTest {
    private static TensorDataset numbers(int n) {
        return new TensorDataset(Torch.arange(0, n, 1).reshape(n, 1), Torch.arange(0, n, 1));
    }

    @Test
    void tensorDatasetSubsetAndConcat() {
        TensorDataset ds = numbers(10);
        assertEquals(10, ds.size());
        assertEquals(7, ds.get(7)[1].itemLong());
        assertArrayEquals(new int[] {1}, ds.get(7)[0].sizes());
        Subset<Tensor[]> sub = new Subset<>(ds, new int[] {9, 2, -1});
        assertEquals(9, sub.get(0)[1].itemLong());
        assertEquals(9, sub.get(2)[1].itemLong());
        ConcatDataset<Tensor[]> cat = new ConcatDataset<>(List.of(ds, sub));
        assertEquals(13, cat.size());
        assertEquals(2, cat.get(11)[1].itemLong());
        assertEquals(2, cat.get(-2)[1].itemLong());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TensorDataset(Torch.zeros(3), Torch.zeros(4))).getMessage().startsWith("Size mismatch between tensors"));
    }

    @Test
    void randomSplitIsADisjointCover() {
        List<Subset<Tensor[]>> parts = Datasets.randomSplit(numbers(10), new double[] {0.5, 0.3, 0.2}, new Generator(0));
        assertEquals(List.of(5, 3, 2), parts.stream().map(Subset::size).collect(java.util.stream.Collectors.toList()));
        Set<Long> seen = new HashSet<>();
        for (Subset<Tensor[]> p : parts) {
            for (int i = 0; i < p.size(); i++) {
                seen.add(p.get(i)[1].itemLong());
            }
        }
        assertEquals(10, seen.size());
        assertEquals("Sum of input lengths does not equal the length of the input dataset!",
                assertThrows(IllegalArgumentException.class,
                        () -> Datasets.randomSplit(numbers(10), new int[] {3, 3}, new Generator(0))).getMessage());
    }

    @Test
    void loaderBatchesDropLastAndWorkersKeepOrder() {
        TensorDataset ds = numbers(10);
        DataLoader<Tensor[], Tensor[]> plain = DataLoader.of(ds, DataLoader.options().batchSize(4));
        List<int[]> shapes = new ArrayList<>();
        for (Tensor[] b : plain) {
            shapes.add(b[0].sizes());
        }
        assertEquals(3, plain.size());
        assertArrayEquals(new int[] {4, 1}, shapes.get(0));
        assertArrayEquals(new int[] {2, 1}, shapes.get(2));
        assertEquals(2, DataLoader.of(ds, DataLoader.options().batchSize(4).dropLast(true)).size());
        List<Long> serial = new ArrayList<>();
        for (Tensor[] b : DataLoader.of(ds, DataLoader.options().batchSize(3).shuffle(true).generator(new Generator(5)))) {
            for (long v : b[1].toLongArray()) {
                serial.add(v);
            }
        }
        List<Long> parallel = new ArrayList<>();
        for (Tensor[] b : DataLoader.of(ds, DataLoader.options().batchSize(3).shuffle(true).generator(new Generator(5))
                .numWorkers(2))) {
            for (long v : b[1].toLongArray()) {
                parallel.add(v);
            }
        }
        assertEquals(serial, parallel, "prefetching workers keep the sampler's order");
        assertEquals(10, new HashSet<>(serial).size());
    }

    @Test
    void realFashionMnistLoadsWhenInstalled() {
        Assumptions.assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIR),
                "Fashion-MNIST is not installed (apt-get install -y dataset-fashion-mnist); real-data check skipped");
        TensorDataset test = FashionMnist.load(FashionMnist.DEFAULT_DIR, false, 100);
        assertEquals(100, test.size());
        assertArrayEquals(new int[] {1, 28, 28}, test.get(0)[0].sizes());
        assertEquals(9, test.get(0)[1].itemLong(), "the first test image is an ankle boot");
        double max = 0;
        for (double v : test.tensors()[0].toDoubleArray()) {
            max = Math.max(max, v);
        }
        assertEquals(1.0, max, 1e-6);
    }
}
