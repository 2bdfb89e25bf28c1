package dev.jtorch.conformance;

import static dev.jtorch.conformance.IndexingInputs.check;
import static dev.jtorch.conformance.IndexingInputs.checkList;
import static dev.jtorch.conformance.IndexingInputs.describe;
import static dev.jtorch.conformance.IndexingInputs.longs;
import static dev.jtorch.conformance.IndexingInputs.torchOf;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.DoubleOptional;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Joining, splitting and rearranging ops against libtorch 2.10 on random inputs (every dtype,
 * mixed dtypes for cat/stack promotion, ranks 0-4 with empty dims, random layouts). Values are
 * moved, never computed, so results must be exact in dtype, shape and bits. Random arguments are
 * not filtered for validity: where libtorch raises, jtorch must raise with the same message.
 */
class JoiningConformanceTest {
    private static final int TRIES = 120;

    @Test
    void catWithPromotionAndLegacyEmpty() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(11);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                int[] shape = in.shape(1, 4, 4);
                int dim = IndexingConformanceTest.randomDim(in, shape.length);
                int wd = dim < 0 ? dim + shape.length : dim;
                List<NDArray> list = new ArrayList<>();
                int n = 1 + in.rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (in.rnd.nextInt(5) == 0) {
                        list.add(NDArray.zeros(in.dtype(), 0)); // legacy skipped [0]
                    } else {
                        int[] s = shape.clone();
                        s[wd] = in.rnd.nextInt(4);
                        list.add(in.view(in.dtype(), s, true));
                    }
                }
                String what = "cat dim " + dim + " " + describeAll(list);
                check(() -> torch.cat(IndexingInputs.torchList(list), dim), () -> NDArray.cat(list, dim), what);
            }
        }
    }

    @Test
    void stackWithPromotion() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(12);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                int[] shape = in.shape(0, 3, 4);
                int dim = in.rnd.nextInt(2 * (shape.length + 1)) - (shape.length + 1);
                List<NDArray> list = new ArrayList<>();
                int n = 1 + in.rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.add(in.view(in.dtype(), shape, true));
                }
                String what = "stack dim " + dim + " " + describeAll(list);
                check(() -> torch.stack(IndexingInputs.torchList(list), dim), () -> NDArray.stack(list, dim), what);
            }
        }
    }

    @Test
    void splitChunkUnbind() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(13);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                NDArray self = in.view(in.dtype(), in.shape(1, 4, 6), true);
                int dim = IndexingConformanceTest.randomDim(in, self.dim());
                int size = self.size(dim);
                int splitSize = size == 0 ? in.rnd.nextInt(2) : 1 + in.rnd.nextInt(size + 1);
                String what = "split " + describe(self) + " size " + splitSize + " dim " + dim;
                checkList(() -> torch.split(torchOf(self), splitSize, dim), () -> self.split(splitSize, dim), what);

                int[] sizes = partition(in, size);
                what = "split_with_sizes " + describe(self) + " " + Arrays.toString(sizes) + " dim " + dim;
                checkList(() -> torch.split_with_sizes(torchOf(self), longs(sizes), dim), () -> self.split(sizes, dim), what);

                int chunks = 1 + in.rnd.nextInt(6);
                what = "chunk " + describe(self) + " chunks " + chunks + " dim " + dim;
                checkList(() -> torch.chunk(torchOf(self), chunks, dim), () -> self.chunk(chunks, dim), what);

                what = "unbind " + describe(self) + " dim " + dim;
                checkList(() -> torch.unbind(torchOf(self), dim), () -> self.unbind(dim), what);
            }
        }
    }

    @Test
    void constantPad() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(14);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                DType t = in.dtype();
                NDArray self = in.view(t, in.shape(0, 4, 4), true);
                int[] pad = new int[2 * in.rnd.nextInt(self.dim() + 1)];
                for (int i = 0; i < pad.length; i++) {
                    pad[i] = in.rnd.nextInt(5) - 1; // crops of 1 (an invalid crop now and then: the error must match)
                }
                double value = t == DType.BOOL ? in.rnd.nextInt(2) : t == DType.INT64 ? -2.7 : in.rnd.nextGaussian();
                String what = "pad " + describe(self) + " " + Arrays.toString(pad) + " value " + value;
                check(() -> torch.pad(torchOf(self), longs(pad), "constant", new DoubleOptional(value)),
                        () -> self.pad(pad, value), what);
            }
        }
    }

    @Test
    void flipRollRepeat() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(15);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                NDArray self = in.view(in.dtype(), in.shape(0, 4, 4), true);
                int r = Math.max(self.dim(), 1);
                int[] dims = new int[in.rnd.nextInt(r + 1)];
                for (int i = 0; i < dims.length; i++) {
                    dims[i] = in.rnd.nextInt(2 * r) - r; // duplicates possible: the error must match too
                }
                String what = "flip " + describe(self) + " " + Arrays.toString(dims);
                check(() -> torch.flip(torchOf(self), longs(dims)), () -> self.flip(dims), what);

                int[] shifts = new int[Math.max(dims.length, 1)];
                for (int i = 0; i < shifts.length; i++) {
                    shifts[i] = in.rnd.nextInt(15) - 7;
                }
                int[] rollDims = dims.length == 0 ? new int[0] : dims;
                what = "roll " + describe(self) + " shifts " + Arrays.toString(shifts) + " dims " + Arrays.toString(rollDims);
                check(() -> torch.roll(torchOf(self), longs(shifts), longs(rollDims)), () -> self.roll(shifts, rollDims), what);

                int[] repeats = new int[self.dim() + in.rnd.nextInt(3)];
                for (int i = 0; i < repeats.length; i++) {
                    repeats[i] = in.rnd.nextInt(4);
                }
                what = "repeat " + describe(self) + " " + Arrays.toString(repeats);
                check(() -> torchOf(self).repeat(longs(repeats)), () -> self.repeat(repeats), what);
            }
        }
    }

    @Test
    void trianglesAndDiagonals() {
        Oracle.require();
        IndexingInputs in = new IndexingInputs(16);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                // Mostly valid arguments: libtorch errors are slow (each captures a C++ backtrace).
                NDArray self = in.view(in.dtype(), in.shape(in.rnd.nextInt(10) == 0 ? 1 : 2, 4, 5), false);
                int diagonal = in.rnd.nextInt(11) - 5;
                String what = "tril/triu " + describe(self) + " diagonal " + diagonal;
                check(() -> torch.tril(torchOf(self), diagonal), () -> self.tril(diagonal), "tril " + what);
                check(() -> torch.triu(torchOf(self), diagonal), () -> self.triu(diagonal), "triu " + what);
                check(() -> torchOf(self).tril_(diagonal), () -> self.clone().tril_(diagonal), "tril_ " + what);

                int r = self.dim();
                int d1 = in.rnd.nextInt(2 * r) - r;
                int d2 = in.rnd.nextInt(10) == 0 ? d1 : (d1 + r + 1 + in.rnd.nextInt(Math.max(r - 1, 1))) % r - r;
                what = "diagonal " + describe(self) + " offset " + diagonal + " dims " + d1 + ", " + d2;
                check(() -> torch.diagonal(torchOf(self), diagonal, d1, d2), () -> self.diagonal(diagonal, d1, d2), what);
                if (self.dim() <= 2) {
                    what = "diag " + describe(self) + " diagonal " + diagonal;
                    check(() -> torch.diag(torchOf(self), diagonal), () -> self.diag(diagonal), what);
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String describeAll(List<NDArray> list) {
        StringBuilder sb = new StringBuilder();
        for (NDArray a : list) {
            sb.append(describe(a)).append("; ");
        }
        return sb.toString();
    }

    /** A random split of {@code total} into parts (zeros allowed); sometimes a wrong sum. */
    private static int[] partition(IndexingInputs in, int total) {
        int parts = 1 + in.rnd.nextInt(4);
        int[] out = new int[parts];
        int left = total;
        for (int i = 0; i < parts - 1; i++) {
            out[i] = in.rnd.nextInt(left + 1);
            left -= out[i];
        }
        out[parts - 1] = left + (in.rnd.nextInt(10) == 0 ? 1 : 0);
        return out;
    }
}
