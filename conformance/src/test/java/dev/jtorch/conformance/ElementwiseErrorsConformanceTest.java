package dev.jtorch.conformance;

import dev.jtorch.conformance.PairedInputs.Pair;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.StringViewOptional;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Elementwise errors compared with libtorch's own messages, verbatim: the same call on both
 * sides must raise, with the text libtorch raises (its C++ backtrace cut off).
 */
class ElementwiseErrorsConformanceTest {
    private final List<DynamicTest> tests = new ArrayList<>();

    private static Scalar s(double v) {
        return new Scalar(v);
    }

    private static Scalar s(long v) {
        return new Scalar(v);
    }

    private static StringViewOptional mode(String m) {
        return new StringViewOptional(new BytePointer(m));
    }

    private void error(String name, Function<Pair[], Object> j, Function<Pair[], Object> t, Pair... in) {
        tests.add(DynamicTest.dynamicTest("error: " + name, () -> {
            Oracle.require();
            String expected = null;
            try (PointerScope scope = new PointerScope()) {
                t.apply(in);
            } catch (RuntimeException e) {
                expected = e.getMessage().split("\nException raised from")[0];
            }
            Assertions.assertNotNull(expected, name + ": libtorch raised nothing");
            String actual = null;
            try {
                j.apply(in);
            } catch (RuntimeException e) {
                actual = e.getMessage();
            }
            Assertions.assertEquals(expected, actual, name);
        }));
    }

    private static Pair pair(NDArray a) {
        return new Pair(a, Oracle.toTorch(a));
    }

