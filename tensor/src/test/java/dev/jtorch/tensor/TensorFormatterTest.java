package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hand-checked reprs (each one is what PyTorch prints) and print option changes. */
class TensorFormatterTest {
    @AfterEach
    void restoreDefaults() {
        TensorFormatter.setPrintOptions(PrintOptions.defaults());
    }

    private static NDArray f(float... v) {
        return NDArray.wrap(v, v.length);
    }

    @Test
    void floatNotation() {
        assertEquals("tensor([1., 2.])", f(1, 2).toString());
        assertEquals("tensor(1.2060)", NDArray.scalar(1.206).toString());
        assertEquals("tensor([1.0000e-05, 1.0000e+03])", f(1e-5f, 1e3f).toString());
        assertEquals("tensor([0., 0.])", f(0, 0).toString());
        assertEquals("tensor([-0., 0.])", f(-0f, 0).toString());
        assertEquals("tensor(-0.)", NDArray.scalar(-0.0).toString());
        assertEquals("tensor([ 1.0000, -0.5000])", f(1, -0.5f).toString());
        assertEquals("tensor([0.0312, 0.0938])", f(0.03125f, 0.09375f).toString()); // half-even ties
        assertEquals("tensor([1.2344e+04, 5.0000e-01])", f(12344.5f, 0.5f).toString());
        assertEquals("tensor([1.0000e+08, 1.0000e+00])", f(1e8f + 8, 1).toString()); // int mode, max > 1e8
        assertEquals("tensor([1.2346e+08])", f(123456789f).toString());
        assertEquals("tensor([1., nan, inf])", f(1, Float.NaN, Float.POSITIVE_INFINITY).toString());
        assertEquals("tensor([nan])", f(Float.NaN).toString());
        assertEquals("tensor([1.5000,    nan,   -inf])", f(1.5f, Float.NaN, Float.NEGATIVE_INFINITY).toString());
    }

    @Test
    void integerAndBoolDtypes() {
        assertEquals("tensor([ True, False])", NDArray.wrapBool(new byte[] {1, 0}, 2).toString());
        assertEquals("tensor(True)", NDArray.wrapBool(new byte[] {1}).toString());
        assertEquals("tensor([  1, -20, 300])", NDArray.wrap(new long[] {1, -20, 300}, 3).toString());
        assertEquals("tensor(5)", NDArray.wrap(new long[] {5}).toString());
        assertEquals("tensor([   0,    1,    2,  ..., 1997, 1998, 1999])", NDArray.arange(2000).toString());
    }

    @Test
    void dtypeAndEmptySuffixes() {
        assertEquals("tensor([1., 2.], dtype=torch.float64)", NDArray.wrap(new double[] {1, 2}, 2).toString());
        assertEquals("tensor([])", NDArray.empty(0).toString());
        assertEquals("tensor([], size=(0, 3))", NDArray.empty(0, 3).toString());
        assertEquals("tensor([], dtype=torch.int64)", NDArray.empty(DType.INT64, 0).toString());
        assertEquals("tensor([], size=(0, 3), dtype=torch.bool)", NDArray.empty(DType.BOOL, 0, 3).toString());
    }

    @Test
    void nestingWrappingAndSummarization() {
        assertEquals("tensor([[1., 2.],\n        [3., 4.]])", NDArray.arange(1, 5, 1, DType.FLOAT32).view(2, 2).toString());
        assertEquals("tensor([[[ 0.,  1.,  2.,  3.],\n"
                + "         [ 4.,  5.,  6.,  7.],\n"
                + "         [ 8.,  9., 10., 11.]],\n\n"
                + "        [[12., 13., 14., 15.],\n"
                + "         [16., 17., 18., 19.],\n"
                + "         [20., 21., 22., 23.]]])",
                NDArray.arange(0, 24, 1, DType.FLOAT32).view(2, 3, 4).toString());
        float[] tenths = new float[30];
        java.util.Arrays.fill(tenths, 0.1f);
        String row = "0.1000, 0.1000, 0.1000, 0.1000, 0.1000, 0.1000, 0.1000, 0.1000, 0.1000";
        assertEquals("tensor([" + row + ",\n        " + row + ",\n        " + row + ",\n        0.1000, 0.1000, 0.1000])",
                f(tenths).toString());
        assertEquals("tensor([[1000., 1001., 1002.,  ..., 1047., 1048., 1049.],\n"
                + "        [1050., 1051., 1052.,  ..., 1097., 1098., 1099.],\n"
                + "        [1100., 1101., 1102.,  ..., 1147., 1148., 1149.],\n"
                + "        ...,\n"
                + "        [2850., 2851., 2852.,  ..., 2897., 2898., 2899.],\n"
                + "        [2900., 2901., 2902.,  ..., 2947., 2948., 2949.],\n"
                + "        [2950., 2951., 2952.,  ..., 2997., 2998., 2999.]])",
                NDArray.arange(1000, 3000, 1, DType.FLOAT32).view(40, 50).toString());
    }

