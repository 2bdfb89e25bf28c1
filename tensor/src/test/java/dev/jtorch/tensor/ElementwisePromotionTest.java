package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Result dtypes and values of elementwise ops under PyTorch's type promotion (checked against libtorch 2.10). */
class ElementwisePromotionTest {
    private static final NDArray F = NDArray.of(1.5f, -2f, 3f);
    private static final NDArray D = NDArray.fromArray(new double[] {1, 2, 3});
    private static final NDArray L = NDArray.fromArray(new long[] {1, 2, 3});
    private static final NDArray B = NDArray.fromArray(new boolean[] {true, false, true});

    @Test
    void binaryArithmeticPromotesByCategoryAndDimension() {
        assertEquals(DType.FLOAT32, L.add(F).dtype(), "int64 + float32");
        assertEquals(DType.FLOAT64, F.add(D).dtype(), "float32 + float64, both dimensioned");
        assertEquals(DType.FLOAT32, L.add(2.5).dtype(), "int64 + Python float");
        assertEquals(DType.INT64, L.add(2L).dtype(), "int64 + Python int");
        assertEquals(DType.BOOL, B.add(B).dtype(), "bool + bool stays bool (logical or)");
        assertArrayEquals(new boolean[] {true, false, true}, B.add(B).toBooleanArray());
        assertEquals(DType.INT64, B.add(L).dtype(), "bool + int64");
        assertEquals(DType.INT64, B.add(2L).dtype(), "bool + Python int");
        assertEquals(DType.FLOAT32, B.add(2.0).dtype(), "bool + Python float");
        assertEquals(DType.FLOAT32, F.add(NDArray.scalar(2, DType.FLOAT64)).dtype(), "0-d float64 does not win over float32 dims");
        assertEquals(DType.FLOAT64, L.add(NDArray.scalar(2, DType.FLOAT64)).dtype(), "0-d float64 wins over int64 dims");
        assertEquals(DType.FLOAT32, NDArray.scalar(2, DType.INT64).add(NDArray.scalar(2, DType.FLOAT32)).dtype(), "0-d + 0-d");
        assertEquals(DType.FLOAT32, F.mul(NDArray.scalar(3, DType.INT64)).dtype());
        assertArrayEquals(new boolean[] {true, false, true}, B.mul(B).toBooleanArray(), "bool * bool is logical and");
    }

    @Test
    void divisionIsTrueDivisionUnlessRounded() {
        NDArray a = NDArray.fromArray(new long[] {7, -7, 6});
        NDArray b = NDArray.fromArray(new long[] {2, 2, -4});
        assertEquals(DType.FLOAT32, a.div(b).dtype(), "int / int gives the default float");
        assertArrayEquals(new float[] {3.5f, -3.5f, -1.5f}, a.div(b).toFloatArray());
        assertEquals(DType.FLOAT32, a.div(2L).dtype());
        assertArrayEquals(new long[] {3, -3, -1}, a.div(b, "trunc").toLongArray());
        assertArrayEquals(new long[] {3, -4, -2}, a.div(b, "floor").toLongArray());
        assertEquals(DType.INT64, a.div(b, "floor").dtype());
        assertArrayEquals(new long[] {1, 1, -2}, a.remainder(b).toLongArray(), "Python %: sign of the divisor");
        assertArrayEquals(new long[] {1, -1, 2}, a.fmod(b).toLongArray(), "fmod: sign of the dividend");
        NDArray x = NDArray.of(5f, -5f, 5f, -5f, 7.5f, -7.5f);
        NDArray y = NDArray.of(3f, 3f, -3f, -3f, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY);
        assertArrayEquals(new float[] {1, -2, -2, 1, 0, -1}, x.div(y, "floor").toFloatArray());
        assertArrayEquals(new float[] {2, 1, -1, -2, 7.5f, Float.POSITIVE_INFINITY}, x.remainder(y).toFloatArray());
    }

