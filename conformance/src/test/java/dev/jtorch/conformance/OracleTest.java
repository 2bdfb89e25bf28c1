package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/** The bridge itself: values survive the round trip in every dtype, and libtorch is the real one. */
class OracleTest {
    @Test
    void roundTripsEveryDtype() {
        Oracle.require();
        try (PointerScope s = new PointerScope()) {
            NDArray f = NDArray.arange(0, 6, 1, DType.FLOAT32).view(2, 3).transpose(0, 1);
            Oracle.assertExact(f, Oracle.fromTorch(Oracle.toTorch(f)), "float32");
            NDArray d = NDArray.linspace(-1, 1, 5, DType.FLOAT64);
            Oracle.assertExact(d, Oracle.fromTorch(Oracle.toTorch(d)), "float64");
            NDArray l = NDArray.arange(-3, 3, 1);
            Oracle.assertExact(l, Oracle.fromTorch(Oracle.toTorch(l)), "int64");
            NDArray b = NDArray.fromArray(new boolean[][] {{true, false}, {false, true}});
            Oracle.assertExact(b, Oracle.fromTorch(Oracle.toTorch(b)), "bool");
            NDArray empty = NDArray.zeros(0, 3);
            Oracle.assertExact(empty, Oracle.fromTorch(Oracle.toTorch(empty)), "empty");
        }
    }

    @Test
    void libtorchIsTheReferenceBuild() {
        Oracle.require();
        try (PointerScope s = new PointerScope()) {
            torch.manual_seed(0);
            float[] expected = {0.4962566f, 0.7682218f, 0.08847743f, 0.13203049f, 0.30742282f};
            assertArrayEquals(expected, Oracle.fromTorch(torch.rand(5)).toFloatArray());
        }
    }
}
