package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtorch.nn.BatchNorm1d;
import dev.jtorch.nn.BatchNorm2d;
import dev.jtorch.nn.Bilinear;
import dev.jtorch.nn.Conv1d;
import dev.jtorch.nn.Conv2d;
import dev.jtorch.nn.ConvTranspose1d;
import dev.jtorch.nn.ConvTranspose2d;
import dev.jtorch.nn.Embedding;
import dev.jtorch.nn.GroupNorm;
import dev.jtorch.nn.LayerNorm;
import dev.jtorch.nn.Linear;
import dev.jtorch.nn.Module;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.BatchNorm1dImpl;
import org.bytedeco.pytorch.BatchNorm2dImpl;
import org.bytedeco.pytorch.BatchNormOptions;
import org.bytedeco.pytorch.BilinearImpl;
import org.bytedeco.pytorch.Conv1dImpl;
import org.bytedeco.pytorch.Conv2dImpl;
import org.bytedeco.pytorch.ConvTranspose1dImpl;
import org.bytedeco.pytorch.ConvTranspose2dImpl;
import org.bytedeco.pytorch.EmbeddingImpl;
import org.bytedeco.pytorch.GroupNormImpl;
import org.bytedeco.pytorch.LayerNormImpl;
import org.bytedeco.pytorch.LinearImpl;
import org.bytedeco.pytorch.LongVector;
import org.bytedeco.pytorch.StringTensorDict;
import org.junit.jupiter.api.Test;

/**
 * {@code state_dict()} keys, their order and shapes, of each parametrised layer against libtorch's
 * C++ module of the same configuration ({@code named_parameters()} then {@code named_buffers()},
 * the order of a leaf module's {@code state_dict}).
 */
class StateDictKeysConformanceTest {
    @Test
    void layersHaveLibtorchsKeysAndShapes() {
        Oracle.require();
        try (PointerScope scope = new PointerScope()) {
            check("Linear(5, 3)", new Linear(5, 3), () -> new LinearImpl(5, 3));
            check("Bilinear(4, 5, 3)", new Bilinear(4, 5, 3), () -> new BilinearImpl(4, 5, 3));
            check("Conv2d(3, 8, 3)", new Conv2d(3, 8, 3), () -> new Conv2dImpl(3, 8, new LongPointer(new long[] {3, 3})));
            check("Conv1d(3, 8, 5)", new Conv1d(3, 8, 5), () -> new Conv1dImpl(3, 8, new LongPointer(new long[] {5})));
            check("ConvTranspose2d(4, 6, 3)", new ConvTranspose2d(4, 6, 3),
                    () -> new ConvTranspose2dImpl(4, 6, new LongPointer(new long[] {3, 3})));
            check("ConvTranspose1d(3, 5, 4)", new ConvTranspose1d(3, 5, 4),
                    () -> new ConvTranspose1dImpl(3, 5, new LongPointer(new long[] {4})));
            check("BatchNorm1d(7)", new BatchNorm1d(7), () -> new BatchNorm1dImpl(new BatchNormOptions(7)));
            check("BatchNorm2d(6)", new BatchNorm2d(6), () -> new BatchNorm2dImpl(new BatchNormOptions(6)));
            check("LayerNorm([4, 5])", new LayerNorm(4, 5), () -> new LayerNormImpl(new LongVector(4L, 5L)));
            check("GroupNorm(2, 6)", new GroupNorm(2, 6), () -> new GroupNormImpl(2, 6));
            check("Embedding(10, 3)", new Embedding(10, 3), () -> new EmbeddingImpl(10, 3));
        }
    }

    private static void check(String what, Module jt, Supplier<org.bytedeco.pytorch.Module> lt) {
        List<String> expected = new ArrayList<>();
        org.bytedeco.pytorch.Module m = lt.get();
        add(expected, m.named_parameters(true));
        add(expected, m.named_buffers(true));
        List<String> actual = new ArrayList<>();
        for (Map.Entry<String, dev.jtorch.Tensor> e : jt.stateDict().entrySet()) {
            actual.add(e.getKey() + " " + Arrays.toString(e.getValue().sizes()));
        }
        assertEquals(expected, actual, what + ": state_dict keys and shapes");
    }

    private static void add(List<String> out, StringTensorDict d) {
        for (long i = 0; i < d.size(); i++) {
            String key = d.get(i).key().getString();
            long[] sizes = d.get(i).value().sizes().vec().get();
            out.add(key + " " + Arrays.toString(Arrays.stream(sizes).mapToInt(x -> (int) x).toArray()));
        }
    }
}
