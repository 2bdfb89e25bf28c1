package dev.jtorch.conformance;

import static dev.jtorch.conformance.PairedInputs.Domain.ANY;
import static dev.jtorch.conformance.PairedInputs.Domain.FINITE;
import static dev.jtorch.conformance.PairedInputs.Domain.NONZERO;
import static dev.jtorch.conformance.PairedInputs.Domain.POSITIVE;
import static dev.jtorch.tensor.DType.BOOL;
import static dev.jtorch.tensor.DType.FLOAT32;
import static dev.jtorch.tensor.DType.FLOAT64;
import static dev.jtorch.tensor.DType.INT64;

import dev.jtorch.conformance.PairedInputs.Domain;
import dev.jtorch.conformance.PairedInputs.Pair;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.ScalarOptional;
import org.bytedeco.pytorch.StringViewOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every elementwise op against libtorch 2.10 on the same random inputs: random shapes with
 * broadcasting, size-1 and empty dims, non-contiguous views (transposed, stepped, offset,
 * expanded), special values (NaN, +-inf, +-0) where PyTorch defines them, and each dtype the op
 * supports; the result dtype must be libtorch's. Tolerances, and why (see {@link Tolerance}):
 * <ul>
 * <li>exact: + - * / (alpha fused as libtorch's FMA-contracted kernel), trunc/floor division,
 *     remainder, fmod, maximum/minimum and tensor clamp (+-0 ties aside: libtorch's vector and
 *     scalar paths keep different operands), comparisons, logical ops, neg, abs, sign, relu, rounding, sqrt, rsqrt,
 *     reciprocal, square and the other special powers, clamp, leaky relu, where, masked_fill,
 *     addcmul, addcdiv, lerp, isnan/isinf/isfinite, and all int64/bool results;</li>
 * <li>exact: exp and log, float32 and float64; tanh, expm1, log1p, log2, log10 float32 (jtorch ports
 *     libtorch's Sleef expf/logf/exp/log/tanhf/expm1f/log1pf/log2f/log10f u10, {@code SleefMath});
 *     sigmoid and silu float32 (Sleef's expf in libtorch's vector body, glibc's expf in its scalar
 *     tail of {@code n % 32} elements, {@code UnaryOp.vectorBody}); {@link SleefConformanceTest}
 *     checks them over a wide range;</li>
 * <li>1 ulp (2 for float64): exp2, tan, atan2, pow, and float64 expm1, log1p, log2, log10, tanh,
 *     softplus: libtorch uses Sleef's 1-ulp functions, jtorch {@code Math}'s (float32 rounds the
 *     double result); sin/cos float32 2 ulp (Sleef's 3.5-ulp variants); sigmoid, silu float64 2 ulp;</li>
 * <li>erf float32 within 5e-7 absolute: libtorch's vectorized float erf is the Abramowitz-Stegun
 *     7.1.26 polynomial evaluated in float (absolute error up to ~4e-7, tiny arguments give 0);
 *     jtorch's is fdlibm's, within 1 ulp. float64 erf (Sleef): 1 ulp;</li>
 * <li>pow float32 with an exponent that is not a float (-1.3): libtorch's vector body (Sleef
 *     powf) rounds the exponent to float, its scalar tail and jtorch keep the double: relative
 *     {@code 2^-24 |e ln x|} plus 2 ulp;</li>
 * <li>gelu (both forms) and elu: {@code 2 ulp + c*|x|}: {@code x * (1 + erf(x/sqrt2))} and
 *     {@code x * (1 + tanh(..))} cancel for negative x, so one ulp of erf/tanh near -1 is a large
 *     relative error of the result; libtorch's contiguous float32 gelu is oneDNN's (its own erf
 *     approximation); c = 4e-7 for float32, 4e-16 for float64. elu's libtorch scalar tail computes
 *     {@code exp(x) - 1} where its vector body uses expm1: absolute error up to ulp(1).</li>
 * </ul>
 */
class ElementwiseConformanceTest {
    /** Random cases per op and dtype; {@code -Djtorch.conformance.trials=N} runs more. */
    private static final int TRIALS = Integer.getInteger("jtorch.conformance.trials", 12);
    private static final DType[] FLOATS = {FLOAT32, FLOAT64};
    private static final DType[] NUMERIC = {FLOAT32, FLOAT64, INT64};
    private static final DType[] ALL = {FLOAT32, FLOAT64, INT64, BOOL};

    /** {@code f32} ulps for float32 results (also those of int64 and bool inputs), {@code f64} for float64. */
    private static Tolerance ulps(double f32, double f64, DType t) {
        return Tolerance.ulps(t == FLOAT64 ? f64 : f32);
    }

    private static Scalar s(double v) {
        return new Scalar(v);
    }

    private static Scalar s(long v) {
        return new Scalar(v);
    }

    private static StringViewOptional mode(String m) {
        return new StringViewOptional(new BytePointer(m));
    }

    // ---------------------------------------------------------------- case runners

    /**
     * The result's memory layout is libtorch's: a new output takes its inputs' layout (TensorIterator),
     * so {@code x.t().exp()} is transposed too. Strides of size-1 dims carry no layout and are skipped.
     */
    private static void checkLayout(Tensor expected, NDArray actual, String what) {
        if (actual.numel() <= 1) {
            return;
        }
        for (int d = 0; d < actual.dim(); d++) {
            if (actual.size(d) > 1 && expected.stride(d) != actual.stride(d)) {
                org.junit.jupiter.api.Assertions.fail(what + ": strides " + Arrays.toString(actual.stride()) + ", libtorch "
                        + Arrays.toString(expected.strides().vec().get()));
            }
        }
    }

    private final List<DynamicTest> tests = new ArrayList<>();

    private void unary(String name, DType[] dtypes, Domain dom, Function<NDArray, NDArray> j, Function<Tensor, Tensor> t,
            Function<DType, Tolerance> tol) {
        for (DType dt : dtypes) {
            tests.add(DynamicTest.dynamicTest(name + " " + dt, () -> {
                Oracle.require();
                Random r = new Random((name + dt).hashCode());
                for (int trial = 0; trial < TRIALS; trial++) {
                    try (PointerScope scope = new PointerScope()) {
                        Pair x = PairedInputs.view(r, PairedInputs.shape(r), dt, dom);
                        Tensor et = t.apply(x.t);
                        NDArray actual = j.apply(x.j);
                        tol.apply(dt).check(Oracle.fromTorch(et), actual, x.j, name + " " + dt + " on " + x);
                        checkLayout(et, actual, name + " " + dt + " on " + x);
                    }
                }
            }));
        }
    }

    private void binary(String name, DType[] dtypes, Domain da, Domain db, BiFunction<NDArray, NDArray, NDArray> j,
            BiFunction<Tensor, Tensor, Tensor> t, Function<DType, Tolerance> tol) {
        for (DType dt : dtypes) {
            tests.add(DynamicTest.dynamicTest(name + " " + dt, () -> {
                Oracle.require();
                Random r = new Random((name + dt).hashCode());
                for (int trial = 0; trial < TRIALS; trial++) {
                    try (PointerScope scope = new PointerScope()) {
                        int[] shape = PairedInputs.shape(r);
                        int[] other = PairedInputs.broadcastable(r, shape);
                        boolean swap = r.nextInt(4) == 0;
                        Pair a = PairedInputs.view(r, swap ? other : shape, dt, da);
                        Pair b = PairedInputs.view(r, swap ? shape : other, dt, db);
                        Tensor et = t.apply(a.t, b.t);
                        NDArray actual = j.apply(a.j, b.j);
                        tol.apply(dt).check(Oracle.fromTorch(et), actual, null, name + " " + dt + " on " + a + " and " + b);
                        checkLayout(et, actual, name + " " + dt + " on " + a + " and " + b);
                    }
                }
            }));
        }
    }

    /** Mixed dtypes: the result dtype and values of promotion, e.g. int64 + float32. */
    private void mixed(String name, BiFunction<NDArray, NDArray, NDArray> j, BiFunction<Tensor, Tensor, Tensor> t) {
        tests.add(DynamicTest.dynamicTest(name + " mixed dtypes", () -> {
            Oracle.require();
            Random r = new Random(name.hashCode());
            for (DType da : ALL) {
                for (DType db : ALL) {
                    try (PointerScope scope = new PointerScope()) {
                        int[] shape = PairedInputs.shape(r);
                        // a 0-d operand half the time: dimensioned tensors outrank 0-d ones
                        Pair a = PairedInputs.view(r, r.nextBoolean() ? new int[0] : shape, da, NONZERO);
                        Pair b = PairedInputs.view(r, PairedInputs.broadcastable(r, shape), db, NONZERO);
                        Tensor et;
                        try {
                            et = t.apply(a.t, b.t);
                        } catch (RuntimeException e) {
                            continue; // the op rejects these dtypes; the error tests cover the messages
                        }
                        Tolerance.EXACT.check(Oracle.fromTorch(et), j.apply(a.j, b.j), null, name + " " + da + ", " + db);
                    }
                }
            }
        }));
    }

    @TestFactory
    List<DynamicTest> arithmetic() {
        Function<DType, Tolerance> exact = dt -> Tolerance.EXACT;
        binary("add", ALL, ANY, ANY, NDArray::add, torch::add, exact);
        binary("add alpha 0.3", FLOATS, ANY, ANY, (a, b) -> a.add(b, 0.3), (a, b) -> torch.add(a, b, s(0.3)), exact);
        binary("add alpha 3", NUMERIC, ANY, ANY, (a, b) -> a.add(b, 3L), (a, b) -> torch.add(a, b, s(3L)), exact);
        binary("sub", NUMERIC, ANY, ANY, NDArray::sub, torch::sub, exact);
        binary("sub alpha -1.7", FLOATS, ANY, ANY, (a, b) -> a.sub(b, -1.7), (a, b) -> torch.sub(a, b, s(-1.7)), exact);
        binary("mul", ALL, ANY, ANY, NDArray::mul, torch::mul, exact);
        binary("div", ALL, ANY, ANY, NDArray::div, torch::div, exact);
        binary("div trunc", NUMERIC, ANY, NONZERO, (a, b) -> a.div(b, "trunc"), (a, b) -> torch.div(a, b, mode("trunc")), exact);
        binary("div floor", NUMERIC, ANY, NONZERO, (a, b) -> a.div(b, "floor"), (a, b) -> torch.div(a, b, mode("floor")), exact);
        binary("remainder", NUMERIC, ANY, NONZERO, NDArray::remainder, torch::remainder, exact);
        binary("fmod", NUMERIC, ANY, NONZERO, NDArray::fmod, torch::fmod, exact);
        binary("maximum", ALL, ANY, ANY, NDArray::maximum, torch::maximum, dt -> Tolerance.EXACT.anyZeroSign());
        binary("minimum", ALL, ANY, ANY, NDArray::minimum, torch::minimum, dt -> Tolerance.EXACT.anyZeroSign());
        binary("pow", FLOATS, POSITIVE, FINITE, NDArray::pow, torch::pow, dt -> ulps(1, 2, dt));
        binary("pow int", new DType[] {INT64}, ANY, POSITIVE, NDArray::pow, torch::pow, exact);
        binary("atan2", FLOATS, ANY, ANY, NDArray::atan2, torch::atan2, dt -> ulps(1, 2, dt));
        mixed("add", NDArray::add, torch::add);
        mixed("mul", NDArray::mul, torch::mul);
        mixed("div", NDArray::div, torch::div);
        mixed("maximum", NDArray::maximum, torch::maximum);
        mixed("eq", NDArray::eq, torch::eq);
        mixed("lt", NDArray::lt, torch::lt);
        return tests;
    }

    @TestFactory
    List<DynamicTest> withPythonScalars() {
        Function<DType, Tolerance> exact = dt -> Tolerance.EXACT;
        unary("add 2.5", ALL, ANY, a -> a.add(2.5), a -> torch.add(a, s(2.5)), exact);
        unary("add 3", ALL, ANY, a -> a.add(3L), a -> torch.add(a, s(3L)), exact);
        unary("sub 0.1", NUMERIC, ANY, a -> a.sub(0.1), a -> torch.sub(a, s(0.1)), exact);
        unary("mul -3", ALL, ANY, a -> a.mul(-3L), a -> torch.mul(a, s(-3L)), exact);
        unary("mul 0.1", ALL, ANY, a -> a.mul(0.1), a -> torch.mul(a, s(0.1)), exact);
        unary("div 3.0", ALL, ANY, a -> a.div(3.0), a -> torch.div(a, s(3.0)), exact);
        unary("div 4 floor", NUMERIC, ANY, a -> a.div(4L, "floor"), a -> torch.div(a, s(4L), mode("floor")), exact);
        unary("remainder 2.5", NUMERIC, ANY, a -> a.remainder(2.5), a -> torch.remainder(a, s(2.5)), exact);
        unary("fmod -3", NUMERIC, ANY, a -> a.fmod(-3L), a -> torch.fmod(a, s(-3L)), exact);
        unary("lt 0.5", ALL, ANY, a -> a.lt(0.5), a -> torch.lt(a, s(0.5)), exact);
        unary("eq 1", ALL, ANY, a -> a.eq(1L), a -> torch.eq(a, s(1L)), exact);
        unary("ge -1.5", ALL, ANY, a -> a.ge(-1.5), a -> torch.ge(a, s(-1.5)), exact);
        for (double e : new double[] {0, 1, 0.5, -0.5, -1, 2, 3, -2}) {
            unary("pow " + e, FLOATS, ANY, a -> a.pow(e), a -> torch.pow(a, s(e)), exact);
        }
        unary("pow 2.5", FLOATS, ANY, a -> a.pow(2.5), a -> torch.pow(a, s(2.5)), dt -> ulps(1, 2, dt));
        // -1.3 is not a float: libtorch's vector body raises to (float) -1.3, its scalar tail and jtorch to the double
        unary("pow -1.3", FLOATS, POSITIVE, a -> a.pow(-1.3), a -> torch.pow(a, s(-1.3)),
                dt -> dt == FLOAT64 ? Tolerance.ulps(2) : Tolerance.ulps(2).orRelPerLogX(1.3 * 0x1p-24));
        for (long e : new long[] {0, 1, 2, 3, 5}) {
            // floats: exponent 5 has no special kernel, it is std::pow / Sleef pow
            unary("pow int " + e, ALL, ANY, a -> a.pow(e), a -> torch.pow(a, s(e)), dt -> e == 5 ? ulps(1, 2, dt) : Tolerance.EXACT);
        }
        unary("pow 0.5 of int", new DType[] {INT64}, POSITIVE, a -> a.pow(0.5), a -> torch.pow(a, s(0.5)), exact);
        unary("square", ALL, ANY, NDArray::square, torch::square, exact);
        unary("2.5 ** x", ALL, FINITE, a -> NDArray.pow(2.5, a), a -> torch.pow(s(2.5), a), dt -> ulps(1, 2, dt));
        unary("3 ** x", ALL, FINITE, a -> NDArray.pow(3, a.clamp(-5, 5)), a -> torch.pow(s(3L), torch.clamp(a,
                new ScalarOptional(s(-5L)), new ScalarOptional(s(5L)))), dt -> ulps(1, 2, dt));
        unary("1 ** x", ALL, ANY, a -> NDArray.pow(1.0, a), a -> torch.pow(s(1.0), a), exact);
        return tests;
    }

    @TestFactory
    List<DynamicTest> unaryMath() {
        Function<DType, Tolerance> exact = dt -> Tolerance.EXACT;
        unary("neg", NUMERIC, ANY, NDArray::neg, torch::neg, exact);
        unary("abs", NUMERIC, ANY, NDArray::abs, torch::abs, exact);
        unary("sign", ALL, ANY, NDArray::sign, torch::sign, exact);
        unary("floor", NUMERIC, ANY, NDArray::floor, torch::floor, exact);
        unary("ceil", NUMERIC, ANY, NDArray::ceil, torch::ceil, exact);
        unary("trunc", NUMERIC, ANY, NDArray::trunc, torch::trunc, exact);
        unary("round", NUMERIC, ANY, NDArray::round, torch::round, exact);
        for (int d : new int[] {1, 2, -1}) {
            unary("round decimals " + d, FLOATS, ANY, a -> a.round(d), a -> torch.round(a, d), exact);
        }
        unary("sqrt", ALL, POSITIVE, NDArray::sqrt, torch::sqrt, exact);
        unary("rsqrt", ALL, POSITIVE, NDArray::rsqrt, torch::rsqrt, exact);
        unary("reciprocal", ALL, ANY, NDArray::reciprocal, torch::reciprocal, exact);
        unary("exp", ALL, ANY, NDArray::exp, torch::exp, dt -> Tolerance.EXACT);
        unary("exp2", ALL, ANY, NDArray::exp2, torch::exp2, dt -> ulps(1, 2, dt));
        unary("expm1", ALL, ANY, NDArray::expm1, torch::expm1, dt -> dt == FLOAT64 ? Tolerance.ulps(2) : Tolerance.EXACT);
        unary("log", ALL, POSITIVE, NDArray::log, torch::log, dt -> Tolerance.EXACT);
        unary("log2", ALL, POSITIVE, NDArray::log2, torch::log2, dt -> dt == FLOAT64 ? Tolerance.ulps(2) : Tolerance.EXACT);
        unary("log10", ALL, POSITIVE, NDArray::log10, torch::log10, dt -> dt == FLOAT64 ? Tolerance.ulps(2) : Tolerance.EXACT);
        unary("log1p", ALL, POSITIVE, NDArray::log1p, torch::log1p, dt -> dt == FLOAT64 ? Tolerance.ulps(2) : Tolerance.EXACT);
        unary("sin", ALL, ANY, NDArray::sin, torch::sin, dt -> ulps(2, 2, dt));
        unary("cos", ALL, ANY, NDArray::cos, torch::cos, dt -> ulps(2, 2, dt));
        unary("tan", ALL, ANY, NDArray::tan, torch::tan, dt -> ulps(1, 2, dt));
        unary("tanh", ALL, ANY, NDArray::tanh, torch::tanh, dt -> dt == FLOAT64 ? Tolerance.ulps(2) : Tolerance.EXACT);
        unary("erf", ALL, ANY, NDArray::erf, torch::erf, dt -> dt == FLOAT64 ? Tolerance.ulps(1) : Tolerance.ulps(1).orAbs(5e-7));
        unary("isnan", ALL, ANY, NDArray::isnan, torch::isnan, exact);
        unary("isinf", ALL, ANY, NDArray::isinf, torch::isinf, exact);
        unary("isfinite", ALL, ANY, NDArray::isfinite, torch::isfinite, exact);
        unary("logical_not", ALL, ANY, NDArray::logicalNot, torch::logical_not, exact);
        return tests;
    }

    @TestFactory
    List<DynamicTest> activations() {
        Function<DType, Tolerance> exact = dt -> Tolerance.EXACT;
        Function<DType, Tolerance> cancels = dt -> ulps(2, 2, dt).orAbsPerX(dt == FLOAT32 ? 4e-7 : 4e-16);
        unary("relu", NUMERIC, ANY, NDArray::relu, torch::relu, exact);
        unary("sigmoid", ALL, ANY, NDArray::sigmoid, torch::sigmoid, dt -> dt == FLOAT64 ? Tolerance.ulps(2) : Tolerance.EXACT);
        unary("silu", FLOATS, ANY, NDArray::silu, torch::silu, dt -> dt == FLOAT64 ? Tolerance.ulps(2) : Tolerance.EXACT);
        // +inf: libtorch's contiguous float32 gelu (oneDNN) gives NaN, its scalar path +inf
        unary("gelu", FLOATS, FINITE, NDArray::gelu, torch::gelu, cancels);
        unary("gelu tanh", FLOATS, FINITE, a -> a.gelu("tanh"), a -> torch.gelu(a, "tanh"), cancels);
        unary("softplus", FLOATS, ANY, NDArray::softplus, torch::softplus, dt -> ulps(2, 2, dt));
        unary("softplus 2 1", FLOATS, ANY, a -> a.softplus(2, 1), a -> torch.softplus(a, s(2.0), s(1.0)), dt -> ulps(2, 2, dt));
        unary("leaky_relu", FLOATS, ANY, a -> a.leakyRelu(0.2), a -> torch.leaky_relu(a, s(0.2)), exact);
        unary("elu", FLOATS, ANY, a -> a.elu(0.5), a -> torch.elu(a, s(0.5), s(1.0), s(1.0)),
                dt -> ulps(2, 2, dt).orAbs(dt == FLOAT32 ? Math.ulp(1f) : Math.ulp(1d)));
        unary("clamp -1 2", ALL, ANY, a -> a.clamp(-1, 2), a -> torch.clamp(a, new ScalarOptional(s(-1L)),
                new ScalarOptional(s(2L))), exact);
        unary("clamp 0.5 none", ALL, ANY, a -> a.clamp(0.5, null), a -> torch.clamp(a, new ScalarOptional(s(0.5)),
                new ScalarOptional()), exact);
        unary("clamp none -0.5", NUMERIC, ANY, a -> a.clamp(null, -0.5), a -> torch.clamp(a, new ScalarOptional(),
                new ScalarOptional(s(-0.5))), exact);
        unary("clamp 1 0", NUMERIC, ANY, a -> a.clamp(1, 0), a -> torch.clamp(a, new ScalarOptional(s(1L)),
                new ScalarOptional(s(0L))), exact);
        unary("clamp nan 1", FLOATS, ANY, a -> a.clamp(Double.NaN, 1.0), a -> torch.clamp(a, new ScalarOptional(s(Double.NaN)),
                new ScalarOptional(s(1.0))), exact);
        unary("clamp nan none", FLOATS, ANY, a -> a.clamp(Double.NaN, null), a -> torch.clamp(a,
                new ScalarOptional(s(Double.NaN)), new ScalarOptional()), exact);
        unary("clamp_min nan", FLOATS, ANY, a -> a.clampMin(Double.NaN), a -> torch.clamp_min(a, s(Double.NaN)), exact);
        unary("clamp_max 0", NUMERIC, ANY, a -> a.clampMax(0), a -> torch.clamp_max(a, s(0L)), exact);
        binary("clamp tensor", NUMERIC, ANY, ANY, (a, b) -> a.clamp(b, b.add(1L)),
                (a, b) -> torch.clamp(a, new org.bytedeco.pytorch.TensorOptional(b),
                        new org.bytedeco.pytorch.TensorOptional(torch.add(b, s(1L)))), dt -> Tolerance.EXACT.anyZeroSign());
        return tests;
    }

    @TestFactory
    List<DynamicTest> comparisonsAndSelection() {
        Function<DType, Tolerance> exact = dt -> Tolerance.EXACT;
        binary("eq", ALL, ANY, ANY, NDArray::eq, torch::eq, exact);
        binary("ne", ALL, ANY, ANY, NDArray::ne, torch::ne, exact);
        binary("lt", ALL, ANY, ANY, NDArray::lt, torch::lt, exact);
        binary("le", ALL, ANY, ANY, NDArray::le, torch::le, exact);
        binary("gt", ALL, ANY, ANY, NDArray::gt, torch::gt, exact);
        binary("ge", ALL, ANY, ANY, NDArray::ge, torch::ge, exact);
        binary("logical_and", ALL, ANY, ANY, NDArray::logicalAnd, torch::logical_and, exact);
        binary("logical_or", ALL, ANY, ANY, NDArray::logicalOr, torch::logical_or, exact);
        binary("logical_xor", ALL, ANY, ANY, NDArray::logicalXor, torch::logical_xor, exact);
        binary("where", ALL, ANY, ANY, (a, b) -> NDArray.where(a.gt(b), a, b), (a, b) -> torch.where(torch.gt(a, b), a, b), exact);
        binary("where scalar", ALL, ANY, ANY, (a, b) -> NDArray.where(a.ge(b), 2.5, b),
                (a, b) -> torch.where(torch.ge(a, b), s(2.5), b), exact);
        unary("where two ints", ALL, ANY, a -> NDArray.where(a.ne(0L), 1, -1),
                a -> torch.where(torch.ne(a, s(0L)), s(1L), s(-1L)), exact);
        binary("masked_fill", ALL, ANY, ANY, (a, b) -> a.maskedFill(b.lt(0.5), -7.5),
                (a, b) -> a.masked_fill(torch.lt(b, s(0.5)), s(-7.5)), exact);
        return tests;
    }
    /** Three operands broadcasting together (self, tensor1/end, tensor2/weight). */
    private interface Ternary<T> {
        T apply(T a, T b, T c);
    }

    private void ternary(String name, DType[] dtypes, Domain dc, Ternary<NDArray> j, Ternary<Tensor> t,
            Function<DType, Tolerance> tol) {
        for (DType dt : dtypes) {
            tests.add(DynamicTest.dynamicTest(name + " " + dt, () -> {
                Oracle.require();
                Random r = new Random((name + dt).hashCode());
                for (int trial = 0; trial < TRIALS; trial++) {
                    try (PointerScope scope = new PointerScope()) {
                        int[] shape = PairedInputs.shape(r);
                        Pair a = PairedInputs.view(r, shape, dt, ANY);
                        Pair b = PairedInputs.view(r, PairedInputs.broadcastable(r, shape), dt, ANY);
                        Pair c = PairedInputs.view(r, PairedInputs.broadcastable(r, shape), dt, dc);
                        NDArray expected = Oracle.fromTorch(t.apply(a.t, b.t, c.t));
                        tol.apply(dt).check(expected, j.apply(a.j, b.j, c.j), null, name + " " + dt + " on " + a + ", " + b + ", " + c);
                    }
                }
            }));
        }
    }

    /**
     * An in-place op on a view (transposed, stepped or contiguous) of a base array, with a
     * broadcast second operand of dtype {@code other}; the whole base is compared afterwards.
     */
    private void inPlace(String name, DType self, DType other, Domain ds, Domain dob, BiConsumer<NDArray, NDArray> j,
            BiConsumer<Tensor, Tensor> t, Tolerance tol) {
        tests.add(DynamicTest.dynamicTest(name + " " + self + " with " + other, () -> {
            Oracle.require();
            Random r = new Random((name + self + other).hashCode());
            for (int trial = 0; trial < TRIALS; trial++) {
                try (PointerScope scope = new PointerScope()) {
                    int[] shape = PairedInputs.shape(r);
                    Pair[] baseAndView = PairedInputs.writableView(r, shape, self, ds);
                    Pair b = PairedInputs.view(r, PairedInputs.broadcastable(r, shape), other, dob);
                    t.accept(baseAndView[1].t, b.t);
                    j.accept(baseAndView[1].j, b.j);
                    tol.check(Oracle.fromTorch(baseAndView[0].t), baseAndView[0].j, null, name + " on " + baseAndView[1] + " with " + b);
                }
            }
        }));
    }

    @TestFactory
    List<DynamicTest> optimizerPrimitives() {
        Function<DType, Tolerance> exact = dt -> Tolerance.EXACT;
        ternary("addcmul 0.3", NUMERIC, ANY, (a, b, c) -> a.addcmul(b, c, 0.3), (a, b, c) -> torch.addcmul(a, b, c, s(0.3)), exact);
        ternary("addcmul 2", NUMERIC, ANY, (a, b, c) -> a.addcmul(b, c, 2), (a, b, c) -> torch.addcmul(a, b, c, s(2L)), exact);
        ternary("addcdiv -0.001", FLOATS, ANY, (a, b, c) -> a.addcdiv(b, c, -0.001),
                (a, b, c) -> torch.addcdiv(a, b, c, s(-0.001)), exact);
        ternary("lerp tensor weight", FLOATS, Domain.WEIGHT, NDArray::lerp, (a, b, c) -> torch.lerp(a, b, c), exact);
        for (double w : new double[] {0.1, 0.5, 0.9, -0.3, 1.7}) {
            binary("lerp " + w, FLOATS, ANY, ANY, (a, b) -> a.lerp(b, w), (a, b) -> torch.lerp(a, b, s(w)), exact);
        }
        Tolerance ex = Tolerance.EXACT;
        for (DType dt : FLOATS) {
            inPlace("add_ alpha -0.01", dt, dt, ANY, ANY, (a, b) -> a.add_(b, -0.01), (a, b) -> a.add_(b, s(-0.01)), ex);
            inPlace("addcmul_ 0.001", dt, dt, ANY, ANY, (a, b) -> a.addcmul_(b, b, 0.001), (a, b) -> a.addcmul_(b, b, s(0.001)), ex);
            inPlace("addcdiv_ -0.01", dt, dt, ANY, ANY, (a, b) -> a.addcdiv_(b, b.abs().add(0.5), -0.01),
                    (a, b) -> a.addcdiv_(b, torch.add(torch.abs(b), s(0.5)), s(-0.01)), ex);
            inPlace("lerp_ 0.1", dt, dt, ANY, ANY, (a, b) -> a.lerp_(b, 0.1), (a, b) -> a.lerp_(b, s(0.1)), ex);
            inPlace("lerp_ 0.999", dt, dt, ANY, ANY, (a, b) -> a.lerp_(b, 0.999), (a, b) -> a.lerp_(b, s(0.999)), ex);
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> inPlaceOps() {
        Tolerance ex = Tolerance.EXACT;
        inPlace("add_", FLOAT32, FLOAT64, ANY, ANY, NDArray::add_, Tensor::add_, ex);
        inPlace("add_", INT64, BOOL, ANY, ANY, NDArray::add_, Tensor::add_, ex);
        inPlace("sub_", INT64, INT64, ANY, ANY, (a, b) -> a.sub_(b, 3L), (a, b) -> a.sub_(b, s(3L)), ex);
        inPlace("mul_", FLOAT64, INT64, ANY, ANY, NDArray::mul_, Tensor::mul_, ex);
        inPlace("div_", FLOAT32, FLOAT32, ANY, ANY, NDArray::div_, Tensor::div_, ex);
        inPlace("div_ floor", INT64, INT64, ANY, NONZERO, (a, b) -> a.div_(b, "floor"), (a, b) -> a.div_(b, mode("floor")), ex);
        inPlace("pow_ 2", FLOAT32, FLOAT32, ANY, ANY, (a, b) -> a.pow_(2L), (a, b) -> a.pow_(s(2L)), ex);
        inPlace("pow_ tensor", INT64, INT64, ANY, POSITIVE, NDArray::pow_, Tensor::pow_, ex);
        inPlace("masked_fill_", FLOAT32, FLOAT32, ANY, ANY, (a, b) -> a.maskedFill_(b.gt(0.0), 1.25),
                (a, b) -> a.masked_fill_(torch.gt(b, s(0.0)), s(1.25)), ex);
        inPlace("masked_fill_", INT64, FLOAT32, ANY, ANY, (a, b) -> a.maskedFill_(b.le(0.0), 7L),
                (a, b) -> a.masked_fill_(torch.le(b, s(0.0)), s(7L)), ex);
        for (DType dt : FLOATS) {
            inPlace("clamp_", dt, dt, ANY, ANY, (a, b) -> a.clamp_(-0.5, 0.5), (a, b) -> a.clamp_(new ScalarOptional(s(-0.5)),
                    new ScalarOptional(s(0.5))), ex);
            inPlace("neg_", dt, dt, ANY, ANY, (a, b) -> a.neg_(), (a, b) -> a.neg_(), ex);
            inPlace("abs_", dt, dt, ANY, ANY, (a, b) -> a.abs_(), (a, b) -> a.abs_(), ex);
            inPlace("relu_", dt, dt, ANY, ANY, (a, b) -> a.relu_(), (a, b) -> torch.relu_(a), ex);
            inPlace("sqrt_", dt, dt, POSITIVE, ANY, (a, b) -> a.sqrt_(), (a, b) -> a.sqrt_(), ex);
            inPlace("exp_", dt, dt, ANY, ANY, (a, b) -> a.exp_(), (a, b) -> a.exp_(), ulps(1, 2, dt));
            inPlace("sigmoid_", dt, dt, ANY, ANY, (a, b) -> a.sigmoid_(), (a, b) -> a.sigmoid_(), dt == FLOAT64 ? Tolerance.ulps(2) : Tolerance.EXACT);
            inPlace("tanh_", dt, dt, ANY, ANY, (a, b) -> a.tanh_(), (a, b) -> a.tanh_(), dt == FLOAT64 ? Tolerance.ulps(2) : Tolerance.EXACT);
        }
        return tests;
    }
}
