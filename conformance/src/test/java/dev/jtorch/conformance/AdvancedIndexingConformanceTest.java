package dev.jtorch.conformance;

import static dev.jtorch.conformance.IndexingInputs.check;
import static dev.jtorch.conformance.IndexingInputs.describe;
import static dev.jtorch.conformance.IndexingInputs.torchOf;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.TensorOptionalList;
import org.bytedeco.pytorch.TensorOptionalVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Advanced indexing ({@code at::index}, {@code at::index_put_}) and {@code masked_fill} against
 * libtorch 2.10 on random inputs: int64 index tensors broadcast together, bool masks, null entries
 * (full slices) including the non-adjacent case that moves the indexed dims to the front, negative
 * and occasionally out-of-range indices (the error must then match). Exact comparison: values are
 * moved, and accumulated values are small integers, so their sums are exact in any order.
 */
class AdvancedIndexingConformanceTest {
    private static final int TRIES = 150;

    private static TensorOptionalList optionals(NDArray[] indices) {
        TensorOptional[] o = new TensorOptional[indices.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = indices[i] == null ? new TensorOptional() : new TensorOptional(torchOf(indices[i]));
        }
        return new TensorOptionalList(new TensorOptionalVector(o));
    }

    private static String describeAll(NDArray[] indices) {
        List<String> parts = new ArrayList<>();
        for (NDArray i : indices) {
            parts.add(i == null ? ":" : describe(i));
        }
        return parts.toString();
    }

    /**
     * Random entries for {@code self}: null, int64 (broadcast-compatible shapes, values in [-size, size),
     * rarely out of range) or one bool mask; at least one tensor. With {@code distinct}, a single 1-d
     * int64 index of distinct positions (or a mask) so that no position is written twice.
     */
    static NDArray[] randomIndices(IndexingInputs in, NDArray self, boolean distinct) {
        int rank = self.dim();
        int k = 1 + in.rnd.nextInt(rank);
        NDArray[] out = new NDArray[k];
        boolean mask = false;
        boolean tensor = false;
        int[] b = in.shape(0, 2, 3);
        int used = 0;
        for (int i = 0, d = 0; i < k && d < rank; i++, used++) {
            int r = in.rnd.nextInt(10);
            if (r < 2 && (tensor || i < k - 1)) {
                d++; // null: a full slice
            } else if (r < 4 && !mask && !(distinct && tensor)) {
                int dims = 1 + in.rnd.nextInt(Math.min(2, rank - d));
                out[i] = in.view(DType.BOOL, Arrays.copyOfRange(self.sizes(), d, d + dims), true);
                mask = true;
                tensor = true;
                d += dims;
            } else if (!(distinct && tensor)) {
                int size = self.size(d);
                int[] shape;
                if (distinct) {
                    int n = in.rnd.nextInt(size + 1);
                    int[] perm = in.permutation(size);
                    long[] v = new long[n];
                    for (int j = 0; j < n; j++) {
                        v[j] = perm[j] - (in.rnd.nextBoolean() ? size : 0);
                    }
                    out[i] = NDArray.wrap(v, n);
                } else {
                    shape = mask ? new int[in.rnd.nextInt(2)] : IndexingConformanceTest.broadcastPartner(in, b);
                    if (mask && shape.length == 1) {
                        shape[0] = 1;
                    }
                    int slack = in.rnd.nextInt(15) == 0 ? 1 : 0;
                    out[i] = size == 0 && slack == 0 ? NDArray.zeros(DType.INT64, zeroSized(shape))
                            : in.index(shape, -size - slack, size + slack);
                }
                tensor = true;
                d++;
            } else {
                d++;
            }
        }
        out = Arrays.copyOf(out, used); // entries never cover more dims than self has (see AdvancedIndexing)
        if (!tensor) { // at least one tensor (with none, libtorch fails an internal assert)
            int size = self.size(0);
            out[0] = size == 0 ? NDArray.zeros(DType.INT64, 0) : NDArray.scalar(in.rnd.nextInt(size), DType.INT64);
        }
        return out;
    }

    /** {@code shape} with its first size made 0 (an empty index for an empty dim). */
    private static int[] zeroSized(int[] shape) {
        int[] s = shape.length == 0 ? new int[] {0} : shape.clone();
        s[0] = 0;
        return s;
    }

