package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jtorch.Tensor;
import dev.jtorch.data.DataLoader;
import dev.jtorch.data.Dataset;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.Generator;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * The DataLoader's shuffle order and its use of the random generators, against PyTorch 2.x's
 * Python DataLoader replayed with libtorch's primitives: {@code _base_seed = empty(int64).random_(gen)}
 * when the iterator is created, then (without a loader generator) {@code seed = empty(int64).random_()}
 * and {@code randperm(n, Generator(seed))}, or (with one) {@code randperm(n, gen)} plus one more
 * {@code randperm(n, gen)} when the sampler is used up. Both the batches and the generators' final
 * states must agree.
 */
class DataLoaderConformanceTest {
    /** A dataset whose samples are their own indices. */
    private static final Dataset<Tensor[]> INDICES = new Dataset<>() {
        @Override
        public Tensor[] get(int index) {
            return new Tensor[] {new Tensor(NDArray.scalar(index, DType.INT64))};
        }

        @Override
        public int size() {
            return 37;
        }
    };

    private static long[] order(DataLoader<Tensor[], Tensor[]> loader) {
        List<Long> out = new ArrayList<>();
        for (Tensor[] batch : loader) {
            for (long v : batch[0].toLongArray()) {
                out.add(v);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void shuffleWithTheGlobalGeneratorMatchesPyTorch() {
        Oracle.require();
        try (PointerScope s = new PointerScope()) {
            torch.manual_seed(3);
            Generator.manualSeedGlobal(3);
            DataLoader<Tensor[], Tensor[]> loader = DataLoader.of(INDICES, DataLoader.options().batchSize(5).shuffle(true));
            for (int epoch = 0; epoch < 2; epoch++) {
                GeneratorConformanceTest.empty(DType.INT64).random_(new GeneratorOptional()); // _base_seed
                long seed = GeneratorConformanceTest.empty(DType.INT64)
                        .random_(new GeneratorOptional()).item_long();
                org.bytedeco.pytorch.Generator g = torch.createCPUGenerator(seed);
                long[] expected = Oracle.fromTorch(torch.randperm(37, new GeneratorOptional(g), new TensorOptions(torch.ScalarType.Long)))
                        .toLongArray();
                assertArrayEquals(expected, order(loader), "epoch " + epoch + " order");
                assertArrayEquals(GeneratorConformanceTest.torchState(torch.getDefaultCPUGenerator()),
                        Generator.defaultGenerator().getState(), "global generator after epoch " + epoch);
            }
        }
    }

    @Test
    void shuffleWithALoaderGeneratorMatchesPyTorch() {
        Oracle.require();
        try (PointerScope s = new PointerScope()) {
            org.bytedeco.pytorch.Generator tg = torch.createCPUGenerator(11);
            Generator og = new Generator(11);
            DataLoader<Tensor[], Tensor[]> loader = DataLoader.of(INDICES,
                    DataLoader.options().batchSize(8).shuffle(true).dropLast(true).generator(og));
            for (int epoch = 0; epoch < 2; epoch++) {
                GeneratorConformanceTest.empty(DType.INT64).random_(new GeneratorOptional(tg)); // _base_seed
                long[] perm = Oracle.fromTorch(torch.randperm(37, new GeneratorOptional(tg),
                        new TensorOptions(torch.ScalarType.Long))).toLongArray();
                torch.randperm(37, new GeneratorOptional(tg), new TensorOptions(torch.ScalarType.Long)); // sampler remainder
                long[] expected = java.util.Arrays.copyOf(perm, 32); // drop_last: 4 batches of 8
                assertArrayEquals(expected, order(loader), "epoch " + epoch + " order");
                assertArrayEquals(GeneratorConformanceTest.torchState(tg), og.getState(), "loader generator after epoch " + epoch);
            }
        }
    }
}
