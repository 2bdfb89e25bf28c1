package dev.jtorch.conformance;

import dev.jtorch.Torch;
import dev.jtorch.tensor.DType;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * Gradients of the matrix products against libtorch 2.10: the same random float32 inputs (random
 * layouts, random requires_grad), the same output gradient; outputs and input gradients agree to
 * rtol 1e-5 (sums run in another order; atol 1e-5 for sums that cancel to near zero), and the
 * result's grad_fn name is libtorch's, which for matmul depends on the ranks, on which inputs
 * require grad and on the strides (ATen folds batches into mm when that needs no copy).
 */
class AutogradLinAlgConformanceTest {
    private static final int TRIES = 150;
    private static final double RTOL = 1e-5;
    private static final double ATOL = 1e-5;

    @Test
    void matmulEveryRankCase() {
        Oracle.require();
        Random rnd = new Random(21);
        for (int k = 0; k < 4 * TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                int[][] shapes = matmulShapes(rnd);
                boolean g1 = rnd.nextBoolean();
                boolean g2 = !g1 || rnd.nextBoolean();
                GradCase.Leaf a = c.anyLayout(DType.FLOAT32, shapes[0], g1, true);
                GradCase.Leaf b = c.anyLayout(DType.FLOAT32, shapes[1], g2, true);
                c.check("matmul " + c.describe(), () -> torch.matmul(a.t, b.t), () -> Torch.matmul(a.j, b.j), RTOL, ATOL);
            }
        }
    }

    /** Ranks 1-4; batch dims that broadcast (sizes replaced by 1, leading dims dropped); sometimes a mismatch. */
    private static int[][] matmulShapes(Random rnd) {
        int r1 = 1 + rnd.nextInt(4);
        int r2 = 1 + rnd.nextInt(4);
        int n = size(rnd);
        int m = size(rnd);
        int p = size(rnd);
        int batchRank = Math.max(Math.max(r1, r2) - 2, 0);
        int[] batch = new int[batchRank];
        for (int i = 0; i < batchRank; i++) {
            batch[i] = size(rnd);
        }
        int[] a = shape(rnd, batch, r1, r1 == 1 ? new int[] {m} : new int[] {n, m});
        int m2 = rnd.nextInt(12) == 0 ? m + 1 : m;
        int[] b = shape(rnd, batch, r2, r2 == 1 ? new int[] {m2} : new int[] {m2, p});
        return new int[][] {a, b};
    }

    private static int[] shape(Random rnd, int[] batch, int rank, int[] matrix) {
        int[] s = new int[rank];
        int nb = rank - matrix.length;
        for (int i = 0; i < nb; i++) {
            int bs = batch[batch.length - nb + i];
            s[i] = rnd.nextInt(3) == 0 ? 1 : bs;
        }
        System.arraycopy(matrix, 0, s, nb, matrix.length);
        return s;
    }

    private static int size(Random rnd) {
        return rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(4);
    }

    @Test
    void matmulNamedCases() {
        Oracle.require();
        int[][][] cases = {
            {{3}, {3}}, {{2, 3}, {3}}, {{3}, {3, 4}}, {{2, 3}, {3, 4}}, {{2, 2, 3}, {2, 3, 4}}, {{1, 2, 3}, {2, 3, 4}},
            {{2, 2, 3}, {1, 3, 4}}, {{2, 2, 3}, {3, 4}}, {{2, 2, 3}, {3}}, {{3}, {2, 3, 4}}, {{2, 3}, {2, 3, 4}},
            {{1, 3}, {2, 3, 4}}, {{2, 3}, {2, 3, 1}}, {{2, 1, 2, 3}, {3, 3, 4}}, {{0, 2, 3}, {0, 3, 4}}, {{3, 0}, {2, 0, 4}},
        };
        Random rnd = new Random(22);
        for (int[][] s : cases) {
            for (int grads = 1; grads < 4; grads++) {
                try (PointerScope scope = new PointerScope()) {
                    GradCase c = new GradCase(rnd);
                    GradCase.Leaf a = c.leaf(DType.FLOAT32, s[0], (grads & 1) != 0);
                    GradCase.Leaf b = c.leaf(DType.FLOAT32, s[1], (grads & 2) != 0);
                    c.check("matmul " + c.describe(), () -> torch.matmul(a.t, b.t), () -> Torch.matmul(a.j, b.j), RTOL, ATOL);
                }
            }
        }
    }

    @Test
    void mmBmmMvDotOuter() {
        Oracle.require();
        Random rnd = new Random(23);
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                int n = size(rnd);
                int m = size(rnd);
                int p = size(rnd);
                int b = size(rnd);
                int m2 = rnd.nextInt(15) == 0 ? m + 1 : m;
                DType dt = rnd.nextInt(4) == 0 ? DType.FLOAT64 : DType.FLOAT32;
                boolean g1 = rnd.nextBoolean();
                boolean g2 = !g1 || rnd.nextBoolean();
                GradCase c = new GradCase(rnd);
                GradCase.Leaf x = c.anyLayout(dt, new int[] {n, m}, g1, true);
                GradCase.Leaf y = c.anyLayout(dt, new int[] {m2, p}, g2, true);
                c.check("mm " + c.describe(), () -> torch.mm(x.t, y.t), () -> Torch.mm(x.j, y.j), RTOL, ATOL);

                c = new GradCase(rnd);
                GradCase.Leaf bx = c.anyLayout(dt, new int[] {b, n, m}, g1, true);
                GradCase.Leaf by = c.anyLayout(dt, new int[] {b, m2, p}, g2, true);
                c.check("bmm " + c.describe(), () -> torch.bmm(bx.t, by.t), () -> Torch.bmm(bx.j, by.j), RTOL, ATOL);

                c = new GradCase(rnd);
                GradCase.Leaf mat = c.anyLayout(dt, new int[] {n, m}, g1, true);
                GradCase.Leaf vec = c.anyLayout(dt, new int[] {m2}, g2, true);
                c.check("mv " + c.describe(), () -> torch.mv(mat.t, vec.t), () -> Torch.mv(mat.j, vec.j), RTOL, ATOL);

                c = new GradCase(rnd);
                GradCase.Leaf u = c.anyLayout(dt, new int[] {m}, g1, true);
                GradCase.Leaf v = c.anyLayout(dt, new int[] {m2}, g2, true);
                c.check("dot " + c.describe(), () -> torch.dot(u.t, v.t), () -> Torch.dot(u.j, v.j), RTOL, ATOL);

                c = new GradCase(rnd);
                GradCase.Leaf o1 = c.anyLayout(dt, new int[] {n}, g1, true);
                GradCase.Leaf o2 = c.anyLayout(rnd.nextInt(4) == 0 ? DType.FLOAT64 : dt, new int[] {p}, g2, true);
                c.check("outer " + c.describe(), () -> torch.outer(o1.t, o2.t), () -> Torch.outer(o1.j, o2.j), RTOL, ATOL);
            }
        }
    }

    @Test
    void addmmWithBroadcastInputAndScalars() {
        Oracle.require();
        Random rnd = new Random(24);
        double[] scalars = {1, 0, 0.5, -2};
        for (int k = 0; k < TRIES; k++) {
            try (PointerScope scope = new PointerScope()) {
                int n = size(rnd);
                int m = size(rnd);
                int p = size(rnd);
                int[][] inputShapes = {{n, p}, {p}, {1, p}, {n, 1}, {}, {1, 1}};
                int[] inShape = inputShapes[rnd.nextInt(inputShapes.length)];
                double beta = scalars[rnd.nextInt(scalars.length)];
                double alpha = scalars[rnd.nextInt(scalars.length)];
                int needs = 1 + rnd.nextInt(7);
                GradCase c = new GradCase(rnd);
                GradCase.Leaf in = c.anyLayout(DType.FLOAT32, inShape, (needs & 1) != 0, true);
                GradCase.Leaf m1 = c.anyLayout(DType.FLOAT32, new int[] {n, m}, (needs & 2) != 0, true);
                GradCase.Leaf m2 = c.anyLayout(DType.FLOAT32, new int[] {m, p}, (needs & 4) != 0, true);
                c.check("addmm beta " + beta + " alpha " + alpha + " " + c.describe(),
                        () -> torch.addmm(in.t, m1.t, m2.t, new Scalar(beta), new Scalar(alpha)),
                        () -> Torch.addmm(in.j, m1.j, m2.j, beta, alpha), RTOL, ATOL);
            }
        }
    }

    @Test
    void matmulErrorsWhileRecording() {
        Oracle.require();
        int[][][] cases = {
            {{}, {3}}, {{2, 3}, {4}}, {{3}, {4, 2}}, {{2, 3}, {4, 5}}, {{2, 2, 3}, {4, 5}}, {{2, 2, 3}, {3, 2, 4}},
            {{2, 2, 3}, {2, 4, 4}}, {{5}, {2, 3, 4}}, {{2, 3, 2, 3}, {4, 3, 4}},
        };
        Random rnd = new Random(25);
        for (int[][] s : cases) {
            try (PointerScope scope = new PointerScope()) {
                GradCase c = new GradCase(rnd);
                GradCase.Leaf a = c.leaf(DType.FLOAT32, s[0], true);
                GradCase.Leaf b = c.leaf(DType.FLOAT32, s[1], true);
                c.check("matmul " + Arrays.deepToString(s), () -> torch.matmul(a.t, b.t), () -> Torch.matmul(a.j, b.j),
                        RTOL, ATOL);
            }
        }
        int[][][] mixed = {{{3}, {3}}, {{2, 3}, {3}}, {{3}, {3, 4}}, {{2, 3}, {3, 4}}, {{2, 2, 3}, {2, 3, 4}},
            {{2, 2, 3}, {3, 4}}, {{2, 3}, {2, 3, 4}}, {{2, 2, 2, 3}, {2, 3, 4}}};
        for (int[][] s : mixed) {
            for (int grads = 1; grads < 4; grads++) {
                try (PointerScope scope = new PointerScope()) {
                    GradCase c = new GradCase(rnd);
                    GradCase.Leaf a = c.leaf(DType.FLOAT32, s[0], (grads & 1) != 0);
                    GradCase.Leaf b = c.leaf(DType.FLOAT64, s[1], (grads & 2) != 0);
                    c.check("matmul float32 @ float64 " + c.describe(), () -> torch.matmul(a.t, b.t),
                            () -> Torch.matmul(a.j, b.j), RTOL, ATOL);
                }
            }
        }
    }
}
