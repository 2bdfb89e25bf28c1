package dev.jtorch.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The small-op fast path (same-dtype operands with one exact row-major layout: the result shares
 * their shape and stride arrays and the kernel is called without a task) gives the bits, shape and
 * strides of the general path, which the same values reach through a column-major layout; the
 * result has its own storage, and the operands are left as they were.
 */
class SmallOpFastPathTest {
    private static NDArray random(DType t, long seed, int... shape) {
        Generator g = new Generator().manualSeed(seed);
        return NDArray.rand(g, t, shape).sub(0.5);
    }

    /** The same values laid out column-major: the general path (layout analysis, strided rows). */
    private static NDArray columnMajor(NDArray a) {
        int d = a.dim();
        int[] perm = new int[d];
        for (int i = 0; i < d; i++) {
            perm[i] = d - 1 - i;
        }
        return a.permute(perm).contiguous().permute(perm);
    }

    private static void check(NDArray fast, NDArray general, NDArray... inputs) {
        assertArrayEquals(general.sizes(), fast.sizes());
        assertArrayEquals(NDArray.empty(fast.dtype(), fast.sizes()).stride(), fast.stride());
        assertArrayEquals(general.to(DType.FLOAT64).toDoubleArray(), fast.to(DType.FLOAT64).toDoubleArray());
        for (NDArray in : inputs) {
            assertNotSame(in.storage(), fast.storage());
        }
    }

    @Property(tries = 60)
    void matchesTheGeneralPath(@ForAll @IntRange(min = 1, max = 5) int r, @ForAll @IntRange(min = 1, max = 70) int c,
                               @ForAll @IntRange(min = 1, max = 3) int k, @ForAll boolean dbl, @ForAll @IntRange(min = 0, max = 999) int seed) {
        DType t = dbl ? DType.FLOAT64 : DType.FLOAT32;
        NDArray a = random(t, seed, r, k, c);
        NDArray b = random(t, seed + 1000, r, k, c);
        NDArray a0 = a.clone();
        BinaryOperator<NDArray>[] binary = new BinaryOperator[] {
            (BinaryOperator<NDArray>) NDArray::add, (BinaryOperator<NDArray>) NDArray::mul,
            (BinaryOperator<NDArray>) (x, y) -> x.sub(y, 0.5), (BinaryOperator<NDArray>) NDArray::div};
        for (BinaryOperator<NDArray> op : binary) {
            check(op.apply(a, b), op.apply(columnMajor(a), columnMajor(b)), a, b);
            check(op.apply(a, a), op.apply(columnMajor(a), columnMajor(a)), a);
        }
        // not sigmoid/silu: like libtorch they take glibc's exp for the last n % 32 elements of each
        // contiguous range, so their bits depend on the layout by design
        UnaryOperator<NDArray>[] unary = new UnaryOperator[] {
            (UnaryOperator<NDArray>) NDArray::exp, (UnaryOperator<NDArray>) NDArray::relu,
            (UnaryOperator<NDArray>) NDArray::neg, (UnaryOperator<NDArray>) NDArray::tanh};
        for (UnaryOperator<NDArray> op : unary) {
            check(op.apply(a), op.apply(columnMajor(a)), a);
        }
        // clone: one arraycopy for a row-major array, the strided copy otherwise; a narrowed row-major
        // view (storage offset) and a 0-d array take the fast path too
        check(a.clone(), columnMajor(a).clone(), a);
        NDArray tail = a.flatten().narrow(0, 1, r * k * c - 1);
        check(tail.clone(), tail, a);
        NDArray zeroD = a.flatten().select(0, 0);
        check(zeroD.clone(), zeroD, a);
        // an empty narrow at the end of an empty array: its offset lies past the storage
        NDArray none = NDArray.zeros(a.dtype(), 0, 3).narrow(1, 3, 0);
        assertArrayEquals(new int[] {0, 0}, none.clone().sizes());
        NDArray copy = a.clone();
        copy.fill_(7);
        assertArrayEquals(a0.toDoubleArray(), a.toDoubleArray());
        // the shared shape of a result is not affected by views of it, nor the input by the result
        NDArray out = a.add(b);
        out.unsqueeze(0).transpose(0, 1).fill_(1);
        assertArrayEquals(new int[] {r, k, c}, a.sizes());
        assertArrayEquals(a0.toDoubleArray(), a.toDoubleArray());
        assertEquals(r * k * c, out.numel());
    }
}
