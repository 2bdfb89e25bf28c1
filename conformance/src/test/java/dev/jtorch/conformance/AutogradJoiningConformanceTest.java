package dev.jtorch.conformance;

import static dev.jtorch.conformance.GradCase.longs;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import dev.jtorch.tensor.DType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Gradients of joining, splitting and rearranging ops against libtorch 2.10: random float32 and
 * float64 inputs in random layouts (ranks 0-4, empty dims, negative dims), mixed dtypes for
 * cat/stack (the gradient is cast back to each input's dtype), views from split/chunk/unbind of
 * which a random subset receives a gradient (the others count as zeros), and in-place tril_/triu_
 * on a clone. Values are only moved, so outputs, gradients and grad_fn names must match exactly,
 * except for repeat, whose backward sums up to a hundred tiles in another order than ATen
 * (rtol 1e-5, atol 1e-5, as for reductions).
 */
class AutogradJoiningConformanceTest {
    private static final int TRIES = 150;

    private static int[] shape(Random rnd, int minRank, int maxRank) {
        int[] s = new int[minRank + rnd.nextInt(maxRank - minRank + 1)];
        for (int i = 0; i < s.length; i++) {
            s[i] = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(4);
        }
        return s;
    }

    private static DType floating(Random rnd) {
        return rnd.nextInt(4) == 0 ? DType.FLOAT64 : DType.FLOAT32;
    }

    private static int dim(Random rnd, int rank) {
        int d = rnd.nextInt(rank);
        return rnd.nextBoolean() ? d - rank : d;
    }

    @Test
    void catAndStack() {
        Oracle.require();
        Random rnd = new Random(41);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                int[] s = shape(rnd, 1, 3);
                int dim = dim(rnd, s.length);
                int d = dim < 0 ? dim + s.length : dim;
                GradCase c = new GradCase(rnd);
                int n = 1 + rnd.nextInt(4);
                List<GradCase.Leaf> parts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int[] ps = s.clone();
                    ps[d] = rnd.nextInt(4);
                    if (rnd.nextInt(6) == 0) {
                        ps = new int[] {0}; // the legacy empty tensor cat skips
                    }
                    parts.add(c.anyLayout(floating(rnd), ps, i == 0 || rnd.nextBoolean(), true));
                }
                c.check("cat dim " + dim + " " + c.describe(), () -> torch.cat(torchList(parts), dim),
                        () -> Torch.cat(jtorchList(parts), dim), 0, 0);

                GradCase st = new GradCase(rnd);
                int sdim = dim(rnd, s.length + 1);
                List<GradCase.Leaf> same = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    same.add(st.anyLayout(floating(rnd), s, i == 0 || rnd.nextBoolean(), true));
                }
                st.check("stack dim " + sdim + " " + st.describe(), () -> torch.stack(torchList(same), sdim),
                        () -> Torch.stack(jtorchList(same), sdim), 0, 0);
            }
        }
    }

    private static TensorVector torchList(List<GradCase.Leaf> leaves) {
        org.bytedeco.pytorch.Tensor[] ts = new org.bytedeco.pytorch.Tensor[leaves.size()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = leaves.get(i).t;
        }
        return new TensorVector(ts);
    }

    private static List<Tensor> jtorchList(List<GradCase.Leaf> leaves) {
        List<Tensor> ts = new ArrayList<>();
        for (GradCase.Leaf l : leaves) {
            ts.add(l.j);
        }
        return ts;
    }

    @Test
    void splitChunkUnbind() {
        Oracle.require();
        Random rnd = new Random(42);
        for (int k = 0; k < 2 * TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int[] s = shape(rnd, 1, 3);
                int dim = dim(rnd, s.length);
                int size = s[dim < 0 ? dim + s.length : dim];
                GradCase.Leaf x = c.anyLayout(floating(rnd), s, true, true);
                switch (rnd.nextInt(4)) {
                    case 0: {
                        int splitSize = 1 + rnd.nextInt(4);
                        c.checkList("split " + splitSize + " dim " + dim + " " + c.describe(),
                                () -> x.t.split(splitSize, dim), () -> x.j.split(splitSize, dim));
                        break;
                    }
                    case 1: {
                        int[] sizes = sizesSumming(rnd, size);
                        c.checkList("split " + Arrays.toString(sizes) + " dim " + dim + " " + c.describe(),
                                () -> torch.split_with_sizes(x.t, longs(sizes), dim), () -> x.j.split(sizes, dim));
                        break;
                    }
                    case 2: {
                        int chunks = 1 + rnd.nextInt(4);
                        c.checkList("chunk " + chunks + " dim " + dim + " " + c.describe(),
                                () -> x.t.chunk(chunks, dim), () -> x.j.chunk(chunks, dim));
                        break;
                    }
                    default:
                        c.checkList("unbind dim " + dim + " " + c.describe(), () -> x.t.unbind(dim), () -> x.j.unbind(dim));
                }
            }
        }
    }

    private static int[] sizesSumming(Random rnd, int total) {
        List<Integer> parts = new ArrayList<>();
        int left = total;
        while (left > 0 || parts.isEmpty() || rnd.nextInt(4) == 0) {
            int p = left == 0 ? 0 : rnd.nextInt(left + 1);
            parts.add(p);
            left -= p;
            if (parts.size() > 5) {
                parts.add(left);
                break;
            }
        }
        return parts.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void padFlipRollRepeat() {
        Oracle.require();
        Random rnd = new Random(43);
        for (int k = 0; k < 2 * TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int[] s = shape(rnd, 1, 4);
                GradCase.Leaf x = c.anyLayout(floating(rnd), s, true, true);
                switch (rnd.nextInt(4)) {
                    case 0: {
                        int[] pad = new int[2 * (1 + rnd.nextInt(s.length))];
                        for (int i = 0; i < pad.length; i++) {
                            pad[i] = rnd.nextInt(5) - 1;
                        }
                        double value = rnd.nextInt(3) == 0 ? 0 : rnd.nextGaussian();
                        c.check("pad " + Arrays.toString(pad) + " value " + value + " " + c.describe(),
                                () -> torch.constant_pad_nd(x.t, longs(pad), new Scalar(value)), () -> x.j.pad(pad, value), 0, 0);
                        break;
                    }
                    case 1: {
                        int[] dims = distinctDims(rnd, s.length);
                        c.check("flip " + Arrays.toString(dims) + " " + c.describe(), () -> x.t.flip(longs(dims)),
                                () -> x.j.flip(dims), 0, 0);
                        break;
                    }
                    case 2: {
                        boolean flat = rnd.nextInt(4) == 0;
                        int[] dims = flat ? new int[0] : distinctDims(rnd, s.length);
                        int[] shifts = new int[flat ? 1 : dims.length];
                        for (int i = 0; i < shifts.length; i++) {
                            shifts[i] = rnd.nextInt(11) - 5;
                        }
                        c.check("roll " + Arrays.toString(shifts) + " dims " + Arrays.toString(dims) + " " + c.describe(),
                                () -> x.t.roll(longs(shifts), longs(dims)), () -> x.j.roll(shifts, dims), 0, 0);
                        break;
                    }
                    default: {
                        int[] reps = new int[s.length + rnd.nextInt(2)];
                        for (int i = 0; i < reps.length; i++) {
                            reps[i] = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(3);
                        }
                        c.check("repeat " + Arrays.toString(reps) + " " + c.describe(), () -> x.t.repeat(longs(reps)),
                                () -> x.j.repeat(reps), 1e-5, 1e-5);
                    }
                }
            }
        }
    }

    private static int[] distinctDims(Random rnd, int rank) {
        int n = 1 + rnd.nextInt(rank);
        int[] dims = new int[n];
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            all.add(i);
        }
        java.util.Collections.shuffle(all, rnd);
        for (int i = 0; i < n; i++) {
            dims[i] = rnd.nextBoolean() ? all.get(i) - rank : all.get(i);
        }
        return dims;
    }

    @Test
    void triangularAndDiagonals() {
        Oracle.require();
        Random rnd = new Random(44);
        for (int k = 0; k < 2 * TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int offset = rnd.nextInt(7) - 3;
                switch (rnd.nextInt(4)) {
                    case 0:
                    case 1: {
                        boolean lower = rnd.nextBoolean();
                        boolean inPlace = rnd.nextBoolean();
                        GradCase.Leaf x = c.anyLayout(floating(rnd), shape(rnd, 2, 4), true, true);
                        String what = (lower ? "tril" : "triu") + (inPlace ? "_ " : " ") + offset + " " + c.describe();
                        c.check(what, () -> inPlace ? (lower ? x.t.clone().tril_(offset) : x.t.clone().triu_(offset))
                                        : (lower ? torch.tril(x.t, offset) : torch.triu(x.t, offset)),
                                () -> inPlace ? (lower ? x.j.clone().tril_(offset) : x.j.clone().triu_(offset))
                                        : (lower ? Torch.tril(x.j, offset) : Torch.triu(x.j, offset)), 0, 0);
                        break;
                    }
                    case 2: {
                        GradCase.Leaf x = c.anyLayout(floating(rnd), shape(rnd, 1, 2), true, true);
                        c.check("diag " + offset + " " + c.describe(), () -> torch.diag(x.t, offset),
                                () -> Torch.diag(x.j, offset), 0, 0);
                        break;
                    }
                    default: {
                        int[] s = shape(rnd, 2, 4);
                        int d1 = dim(rnd, s.length);
                        int d2 = dim(rnd, s.length);
                        GradCase.Leaf x = c.anyLayout(floating(rnd), s, true, true);
                        c.check("diagonal " + offset + " dims " + d1 + ", " + d2 + " " + c.describe(),
                                () -> x.t.diagonal(offset, d1, d2), () -> x.j.diagonal(offset, d1, d2), 0, 0);
                    }
                }
            }
        }
    }
}