    @Test
    void stridedViewsPrintLikeTheirContiguousCopy() {
        NDArray a = NDArray.arange(0, 60, 1, DType.FLOAT64).div(7).view(3, 4, 5);
        NDArray p = a.permute(2, 0, 1).slice(1, 0, 3, 2);
        assertEquals(p.contiguous().toString(), p.toString());
        NDArray e = NDArray.wrap(new long[] {3, -4}, 2, 1).expand(2, 1200);
        assertEquals(e.contiguous().toString(), e.toString());
        assertTrue(e.toString().startsWith("tensor([[ 3,  3,  3,  ...,  3,  3,  3],\n        [-4, -4, -4,  ..., -4, -4, -4]])"));
    }

    @Test
    void extraSuffixesFollowThePlacementRule() {
        NDArray x = f(1, 2);
        assertEquals("tensor([1., 2.], requires_grad=True)", TensorFormatter.format(x, List.of("requires_grad=True")));
        NDArray d = NDArray.full(1, DType.FLOAT64, 2, 2);
        assertEquals("tensor([[1., 1.],\n        [1., 1.]], dtype=torch.float64, grad_fn=<MulBackward0>)",
                TensorFormatter.format(d, List.of("grad_fn=<MulBackward0>")));
        // the line is 79 characters; 79 + 2 (PyTorch counts two extra) + 19 + 2 > 80, so a new line
        float[] nine = new float[9];
        java.util.Arrays.fill(nine, 0.5f);
        assertEquals("tensor([0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000],\n"
                + "       dtype=torch.float64)",
                TensorFormatter.format(f(nine).to(DType.FLOAT64), List.of()));
    }

    @Test
    void printOptionsChangeTheOutput() {
        NDArray x = f(1.12345f, 2);
        TensorFormatter.setPrintOptions(TensorFormatter.printOptions().precision(2));
        assertEquals("tensor([1.12, 2.00])", x.toString());
        TensorFormatter.setPrintOptions(PrintOptions.defaults().threshold(5));
        assertEquals("tensor([0, 1, 2,  ..., 7, 8, 9])", NDArray.arange(10).toString());
        TensorFormatter.setPrintOptions(PrintOptions.profile("default"));
        assertEquals("tensor([1.1235, 2.0000])", x.toString());
        assertEquals("tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])", NDArray.arange(10).toString());
        TensorFormatter.setPrintOptions(PrintOptions.defaults().sciMode(true));
        assertEquals("tensor([1.1235e+00, 2.0000e+00])", x.toString());
        assertEquals("tensor([1.0000e+00, 2.0000e+00])", f(1, 2).toString()); // int mode, width from sci strings
        TensorFormatter.setPrintOptions(PrintOptions.defaults().sciMode(false));
        assertEquals("tensor([   0.0000, 1000.0000])", f(1e-5f, 1e3f).toString()); // PyTorch 2.10 widths
        TensorFormatter.setPrintOptions(PrintOptions.profile("short"));
        assertEquals("tensor([1.12, 2.00])", x.toString());
        assertEquals("tensor([   0,    1,  ..., 1999, 2000])", NDArray.arange(2001).toString());
        TensorFormatter.setPrintOptions(PrintOptions.profile("full"));
        assertEquals(2000, NDArray.arange(2000).toString().split(",").length);
        TensorFormatter.setPrintOptions(PrintOptions.defaults().linewidth(20));
        assertEquals("tensor([1., 2., 3.,\n        4.])", f(1, 2, 3, 4).toString());
    }

    @Test
    void edgeitemsZeroFollowsPyTorch210() {
        PrintOptions zero = PrintOptions.defaults().edgeitems(0);
        assertEquals("tensor([1., 2.], size=(2,))", TensorFormatter.format(f(1, 2), List.of(), zero));
        assertEquals("tensor([...], size=(2000,))", TensorFormatter.format(NDArray.arange(2000), List.of(), zero));
        assertEquals("tensor([...], size=(40, 50), dtype=torch.float64)",
                TensorFormatter.format(NDArray.zeros(DType.FLOAT64, 40, 50), List.of(), zero));
    }

    @Test
    void optionValidationAndDescription() {
        assertEquals("{'precision': 4, 'threshold': 1000, 'edgeitems': 3, 'linewidth': 80, 'sci_mode': None}",
                PrintOptions.defaults().toString());
        assertEquals("{'precision': 4, 'threshold': inf, 'edgeitems': 3, 'linewidth': 80, 'sci_mode': None}",
                PrintOptions.profile("full").toString());
        assertEquals(PrintOptions.defaults().precision(2).edgeitems(2), PrintOptions.profile("short"));
        assertEquals("unknown print profile 'long'; expected one of 'default', 'short', 'full'",
                assertThrows(IllegalArgumentException.class, () -> PrintOptions.profile("long")).getMessage());
        assertEquals("precision must be non-negative, got -1",
                assertThrows(IllegalArgumentException.class, () -> PrintOptions.defaults().precision(-1)).getMessage());
    }

    @Test
    void formattingAThousandElementsIsFast() {
        // best single call once the JIT has compiled the formatter; stops early to keep the suite fast
        NDArray a = NDArray.arange(0, 1000, 1, DType.FLOAT32).div(7);
        long deadline = System.nanoTime() + 8_000_000_000L;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5000 && best > 300_000 && System.nanoTime() < deadline; i++) {
            long t0 = System.nanoTime();
            a.toString();
            best = Math.min(best, System.nanoTime() - t0);
        }
        assertTrue(best < 1_000_000, "best call: " + best + " ns");
    }
}