    @Test
    void comparisonsComputeInThePromotedDtypeAndGiveBool() {
        // 2^24 + 1 is not a float32: in the promoted dtype (float32) it equals 2^24
        NDArray big = NDArray.fromArray(new long[] {16777217L});
        assertArrayEquals(new boolean[] {true}, big.eq(16777216.0).toBooleanArray());
        assertArrayEquals(new boolean[] {false}, big.eq(16777216L).toBooleanArray(), "int64 compare stays exact");
        assertArrayEquals(new boolean[] {true, false, false}, L.lt(1.5).toBooleanArray());
        assertEquals(DType.BOOL, F.ge(D).dtype());
        assertArrayEquals(new boolean[] {false, false, false}, NDArray.of(Float.NaN, 1f, 2f).eq(NDArray.of(Float.NaN, 2f, 1f))
                .toBooleanArray());
        assertArrayEquals(new boolean[] {true, true, true}, NDArray.of(Float.NaN, 1f, 2f).ne(NDArray.of(Float.NaN, 2f, 1f))
                .toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, true}, B.lt(NDArray.fromArray(new long[] {1, 0, 2})).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, true}, F.logicalAnd(NDArray.of(Float.NaN, 0f, 2f)).toBooleanArray(),
                "NaN is true");
        assertArrayEquals(new boolean[] {false, true, false}, B.logicalNot().toBooleanArray());
        assertArrayEquals(new boolean[] {false, false, false}, L.isnan().toBooleanArray());
        assertArrayEquals(new boolean[] {true, true, true}, B.isfinite().toBooleanArray());
    }

    @Test
    void whereAndMaskedFillPromoteLikePyTorch() {
        assertEquals(DType.FLOAT32, NDArray.where(B, F, L).dtype());
        assertEquals(DType.INT64, NDArray.where(B, 1, 2).dtype(), "two Python ints");
        assertEquals(DType.FLOAT32, NDArray.where(B, 1.0, 2).dtype());
        assertEquals(DType.FLOAT32, NDArray.where(B, L, 2.5).dtype());
        assertArrayEquals(new float[] {1, 2.5f, 3}, NDArray.where(B, L, 2.5).toFloatArray());
        assertEquals(DType.FLOAT64, NDArray.where(B, 0, D).dtype());
        NDArray m = L.maskedFill(B, 2.7);
        assertEquals(DType.INT64, m.dtype(), "masked_fill keeps self's dtype");
        assertArrayEquals(new long[] {2, 2, 2}, m.toLongArray(), "2.7 truncates to 2");
        NDArray rows = NDArray.zeros(3).maskedFill(NDArray.fromArray(new boolean[][] {{true, false, false}, {false, false, true}}), 1);
        assertArrayEquals(new int[] {2, 3}, rows.sizes(), "out of place: the broadcast shape of self and mask");
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1}, rows.toFloatArray());
    }

    @Test
    void unaryDtypeRules() {
        assertEquals(DType.FLOAT32, L.exp().dtype());
        assertEquals(DType.FLOAT32, B.sigmoid().dtype());
        assertEquals(DType.INT64, L.neg().dtype());
        assertEquals(DType.INT64, L.floor().dtype(), "rounding copies integers");
        assertEquals(DType.BOOL, B.sign().dtype());
        assertEquals(DType.INT64, B.square().dtype(), "square = pow(self, 2): bool gives int64");
        assertArrayEquals(new long[] {1, 0, 1}, B.square().toLongArray());
        assertEquals(DType.INT64, L.pow(3L).dtype());
        assertArrayEquals(new long[] {1, 8, 27}, L.pow(3L).toLongArray());
        assertEquals(DType.FLOAT32, L.pow(0.5).dtype());
        assertArrayEquals(new long[] {1, 0, 0}, L.pow(NDArray.fromArray(new long[] {-1, -1, -2})).toLongArray(),
                "integer tensor exponents below 0: 1 for base 1, else 0");
        assertEquals(DType.FLOAT32, L.clamp(0.5, null).dtype(), "clamp promotes with its bounds");
        assertEquals(DType.INT64, L.clamp(1, 2).dtype());
        assertEquals(DType.INT64, B.clamp(0, null).dtype());
        assertEquals(DType.FLOAT32, L.atan2(L).dtype());
    }

    @Test
    void alphaAndPointwiseOps() {
        assertArrayEquals(new long[] {3, 6, 9}, L.add(L, 2L).toLongArray());
        assertArrayEquals(new long[] {-1, -2, -3}, L.sub(L, 2L).toLongArray());
        NDArray a = NDArray.of(0.1f, 1e8f, -3.3f);
        NDArray b = NDArray.of(0.7f, 3f, 1.1f);
        float[] sum = a.add(b, 0.3).toFloatArray();
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.fma(b.toFloatArray()[i], 0.3f, a.toFloatArray()[i]), sum[i], 0, "fused a + alpha*b");
        }
        assertEquals(DType.INT64, L.addcmul(L, L, 0.5).dtype(), "value truncates to the integer dtype");
        assertArrayEquals(new long[] {1, 2, 3}, L.addcmul(L, L, 0.5).toLongArray());
        assertArrayEquals(new long[] {3, 10, 21}, L.addcmul(L, L, 2).toLongArray());
        assertEquals(DType.FLOAT64, F.addcmul(D, F).dtype());
        assertArrayEquals(new float[] {2.5f, -1f, 6f}, F.addcdiv(L, NDArray.of(1f, 2f, 1f)).toFloatArray());
        NDArray start = NDArray.of(1f, 2f, 3f);
        NDArray end = NDArray.of(3f, 6f, -1f);
        assertArrayEquals(new float[] {1.6f, 3.2f, 1.8f}, start.lerp(end, 0.3).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {3f, 6f, -1f}, start.lerp(end, 1.0).toFloatArray(), "w >= 0.5 is exact at the end");
    }

    @Test
    void resultsTakeTheLayoutOfTheirInputsAsInPyTorch() {
        NDArray t = NDArray.arange(0, 12, 1, DType.FLOAT32).view(3, 4).t(); // [4, 3], strides [1, 4]
        assertArrayEquals(new int[] {1, 4}, t.exp().stride(), "unary: the input's layout");
        assertArrayEquals(new int[] {1, 4}, t.add(NDArray.zeros(4, 3)).stride(), "the first operand decides");
        assertArrayEquals(new int[] {3, 1}, NDArray.zeros(4, 3).add(t).stride());
        assertArrayEquals(new int[] {1, 4}, t.mul(2L).stride());
        assertArrayEquals(new int[] {1, 4}, t.gt(0.5).stride(), "bool results too");
        assertArrayEquals(new int[] {3, 1}, t.maskedFill(t.gt(5.0), 0).stride(), "masked_fill clones contiguous");
        assertArrayEquals(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, t.add(0L).toFloatArray());
    }

    @Test
    void errorsUsePyTorchsWords() {
        assertEquals("Subtraction, the `-` operator, with two bool tensors is not supported. "
                + "Use the `^` or `logical_xor()` operator instead.", msg(() -> B.sub(B)));
        assertEquals("Subtraction, the `-` operator, with a bool tensor is not supported. "
                + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.", msg(() -> B.sub(1L)));
        assertEquals("Subtraction, the `-` operator, with a bool tensor is not supported. "
                + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.", msg(() -> F.sub(B)));
        assertEquals("Negation, the `-` operator, on a bool tensor is not supported. "
                + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.", msg(B::neg));
        assertEquals("\"abs_cpu\" not implemented for 'Bool'", msg(B::abs));
        assertEquals("Boolean inputs not supported for relu", msg(B::relu));
        assertEquals("\"floor_vml_cpu\" not implemented for 'Bool'", msg(B::floor));
        assertEquals("\"round_cpu\" not implemented for 'Long'", msg(() -> L.round(1)));
        assertEquals("\"GeluKernelImpl\" not implemented for 'Long'", msg(L::gelu));
        assertEquals("\"silu_cpu\" not implemented for 'Long'", msg(L::silu));
        assertEquals("\"leaky_relu_cpu\" not implemented for 'Bool'", msg(() -> B.leakyRelu(0.1)));
        assertEquals("approximate argument must be either none or tanh.", msg(() -> F.gelu("erf")));
        assertEquals("For integral input tensors, argument alpha must not be a floating point number.",
                msg(() -> L.add(L, 2.5)));
        assertEquals("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found 'round'",
                msg(() -> F.div(F, "round")));
        assertEquals("Integers to negative integer powers are not allowed.", msg(() -> L.pow(-1L)));
        assertEquals("\"pow\" not implemented for 'Bool'", msg(() -> B.pow(B)));
        assertEquals("\"remainder_cpu\" not implemented for 'Bool'", msg(() -> B.remainder(B)));
        assertEquals("ZeroDivisionError", assertThrows(ArithmeticException.class, () -> L.remainder(0L)).getMessage());
        assertEquals("ZeroDivisionError", assertThrows(ArithmeticException.class,
                () -> L.div(NDArray.zeros(DType.INT64, 3), "floor")).getMessage());
        assertEquals("where expected condition to be a boolean tensor, but got a tensor with dtype Float",
                msg(() -> NDArray.where(F, F, F)));
        assertEquals("masked_fill_ only supports boolean masks, but got mask with dtype long int", msg(() -> F.maskedFill(L, 1)));
        assertEquals("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with 1 dimension(s).",
                msg(() -> F.maskedFill(B, F)));
        assertEquals("torch.clamp: At least one of 'min' or 'max' must not be None", msg(() -> F.clamp((Number) null, null)));
        assertEquals("expected dtype float for `end` but got dtype double", msg(() -> F.lerp(D, 0.5)));
        assertEquals("expected dtype float for `weight` but got dtype double", msg(() -> F.lerp(F, D)));
        assertEquals("\"lerp_kernel_scalar\" not implemented for 'Long'", msg(() -> L.lerp(L, 0.5)));
        assertEquals("\"addcmul_cpu_out\" not implemented for 'Bool'", msg(() -> B.addcmul(B, B)));
        assertEquals("The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0",
                msg(() -> F.mul(NDArray.of(1f, 2f))));
        String addcdiv = msg(() -> F.addcdiv(L, L));
        assertEquals("Integer division with addcdiv is no longer supported, and in a future  release addcdiv will perform "
                + "a true division of tensor1 and tensor2. The historic addcdiv behavior can be implemented as (input + "
                + "value * torch.trunc(tensor1 / tensor2)).to(input.dtype) for integer inputs and as (input + value * "
                + "tensor1 / tensor2) for float inputs. The future addcdiv behavior is just the latter implementation: "
                + "(input + value * tensor1 / tensor2), for all dtypes.", addcdiv);
    }

    private static String msg(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }
}
