package dev.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtorch.PooledWithIndices;
import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.nn.functional.F;
import org.junit.jupiter.api.Test;

/** The pooling layers: PyTorch's reprs (ints stay ints, tuples print as tuples), defaults and forward. */
class PoolLayersTest {

    @Test
    void reprsAreVerbatimPyTorch() {
        assertEquals("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)", new MaxPool2d(2).toString());
        assertEquals("MaxPool2d(kernel_size=3, stride=2, padding=1, dilation=2, ceil_mode=True)",
                new MaxPool2d(3, 2, 1, 2, true).toString());
        assertEquals("MaxPool2d(kernel_size=(3, 2), stride=(2, 1), padding=0, dilation=1, ceil_mode=False)",
                new MaxPool2d(new int[] {3, 2}, new int[] {2, 1}).toString());
        assertEquals("MaxPool2d(kernel_size=(3, 2), stride=(3, 2), padding=(1, 0), dilation=(1, 1), ceil_mode=False)",
                new MaxPool2d(new int[] {3, 2}, null, new int[] {1, 0}, new int[] {1, 1}, false).toString());
        assertEquals("MaxPool1d(kernel_size=3, stride=3, padding=0, dilation=1, ceil_mode=False)", new MaxPool1d(3).toString());
        assertEquals("AvgPool2d(kernel_size=2, stride=2, padding=0)", new AvgPool2d(2).toString());
        assertEquals("AvgPool2d(kernel_size=3, stride=1, padding=1)", new AvgPool2d(3, 1, 1, true, false, 2).toString());
        assertEquals("AvgPool2d(kernel_size=(2, 3), stride=(2, 3), padding=0)", new AvgPool2d(new int[] {2, 3}, null).toString());
        assertEquals("AvgPool1d(kernel_size=(3,), stride=(3,), padding=(0,))", new AvgPool1d(3).toString());
        assertEquals("AvgPool1d(kernel_size=(4,), stride=(2,), padding=(1,))", new AvgPool1d(4, 2, 1, false, true).toString());
        assertEquals("AdaptiveAvgPool2d(output_size=(1, 1))", new AdaptiveAvgPool2d(1, 1).toString());
        assertEquals("AdaptiveAvgPool2d(output_size=7)", new AdaptiveAvgPool2d(7).toString());
        assertEquals("AdaptiveAvgPool1d(output_size=4)", new AdaptiveAvgPool1d(4).toString());
        assertEquals("AdaptiveMaxPool2d(output_size=(5, 7))", new AdaptiveMaxPool2d(5, 7).toString());
        assertEquals("AdaptiveMaxPool2d(output_size=3)", new AdaptiveMaxPool2d(3).toString());
    }

    @Test
    void layersForwardThroughF() {
        Torch.manualSeed(0);
        Tensor x = Torch.randn(2, 3, 9, 8).requiresGrad_(true);
        Tensor m = new MaxPool2d(3, 2, 1, 1, true).forward(x);
        assertArrayEquals(new int[] {2, 3, 5, 5}, m.sizes()); // ceil((8 + 2 - 3) / 2) + 1 = 5 wide
        assertEquals("MaxPool2DWithIndicesBackward0", m.gradFn().name());
        PooledWithIndices mi = new MaxPool2d(2).forwardWithIndices(x);
        assertArrayEquals(F.maxPool2d(x, 2).array().toFloatArray(), mi.values().array().toFloatArray());
        assertEquals("AvgPool2DBackward0", new AvgPool2d(2).forward(x).gradFn().name());
        assertEquals("MeanBackward1", new AdaptiveAvgPool2d(1).forward(x).gradFn().name());
        Tensor a = new AdaptiveAvgPool2d(4, 3).forward(x);
        assertArrayEquals(new int[] {2, 3, 4, 3}, a.sizes());
        assertEquals("AdaptiveAvgPool2DBackward0", a.gradFn().name());
        Tensor seq = Torch.randn(2, 4, 10).requiresGrad_(true);
        assertArrayEquals(new int[] {2, 4, 3}, new MaxPool1d(3).forward(seq).sizes());
        assertEquals("SqueezeBackward1", new MaxPool1d(3).forward(seq).gradFn().name());
        assertArrayEquals(new int[] {2, 4, 5}, new AvgPool1d(2).forward(seq).sizes());
        assertArrayEquals(new int[] {2, 4, 6}, new AdaptiveAvgPool1d(6).forward(seq).sizes());
        assertArrayEquals(new int[] {3, 4, 4}, new MaxPool2d(2).forward(x.select(0, 0)).sizes()); // unbatched
        Tensor am = new AdaptiveMaxPool2d(3).forward(x);
        assertArrayEquals(new int[] {2, 3, 3, 3}, am.sizes());
        assertEquals("AdaptiveMaxPool2DBackward0", am.gradFn().name());
        assertArrayEquals(am.array().toFloatArray(), new AdaptiveMaxPool2d(3).forwardWithIndices(x).values().array().toFloatArray());
    }
}
