package dev.jtorch.testing;

import static dev.jtorch.testing.GradientProperties.assertGradgradcheck;

import dev.jtorch.Tensor;
import dev.jtorch.Torch;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * First and second derivatives of the matrix products against finite differences, on float64
 * leaves: matmul over every rank case (with broadcast batch dims, transposed layouts and either
 * operand constant, which changes the path ATen's matmul takes), mm, bmm, mv, dot, outer, addmm.
 */
class LinAlgGradientProperties {
    /** The two matmul operands' shapes, layouts and which of them require grad. */
    static final class MatmulSpec {
        final int[] a;
        final int[] b;
        final boolean transposeA;
        final boolean transposeB;
        final int needs;

        MatmulSpec(Random rnd) {
            int r1 = 1 + rnd.nextInt(4);
            int r2 = 1 + rnd.nextInt(4);
            int n = 1 + rnd.nextInt(3);
            int m = 1 + rnd.nextInt(3);
            int p = 1 + rnd.nextInt(3);
            int batchRank = Math.max(Math.max(r1, r2) - 2, 0);
            int[] batch = new int[batchRank];
            for (int i = 0; i < batchRank; i++) {
                batch[i] = 1 + rnd.nextInt(2);
            }
            a = withBatch(rnd, batch, r1, r1 == 1 ? new int[] {m} : new int[] {n, m});
            b = withBatch(rnd, batch, r2, r2 == 1 ? new int[] {m} : new int[] {m, p});
            transposeA = rnd.nextBoolean();
            transposeB = rnd.nextBoolean();
            needs = 1 + rnd.nextInt(3);
        }

        /** A rank-{@code rank} operand: the trailing batch dims (some replaced by 1), then the matrix (or vector) dims. */
        private static int[] withBatch(Random rnd, int[] batch, int rank, int[] matrix) {
            int[] s = new int[rank];
            int nb = rank - matrix.length;
            for (int i = 0; i < nb; i++) {
                s[i] = rnd.nextInt(3) == 0 ? 1 : batch[batch.length - nb + i];
            }
            System.arraycopy(matrix, 0, s, nb, matrix.length);
            return s;
        }

        @Override
        public String toString() {
            return Arrays.toString(a) + (transposeA ? "^T-layout" : "") + " @ " + Arrays.toString(b)
                    + (transposeB ? "^T-layout" : "") + " needs " + needs;
        }
    }

    @Provide
    Arbitrary<Leaves.Case<MatmulSpec>> matmulCases() {
        return Leaves.cases(MatmulSpec::new, s -> new int[][] {s.a, s.b});
    }

    @Property(tries = 60)
    void matmulEveryRankCase(@ForAll("matmulCases") Leaves.Case<MatmulSpec> c) {
        MatmulSpec s = c.spec;
        Tensor a = s.transposeA ? Leaves.transposedLayout(c.in[0]) : c.in[0];
        Tensor b = s.transposeB ? Leaves.transposedLayout(c.in[1]) : c.in[1];
        a = (s.needs & 1) != 0 ? a : Leaves.constant(a);
        b = (s.needs & 2) != 0 ? b : Leaves.constant(b);
        assertGradgradcheck(t -> t[0].matmul(t[1]), a, b);
    }

    @Provide
    Arbitrary<Leaves.Case<int[]>> sizes() {
        return Leaves.cases(r -> new int[] {1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(2)},
                s -> new int[][] {{s[0], s[1]}, {s[1], s[2]}});
    }

    @Property(tries = 40)
    void mm(@ForAll("sizes") Leaves.Case<int[]> c) {
        assertGradgradcheck(t -> Torch.mm(t[0], t[1]), c.in);
    }

    @Provide
    Arbitrary<Leaves.Case<int[]>> batches() {
        return Leaves.cases(r -> new int[] {1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(2)},
                s -> new int[][] {{s[3], s[0], s[1]}, {s[3], s[1], s[2]}});
    }

    @Property(tries = 40)
    void bmm(@ForAll("batches") Leaves.Case<int[]> c) {
        assertGradgradcheck(t -> Torch.bmm(t[0], t[1]), c.in);
    }

    @Provide
    Arbitrary<Leaves.Case<int[]>> matrixAndVector() {
        return Leaves.cases(r -> new int[] {1 + r.nextInt(4), 1 + r.nextInt(4)}, s -> new int[][] {{s[0], s[1]}, {s[1]}});
    }

    @Property(tries = 40)
    void mv(@ForAll("matrixAndVector") Leaves.Case<int[]> c) {
        assertGradgradcheck(t -> Torch.mv(t[0], t[1]), c.in);
    }

    @Provide
    Arbitrary<Leaves.Case<int[]>> vectors() {
        return Leaves.cases(r -> new int[] {1 + r.nextInt(5), 1 + r.nextInt(5)}, s -> new int[][] {{s[0]}, {s[1]}});
    }

    @Provide
    Arbitrary<Leaves.Case<Integer>> sameSizeVectors() {
        return Leaves.cases(r -> 1 + r.nextInt(5), n -> new int[][] {{n}, {n}});
    }

    @Property(tries = 40)
    void dot(@ForAll("sameSizeVectors") Leaves.Case<Integer> c) {
        assertGradgradcheck(t -> Torch.dot(t[0], t[1]), c.in);
    }

    @Property(tries = 40)
    void outer(@ForAll("vectors") Leaves.Case<int[]> c) {
        assertGradgradcheck(t -> Torch.outer(t[0], t[1]), c.in);
    }

    /** addmm's input shapes that broadcast to [n, p], and beta/alpha. */
    static final class AddmmSpec {
        final int[] input;
        final int[] mat1;
        final int[] mat2;
        final double beta;
        final double alpha;

        AddmmSpec(Random rnd) {
            int rows = 1 + rnd.nextInt(3);
            int m = 1 + rnd.nextInt(3);
            int p = 1 + rnd.nextInt(3);
            int[][] inputs = {{rows, p}, {p}, {1, p}, {rows, 1}, {}};
            input = inputs[rnd.nextInt(inputs.length)];
            mat1 = new int[] {rows, m};
            mat2 = new int[] {m, p};
            double[] scalars = {1, 0, 0.5, -2};
            beta = scalars[rnd.nextInt(scalars.length)];
            alpha = scalars[rnd.nextInt(scalars.length)];
        }

        @Override
        public String toString() {
            return "beta " + beta + " alpha " + alpha;
        }
    }

    @Provide
    Arbitrary<Leaves.Case<AddmmSpec>> addmmCases() {
        return Leaves.cases(AddmmSpec::new, s -> new int[][] {s.input, s.mat1, s.mat2});
    }

    @Property(tries = 40)
    void addmm(@ForAll("addmmCases") Leaves.Case<AddmmSpec> c) {
        assertGradgradcheck(t -> Torch.addmm(t[0], t[1], t[2], c.spec.beta, c.spec.alpha), c.in);
    }
}