    @TestFactory
    List<DynamicTest> errorMessages() {
        Oracle.require();
        Pair f = pair(NDArray.of(1.5f, -2f, 3f));
        Pair d = pair(NDArray.fromArray(new double[] {1, 2, 3}));
        Pair l = pair(NDArray.fromArray(new long[] {1, 0, 3}));
        Pair b = pair(NDArray.fromArray(new boolean[] {true, false, true}));
        Pair big = pair(NDArray.ones(2, 3));
        Pair four = pair(NDArray.ones(4));
        Pair z = pair(NDArray.zeros(4, 4));
        error("bool - bool", p -> p[0].j.sub(p[0].j), p -> torch.sub(p[0].t, p[0].t), b);
        error("bool - int", p -> p[0].j.sub(p[1].j), p -> torch.sub(p[0].t, p[1].t), b, l);
        error("float - bool", p -> p[0].j.sub(p[1].j), p -> torch.sub(p[0].t, p[1].t), f, b);
        error("bool - 1", p -> p[0].j.sub(1L), p -> torch.sub(p[0].t, s(1L)), b);
        error("-bool", p -> p[0].j.neg(), p -> torch.neg(p[0].t), b);
        error("abs bool", p -> p[0].j.abs(), p -> torch.abs(p[0].t), b);
        error("relu bool", p -> p[0].j.relu(), p -> torch.relu(p[0].t), b);
        error("floor bool", p -> p[0].j.floor(), p -> torch.floor(p[0].t), b);
        error("round decimals int", p -> p[0].j.round(1), p -> torch.round(p[0].t, 1), l);
        error("gelu int", p -> p[0].j.gelu(), p -> torch.gelu(p[0].t), l);
        error("silu int", p -> p[0].j.silu(), p -> torch.silu(p[0].t), l);
        error("softplus bool", p -> p[0].j.softplus(), p -> torch.softplus(p[0].t), b);
        error("leaky_relu int", p -> p[0].j.leakyRelu(0.1), p -> torch.leaky_relu(p[0].t, s(0.1)), l);
        error("elu int", p -> p[0].j.elu(), p -> torch.elu(p[0].t), l);
        error("int exp_", p -> p[0].j.clone().exp_(), p -> p[0].t.clone().exp_(), l);
        error("int add_ 2.5", p -> p[0].j.clone().add_(2.5), p -> p[0].t.clone().add_(s(2.5)), l);
        error("int add_ float", p -> p[0].j.clone().add_(p[1].j), p -> p[0].t.clone().add_(p[1].t), l, f);
        error("bool add_ int", p -> p[0].j.clone().add_(p[1].j), p -> p[0].t.clone().add_(p[1].t), b, l);
        error("add_ broadcast", p -> p[0].j.clone().add_(p[1].j), p -> p[0].t.clone().add_(p[1].t), f, big);
        error("add shapes", p -> p[0].j.add(p[1].j), p -> torch.add(p[0].t, p[1].t), f, four);
        error("int alpha float", p -> p[0].j.add(p[0].j, 2.5), p -> torch.add(p[0].t, p[0].t, s(2.5)), l);
        error("div mode", p -> p[0].j.div(p[0].j, "round"), p -> torch.div(p[0].t, p[0].t, mode("round")), f);
        error("div trunc bool", p -> p[0].j.div(p[0].j, "trunc"), p -> torch.div(p[0].t, p[0].t, mode("trunc")), b);
        error("int pow -1", p -> p[0].j.pow(-1L), p -> torch.pow(p[0].t, s(-1L)), l);
        error("bool pow bool", p -> p[0].j.pow(p[0].j), p -> torch.pow(p[0].t, p[0].t), b);
        error("remainder bool", p -> p[0].j.remainder(p[0].j), p -> torch.remainder(p[0].t, p[0].t), b);
        error("fmod bool", p -> p[0].j.fmod(p[0].j), p -> torch.fmod(p[0].t, p[0].t), b);
        error("int remainder 0", p -> p[0].j.remainder(0L), p -> torch.remainder(p[0].t, s(0L)), l);
        error("int floor div 0", p -> p[0].j.div(p[0].j, "floor"), p -> torch.div(p[0].t, p[0].t, mode("floor")), l);
        error("where float cond", p -> NDArray.where(p[0].j, p[0].j, p[0].j), p -> torch.where(p[0].t, p[0].t, p[0].t), f);
        error("masked_fill int mask", p -> p[0].j.maskedFill(p[1].j, 1L), p -> p[0].t.masked_fill(p[1].t, s(1L)), f, l);
        error("masked_fill 1-d value", p -> p[0].j.maskedFill(p[1].j, p[0].j), p -> p[0].t.masked_fill(p[1].t, p[0].t), f, b);
        error("masked_fill_ broadcast", p -> p[0].j.clone().maskedFill_(p[1].j, 1L),
                p -> p[0].t.clone().masked_fill_(p[1].t, s(1L)), f, pair(NDArray.fromArray(new boolean[][] {{true, false, true}})));
        error("clamp none", p -> p[0].j.clamp((Number) null, null), p -> torch.clamp(p[0].t, new ScalarOptional(), new ScalarOptional()), f);
        error("int clamp_ 0.5", p -> p[0].j.clone().clamp_(0.5, null),
                p -> p[0].t.clone().clamp_(new ScalarOptional(s(0.5)), new ScalarOptional()), l);
        error("bool clamp_min_ 0", p -> p[0].j.clone().clampMin_(0), p -> torch.clamp_min_(p[0].t.clone(), s(0L)), b);
        error("lerp end dtype", p -> p[0].j.lerp(p[1].j, 0.5), p -> torch.lerp(p[0].t, p[1].t, s(0.5)), f, d);
        error("lerp weight dtype", p -> p[0].j.lerp(p[0].j, p[1].j), p -> torch.lerp(p[0].t, p[0].t, p[1].t), f, d);
        error("lerp int", p -> p[0].j.lerp(p[0].j, 0.5), p -> torch.lerp(p[0].t, p[0].t, s(0.5)), l);
        error("lerp int tensor", p -> p[0].j.lerp(p[0].j, p[0].j), p -> torch.lerp(p[0].t, p[0].t, p[0].t), l);
        error("addcmul bool", p -> p[0].j.addcmul(p[0].j, p[0].j), p -> torch.addcmul(p[0].t, p[0].t, p[0].t), b);
        error("addcdiv int", p -> p[0].j.addcdiv(p[1].j, p[1].j), p -> torch.addcdiv(p[0].t, p[1].t, p[1].t), f, l);
        error("expanded add_", p -> p[0].j.expand(2, 3).add_(1L), p -> p[0].t.expand(2, 3).add_(s(1L)), f);
        error("partial overlap", p -> p[0].j.narrow(0, 0, 3).add_(p[0].j.narrow(0, 1, 3)),
                p -> p[0].t.narrow(0, 0, 3).add_(p[0].t.narrow(0, 1, 3)), z);
        error("transposed overlap", p -> p[0].j.add_(p[0].j.t()), p -> p[0].t.add_(p[0].t.t()), z);
        error("gelu approximate", p -> p[0].j.gelu("erf"), p -> torch.gelu(p[0].t, "erf"), f);
        return tests;
    }
}
