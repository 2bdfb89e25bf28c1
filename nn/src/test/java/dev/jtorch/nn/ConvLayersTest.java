package dev.jtorch.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.tensor.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conv1d, Conv2d, ConvTranspose1d, ConvTranspose2d: PyTorch's defaults, shapes, reprs, constructor errors and padding modes. */
class ConvLayersTest {

    @Test
    void reprsAreVerbatimPyTorch() {
        assertEquals("Conv2d(1, 32, kernel_size=(3, 3), stride=(1, 1))", new Conv2d(1, 32, 3).toString());
        assertEquals("Conv2d(4, 8, kernel_size=(2, 3), stride=(2, 1), padding=(1, 1), dilation=(2, 2), groups=2, "
                + "bias=False, padding_mode=reflect)", new Conv2d(4, 8, new int[] {2, 3},
                Conv2d.options().stride(2, 1).padding(1).dilation(2).groups(2).bias(false).paddingMode("reflect")).toString());
        assertEquals("Conv2d(3, 3, kernel_size=(3, 3), stride=(1, 1), padding=same)",
                new Conv2d(3, 3, 3, Conv2d.options().padding("same")).toString());
        assertEquals("Conv1d(2, 4, kernel_size=(5,), stride=(1,))", new Conv1d(2, 4, 5).toString());
        assertEquals("ConvTranspose2d(4, 6, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), output_padding=(1, 1))",
                new ConvTranspose2d(4, 6, 3, ConvTranspose2d.options().stride(2).padding(1).outputPadding(1)).toString());
        assertEquals("ConvTranspose1d(4, 6, kernel_size=(3,), stride=(2,), output_padding=(1,), groups=2, bias=False)",
                new ConvTranspose1d(4, 6, 3, ConvTranspose1d.options().stride(2).outputPadding(1).groups(2).bias(false))
                        .toString());
    }

    @Test
    void parametersAndOutputShapes() {
        Conv2d c = new Conv2d(6, 4, new int[] {2, 3}, Conv2d.options().groups(2).bias(false));
        assertArrayEquals(new int[] {4, 3, 2, 3}, c.weight().sizes());
        assertNull(c.bias());
        assertEquals(List.of("weight"), List.copyOf(c.stateDict().keySet()));
        assertArrayEquals(new int[] {5, 4, 6, 5}, c.forward(Torch.zeros(5, 6, 7, 7)).sizes());
        assertArrayEquals(new int[] {4, 6, 5}, c.forward(Torch.zeros(6, 7, 7)).sizes());
        ConvTranspose2d t = new ConvTranspose2d(4, 6, 3, ConvTranspose2d.options().stride(2).padding(1).outputPadding(1).groups(2));
        assertArrayEquals(new int[] {4, 3, 3, 3}, t.weight().sizes());
        assertArrayEquals(new int[] {6}, t.bias().sizes());
        assertArrayEquals(new int[] {2, 6, 10, 10}, t.forward(Torch.zeros(2, 4, 5, 5)).sizes());
        ConvTranspose1d t1 = new ConvTranspose1d(4, 6, 3, ConvTranspose1d.options().stride(2).padding(1).outputPadding(1).groups(2));
        assertArrayEquals(new int[] {4, 3, 3}, t1.weight().sizes());
        assertArrayEquals(new int[] {2, 6, 10}, t1.forward(Torch.zeros(2, 4, 5)).sizes());
        assertArrayEquals(new int[] {6, 10}, t1.forward(Torch.zeros(4, 5)).sizes());
        Conv1d one = new Conv1d(2, 3, 3, Conv1d.options().padding("same").dilation(2));
        assertArrayEquals(new int[] {1, 3, 9}, one.forward(Torch.zeros(1, 2, 9)).sizes());
        assertEquals("ConvolutionBackward0",
                new Conv2d(1, 2, 3).forward(Torch.zeros(1, 1, 4, 4)).gradFn().name());
    }

    @Test
    void constructorErrorsInPyTorchsWords() {
        assertEquals("groups must be a positive integer", assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(2, 2, 3, Conv2d.options().groups(0))).getMessage());
        assertEquals("in_channels must be divisible by groups", assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(3, 2, 3, Conv2d.options().groups(2))).getMessage());
        assertEquals("out_channels must be divisible by groups", assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(2, 3, 3, Conv2d.options().groups(2))).getMessage());
        assertEquals("Invalid padding string 'full', should be one of {'valid', 'same'}",
                assertThrows(IllegalArgumentException.class, () -> new Conv2d(2, 3, 3, Conv2d.options().padding("full")))
                        .getMessage());
        assertEquals("padding='same' is not supported for strided convolutions", assertThrows(IllegalArgumentException.class,
                () -> new Conv1d(2, 3, 3, Conv1d.options().padding("same").stride(2))).getMessage());
        assertEquals("padding_mode must be one of {'zeros', 'reflect', 'replicate', 'circular'}, but got "
                + "padding_mode='mirror'", assertThrows(IllegalArgumentException.class,
                () -> new Conv2d(2, 3, 3, Conv2d.options().paddingMode("mirror"))).getMessage());
        assertEquals("Only \"zeros\" padding mode is supported for ConvTranspose2d", assertThrows(IllegalArgumentException.class,
                () -> new ConvTranspose2d(2, 3, 3, ConvTranspose2d.options().paddingMode("circular"))).getMessage());
        assertEquals("Only \"zeros\" padding mode is supported for ConvTranspose1d", assertThrows(IllegalArgumentException.class,
                () -> new ConvTranspose1d(2, 3, 3, ConvTranspose1d.options().paddingMode("reflect"))).getMessage());
    }

    /** Padding modes gather these source columns of a row [a b c d] for padding 2 on each side. */
    @Test
    void paddingModesReadTheRightPositions() {
        Tensor row = new Tensor(NDArray.wrap(new float[] {10, 11, 12, 13}, 1, 1, 1, 4));
        float[][] expected = {
            {12, 11, 10, 11, 12, 13, 12, 11}, // reflect
            {10, 10, 10, 11, 12, 13, 13, 13}, // replicate
            {12, 13, 10, 11, 12, 13, 10, 11}, // circular
        };
        String[] modes = {"reflect", "replicate", "circular"};
        for (int m = 0; m < modes.length; m++) {
            Tensor padded = ConvPadding.pad(row, new int[] {0, 2}, new int[] {0, 2}, modes[m]);
            assertArrayEquals(expected[m], padded.array().toFloatArray(), modes[m]);
        }
    }
}
