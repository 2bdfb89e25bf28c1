package dev.jtorch.tensor;

import java.util.Random;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Random arrays in random layouts, and a row-major coordinate walk, for the naive references. */
final class IndexingFixtures {
    private IndexingFixtures() {}

    static final DType[] DTYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT64, DType.BOOL};

    /** Shapes of rank 1-4 with sizes 0-4. */
    static Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(0, 4).array(int[].class).ofMinSize(1).ofMaxSize(4);
    }

    /** Random values (small integers, exact in every dtype) in layout 0 contiguous, 1 permuted, 2 stepped, 3 offset, 4 expanded. */
    static NDArray random(Random r, DType t, int[] shape, int layout) {
        int rank = shape.length;
        if (rank == 0 || layout == 0) {
            return values(r, t, shape);
        }
        int d = r.nextInt(rank);
        switch (layout) {
            case 1: {
                int[] perm = permutation(r, rank);
                int[] base = new int[rank];
                int[] inverse = new int[rank];
                for (int i = 0; i < rank; i++) {
                    base[i] = shape[perm[i]];
                    inverse[perm[i]] = i;
                }
                return values(r, t, base).permute(inverse);
            }
            case 2: {
                int[] base = shape.clone();
                base[d] *= 2;
                return values(r, t, base).slice(d, 0, base[d], 2);
            }
            case 3: {
                int[] base = shape.clone();
                base[d] += 1;
                return values(r, t, base).narrow(d, 1, shape[d]);
            }
            default: {
                int[] base = shape.clone();
                base[d] = 1;
                return values(r, t, base).expand(shape);
            }
        }
    }

    static NDArray values(Random r, DType t, int... shape) {
        NDArray a = NDArray.empty(t, shape);
        forEachIndex(shape, c -> a.set(t == DType.BOOL ? r.nextInt(2) : r.nextInt(19) - 9, c));
        return a;
    }

    static int[] permutation(Random r, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    /** Calls {@code f} with every coordinate of {@code shape} in row-major order (the array is reused). */
    static void forEachIndex(int[] shape, Consumer<int[]> f) {
        for (int s : shape) {
            if (s == 0) {
                return;
            }
        }
        int[] c = new int[shape.length];
        while (true) {
            f.accept(c);
            int d = shape.length - 1;
            while (d >= 0 && ++c[d] == shape[d]) {
                c[d] = 0;
                d--;
            }
            if (d < 0) {
                return;
            }
        }
    }

    /** A copy of {@code c} with entry {@code d} set to {@code v}. */
    static int[] with(int[] c, int d, int v) {
        int[] o = c.clone();
        o[d] = v;
        return o;
    }
}
