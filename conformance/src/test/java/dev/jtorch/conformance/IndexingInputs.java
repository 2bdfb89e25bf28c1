package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;

/**
 * Random inputs for the indexing/joining conformance tests: shapes of rank 0-4 with empty dims,
 * every dtype, and random layouts (contiguous, permuted, stepped, offset, stride-0 expanded) so
 * the strided paths are exercised. The same values go to libtorch (as contiguous copies).
 * {@link #check} compares results exactly, or, where libtorch raises, the error messages.
 */
final class IndexingInputs {
    static final DType[] DTYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.BOOL};

    final Random rnd;

    IndexingInputs(long seed) {
        rnd = new Random(seed);
    }

    DType dtype() {
        return DTYPES[rnd.nextInt(DTYPES.length)];
    }

    /** Sizes in {@code [0, maxSize]}; a size is 0 with probability about 1/8. */
    int[] shape(int minRank, int maxRank, int maxSize) {
        int[] s = new int[minRank + rnd.nextInt(maxRank - minRank + 1)];
        for (int i = 0; i < s.length; i++) {
            s[i] = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(maxSize);
        }
        return s;
    }

    /** A contiguous array of random values: floats normal, int64 in [-9, 9], bools fair. */
    NDArray values(DType t, int... shape) {
        NDArray a = NDArray.empty(t, shape);
        int n = a.numel();
        int[] idx = new int[shape.length];
        for (int k = 0; k < n; k++) {
            int rem = k;
            for (int d = shape.length - 1; d >= 0; d--) {
                idx[d] = rem % shape[d];
                rem /= shape[d];
            }
            a.set(value(t), idx);
        }
        return a;
    }

    private double value(DType t) {
        switch (t) {
            case FLOAT32: return (float) rnd.nextGaussian();
            case FLOAT64: return rnd.nextGaussian();
            case INT64: return rnd.nextInt(19) - 9;
            default: return rnd.nextBoolean() ? 1 : 0;
        }
    }

    /** Random values in a random layout; {@code readOnly} also allows stride-0 expanded views. */
    NDArray view(DType t, int[] shape, boolean readOnly) {
        int r = shape.length;
        int kind = rnd.nextInt(readOnly ? 5 : 4);
        if (r == 0 || kind == 0) {
            return values(t, shape);
        }
        int d = rnd.nextInt(r);
        switch (kind) {
            case 1: { // permuted: a contiguous base in another dim order, permuted back
                int[] perm = permutation(r);
                int[] baseShape = new int[r];
                for (int i = 0; i < r; i++) {
                    baseShape[i] = shape[perm[i]];
                }
                int[] inverse = new int[r];
                for (int i = 0; i < r; i++) {
                    inverse[perm[i]] = i;
                }
                return values(t, baseShape).permute(inverse);
            }
            case 2: { // stepped: every other element along d
                int[] base = shape.clone();
                base[d] = 2 * shape[d];
                return values(t, base).slice(d, 0, base[d], 2);
            }
            case 3: { // offset: a narrow that starts at 1
                int[] base = shape.clone();
                base[d] = shape[d] + 1;
                return values(t, base).narrow(d, 1, shape[d]);
            }
            default: { // expanded: stride 0 along d
                int[] base = shape.clone();
                base[d] = 1;
                return values(t, base).expand(shape);
            }
        }
    }

    /** An int64 array of {@code shape} with values in {@code [lo, hi)} (hi > lo unless the array is empty). */
    NDArray index(int[] shape, long lo, long hi) {
        NDArray a = NDArray.empty(DType.INT64, shape);
        long[] v = new long[a.numel()];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (long) (rnd.nextDouble() * (hi - lo));
        }
        NDArray c = NDArray.wrap(v, shape);
        return rnd.nextInt(3) == 0 && shape.length > 0 ? relayout(c) : c;
    }

    /** The same values in a permuted-storage layout. */
    private NDArray relayout(NDArray c) {
        int r = c.dim();
        int[] perm = permutation(r);
        int[] inverse = new int[r];
        for (int i = 0; i < r; i++) {
            inverse[perm[i]] = i;
        }
        return c.permute(perm).contiguous().permute(inverse);
    }

    int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    static String describe(NDArray a) {
        return a.dtype() + Arrays.toString(a.sizes()) + " strides " + Arrays.toString(a.stride());
    }

    static Tensor torchOf(NDArray a) {
        return Oracle.toTorch(a);
    }

    static TensorVector torchList(List<NDArray> list) {
        Tensor[] ts = new Tensor[list.size()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = Oracle.toTorch(list.get(i));
        }
        return new TensorVector(ts);
    }

    static long[] longs(int[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    /** libtorch's message without the C++ "Exception raised from" trailer. */
    static String torchMessage(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int i = m.indexOf("\nException raised from");
        return i >= 0 ? m.substring(0, i) : m;
    }

    /** Exact equality, or the same error message when libtorch raises. */
    static void check(Supplier<Tensor> torchOp, Supplier<NDArray> jtorchOp, String what) {
        Tensor expected;
        try {
            expected = torchOp.get();
        } catch (RuntimeException e) {
            expectSameError(torchMessage(e), jtorchOp, what);
            return;
        }
        NDArray actual;
        try {
            actual = jtorchOp.get();
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": libtorch succeeded but jtorch raised " + e, e);
        }
        Oracle.assertExact(Oracle.fromTorch(expected), actual, what);
    }

    static void checkList(Supplier<TensorVector> torchOp, Supplier<List<NDArray>> jtorchOp, String what) {
        TensorVector expected;
        try {
            expected = torchOp.get();
        } catch (RuntimeException e) {
            expectSameError(torchMessage(e), jtorchOp, what);
            return;
        }
        List<NDArray> actual = jtorchOp.get();
        assertEquals(expected.size(), actual.size(), what + ": number of pieces");
        for (int i = 0; i < actual.size(); i++) {
            Oracle.assertExact(Oracle.fromTorch(expected.get(i)), actual.get(i), what + ": piece " + i);
        }
    }

    static void expectSameError(String message, Supplier<?> jtorchOp, String what) {
        try {
            jtorchOp.get();
        } catch (RuntimeException e) {
            assertEquals(message, e.getMessage(), what + ": error message");
            return;
        }
        fail(what + ": libtorch raised \"" + message + "\" but jtorch did not");
    }
}