    @Test
    void index() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(21);
        for (int t = 0; t < TRIES; t++) {
            try (PointerScope scope = new PointerScope()) {
                NDArray self = in.view(in.dtype(), in.shape(1, 4, 4), true);
                NDArray[] indices = randomIndices(in, self, false);
                String what = "index " + describe(self) + " " + describeAll(indices);
                check(() -> torch.index(torchOf(self), optionals(indices)), () -> self.index(indices), what);
            }
        }
    }

    @Test
    void indexPut() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(22);
        for (int t = 0; t < TRIES; t++) {
            try (PointerScope scope = new PointerScope()) {
                DType dt = in.dtype();
                NDArray self = in.view(dt, in.shape(1, 4, 4), false);
                boolean accumulate = in.rnd.nextBoolean();
                NDArray[] indices = randomIndices(in, self, !accumulate);
                NDArray shapeProbe;
                try {
                    shapeProbe = self.index(indices);
                } catch (RuntimeException e) {
                    shapeProbe = NDArray.zeros(1);
                }
                int[] target = shapeProbe.sizes();
                int form = in.rnd.nextInt(6);
                DType vt = form == 5 ? in.dtype() : dt; // sometimes another dtype: an error, or masked_fill's cast
                int[] valueShape = form == 0 ? new int[0] : form == 1 && target.length > 0 ? Arrays.copyOfRange(target, 1, target.length) : target;
                NDArray values = in.values(DType.INT64, valueShape).to(vt);
                String what = "index_put_ " + describe(self) + " " + describeAll(indices) + " values " + describe(values)
                        + " accumulate " + accumulate;
                NDArray mine = self.clone();
                check(() -> torch.index_put_(torchOf(self), optionals(indices), torchOf(values), accumulate),
                        () -> mine.indexPut_(indices, values, accumulate), what);
            }
        }
    }

    @Test
    void maskedFill() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(23);
        for (int t = 0; t < TRIES; t++) {
            try (PointerScope scope = new PointerScope()) {
                DType dt = in.dtype();
                NDArray self = in.view(dt, in.shape(0, 4, 4), true);
                NDArray mask = in.view(DType.BOOL, IndexingConformanceTest.broadcastPartner(in, self.sizes()), true);
                double value = dt == DType.INT64 ? -3.7 : in.rnd.nextGaussian();
                String what = "masked_fill " + describe(self) + " mask " + describe(mask) + " value " + value;
                check(() -> torch.masked_fill(torchOf(self), torchOf(mask), new Scalar(value)), () -> self.maskedFill(mask, value), what);
                if (mask.dim() <= self.dim() || in.rnd.nextInt(5) == 0) { // a mask of more dims is an error (a slow path in libtorch)
                    NDArray target = in.view(dt, self.sizes(), false).copy_(self);
                    check(() -> torchOf(self).masked_fill_(torchOf(mask), new Scalar(value)), () -> target.maskedFill_(mask, value),
                            what + " (in place)");
                }
            }
        }
    }

    @Test
    void errorsMatch() {
        Oracle.require();
        NDArray x = NDArray.zeros(3, 4);
        NDArray y = NDArray.zeros(2, 3, 4);
        NDArray[][] cases = {
            {null, NDArray.fromArray(new long[] {5})},
            {NDArray.fromArray(new long[] {0}), null, NDArray.fromArray(new long[] {7})},
            {NDArray.zeros(2)},
            {NDArray.fromArray(new long[] {0, 1}), NDArray.fromArray(new long[] {0, 1, 2})},
            {NDArray.fromArray(new boolean[] {true, false})},
            {null, NDArray.zeros(DType.BOOL, 4, 2)},
            {NDArray.fromArray(new long[] {0}), NDArray.fromArray(new long[] {0}), NDArray.fromArray(new long[] {0})},
        };
        for (NDArray[] c : cases) {
            try (PointerScope scope = new PointerScope()) {
                NDArray self = c.length == 3 && c[1] == null ? y : x;
                check(() -> torch.index(torchOf(self), optionals(c)), () -> self.index(c), "index " + describeAll(c));
            }
        }
        try (PointerScope scope = new PointerScope()) {
            NDArray[] rows = {NDArray.fromArray(new long[] {0, 1})};
            check(() -> torch.index_put_(torchOf(x), optionals(rows), torchOf(NDArray.zeros(DType.FLOAT64, 2, 4)), false),
                    () -> x.clone().indexPut_(rows, NDArray.zeros(DType.FLOAT64, 2, 4)), "index_put_ dtype");
            check(() -> torch.index_put_(torchOf(x), optionals(rows), torchOf(NDArray.zeros(3)), false),
                    () -> x.clone().indexPut_(rows, NDArray.zeros(3)), "index_put_ shape");
            for (DType maskType : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
                NDArray m = NDArray.zeros(maskType, 3, 4);
                check(() -> torchOf(x).masked_fill_(torchOf(m), new Scalar(1.0)), () -> x.clone().maskedFill_(m, 1), "masked_fill_ " + maskType);
            }
            NDArray grow = NDArray.zeros(DType.BOOL, 3, 4);
            check(() -> torchOf(NDArray.zeros(4)).masked_fill_(torchOf(grow), new Scalar(1.0)),
                    () -> NDArray.zeros(4).maskedFill_(grow, 1), "masked_fill_ cannot grow self");
        }
    }
}
