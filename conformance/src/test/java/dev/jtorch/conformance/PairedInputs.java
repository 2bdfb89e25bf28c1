package dev.jtorch.conformance;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;

/**
 * Random inputs built identically on both sides: the same values in the same dtype and the same
 * view layout (contiguous, transposed, sliced with step 2, narrowed at an offset, or expanded
 * from size-1 dims), on random shapes with size-1 and empty dims and broadcast partners.
 */
final class PairedInputs {
    private PairedInputs() {}

    /** A jtorch array and a libtorch tensor holding the same values with the same layout. */
    static final class Pair {
        final NDArray j;
        final Tensor t;

        Pair(NDArray j, Tensor t) {
            this.j = j;
            this.t = t;
        }

        @Override
        public String toString() {
            return "shape " + Arrays.toString(j.sizes()) + " stride " + Arrays.toString(j.stride()) + " "
                    + Arrays.toString(j.toDoubleArray());
        }
    }

    /** Value domains: where each op is defined (and where PyTorch documents its special values). */
    enum Domain {
        /** Gaussian times a random scale, with NaN, +-inf, +-0 and small integers mixed in. */
        ANY,
        /** As ANY but |x| (logs, sqrt); zeros, inf and NaN stay. */
        POSITIVE,
        /** Finite, no specials: ops whose special values libtorch computes inconsistently. */
        FINITE,
        /** Nonzero finite values (divisors of integer-valued dtypes). */
        NONZERO,
        /** [0, 1]: lerp weights around the 0.5 switch. */
        WEIGHT
    }

    /** A random shape: rank 0 to 4, sizes 0 to 5 with 1 and 0 over-represented. */
    static int[] shape(Random r) {
        int rank = r.nextInt(5);
        int[] s = new int[rank];
        for (int i = 0; i < rank; i++) {
            int k = r.nextInt(12);
            s[i] = k < 2 ? 1 : k == 2 && r.nextInt(4) == 0 ? 0 : 2 + r.nextInt(4);
        }
        return s;
    }

    /** A shape that broadcasts to {@code s}: leading dims dropped, some dims set to 1. */
    static int[] broadcastable(Random r, int[] s) {
        int drop = s.length == 0 ? 0 : r.nextInt(s.length + 1);
        int[] b = Arrays.copyOfRange(s, drop, s.length);
        for (int i = 0; i < b.length; i++) {
            if (r.nextInt(3) == 0) {
                b[i] = 1;
            }
        }
        return b;
    }

    static double value(Random r, DType t, Domain d) {
        if (t == DType.BOOL) {
            return r.nextInt(2);
        }
        if (t == DType.INT64) {
            long v = r.nextInt(41) - 20;
            if (d == Domain.NONZERO && v == 0) {
                v = 7;
            }
            return d == Domain.POSITIVE ? Math.abs(v) : v;
        }
        if (d == Domain.WEIGHT) {
            return r.nextInt(6) == 0 ? 0.5 : r.nextDouble() * 1.2 - 0.1;
        }
        int k = r.nextInt(30);
        double v;
        if (d == Domain.ANY || d == Domain.POSITIVE) {
            switch (k) {
                case 0: return Double.NaN;
                case 1: v = Double.POSITIVE_INFINITY; break;
                case 2: v = Double.NEGATIVE_INFINITY; break;
                case 3: v = 0.0; break;
                case 4: v = -0.0; break;
                default: v = special(r);
            }
        } else {
            v = special(r);
            if (d == Domain.NONZERO && v == 0) {
                v = 1.5;
            }
        }
        return d == Domain.POSITIVE ? Math.abs(v) : v;
    }

    private static double special(Random r) {
        int k = r.nextInt(10);
        if (k == 0) {
            return r.nextInt(9) - 4; // integers and halves: ties for rounding, max, compare
        }
        if (k == 1) {
            return (r.nextInt(19) - 9) * 0.5;
        }
        double scale = new double[] {0.01, 1, 1, 3, 30}[r.nextInt(5)];
        return r.nextGaussian() * scale;
    }

    /** A contiguous pair of {@code shape} with values from {@code d}. */
    static Pair contiguous(Random r, int[] shape, DType t, Domain d) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = value(r, t, d);
        }
        NDArray j = NDArray.wrap(v, shape.clone()).to(t);
        return new Pair(j, Oracle.toTorch(j));
    }

    /** A pair of {@code shape} built as a random kind of view, the same on both sides. */
    static Pair view(Random r, int[] shape, DType t, Domain d) {
        int rank = shape.length;
        int kind = rank == 0 ? 0 : r.nextInt(5);
        switch (kind) {
            case 1: { // transposed
                if (rank < 2) {
                    return contiguous(r, shape, t, d);
                }
                int d0 = r.nextInt(rank);
                int d1 = (d0 + 1 + r.nextInt(rank - 1)) % rank;
                int[] base = shape.clone();
                base[d0] = shape[d1];
                base[d1] = shape[d0];
                Pair p = contiguous(r, base, t, d);
                return new Pair(p.j.transpose(d0, d1), p.t.transpose(d0, d1));
            }
            case 2: { // every other element along one dim
                int dim = r.nextInt(rank);
                int[] base = shape.clone();
                base[dim] = 2 * shape[dim];
                Pair p = contiguous(r, base, t, d);
                return new Pair(p.j.slice(dim, 0, base[dim], 2),
                        p.t.slice(dim, new LongOptional(0), new LongOptional(base[dim]), 2));
            }
            case 3: { // at an offset
                int dim = r.nextInt(rank);
                int[] base = shape.clone();
                base[dim] = shape[dim] + 1;
                Pair p = contiguous(r, base, t, d);
                return new Pair(p.j.narrow(dim, 1, shape[dim]), p.t.narrow(dim, 1, shape[dim]));
            }
            case 4: { // expanded from size-1 dims (stride 0)
                int[] base = shape.clone();
                for (int i = 0; i < rank; i++) {
                    if (r.nextBoolean()) {
                        base[i] = 1;
                    }
                }
                Pair p = contiguous(r, base, t, d);
                long[] sizes = Arrays.stream(shape).asLongStream().toArray();
                return new Pair(p.j.expand(shape.clone()), p.t.expand(sizes));
            }
            default:
                return contiguous(r, shape, t, d);
        }
    }

    /** A writable (not expanded) view of {@code shape} and the base array it views, for in-place ops. */
    static Pair[] writableView(Random r, int[] shape, DType t, Domain d) {
        int rank = shape.length;
        int kind = rank == 0 ? 0 : r.nextInt(4);
        if (kind == 1 && rank >= 2) {
            int[] base = shape.clone();
            base[0] = shape[rank - 1];
            base[rank - 1] = shape[0];
            Pair p = contiguous(r, base, t, d);
            return new Pair[] {p, new Pair(p.j.transpose(0, rank - 1), p.t.transpose(0, rank - 1))};
        }
        if (kind == 2) {
            int dim = r.nextInt(rank);
            int[] base = shape.clone();
            base[dim] = 2 * shape[dim] + 1;
            Pair p = contiguous(r, base, t, d);
            return new Pair[] {p, new Pair(p.j.slice(dim, 1, base[dim], 2),
                    p.t.slice(dim, new LongOptional(1), new LongOptional(base[dim]), 2))};
        }
        Pair p = contiguous(r, shape, t, d);
        return new Pair[] {p, p};
    }
}
