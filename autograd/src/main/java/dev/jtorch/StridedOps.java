package dev.jtorch;

import dev.jtorch.autograd.Context;
import dev.jtorch.autograd.Function;
import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;

/**
 * {@code as_strided} and its gradient. Besides being a user-facing op, {@code as_strided} of the
 * base is how autograd regenerates the {@code grad_fn} of a view after an in-place change to
 * the base or to another view of it ({@code AsStridedBackward0}).
 *
 * <p>The gradient maps one strided geometry of a storage onto another ({@link Restride}):
 * scatter-add the gradient into a zero buffer covering both geometries, then read it through the
 * other geometry. Where the input geometry itself overlaps (an expanded input), each storage
 * element's gradient is divided by the number of input elements that share it, as PyTorch's
 * {@code as_strided_backward} does. {@link Restride} from A to B and from B to A are adjoint, so
 * gradients of any order work.
 */
final class StridedOps {
    private StridedOps() {}

    /** Sizes, strides and absolute storage offset. */
    record Geometry(int[] sizes, int[] strides, int offset) {
        static Geometry of(NDArray a) {
            return new Geometry(a.sizes(), a.stride(), a.storageOffset());
        }

        int numel() {
            int n = 1;
            for (int s : sizes) {
                n *= s;
            }
            return n;
        }

        /** The highest storage position this geometry reaches (strides are never negative). */
        long last() {
            long p = offset;
            for (int i = 0; i < sizes.length; i++) {
                p += (long) (sizes[i] - 1) * strides[i];
            }
            return p;
        }

        /** True when no two elements may share a storage position (conservative, as PyTorch's maybe_overlap). */
        boolean nonOverlapping() {
            int n = sizes.length;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Integer.compare(strides[a], strides[b]));
            long reach = 0;
            for (int k = 0; k < n; k++) {
                int d = order[k];
                if (sizes[d] <= 1) {
                    continue;
                }
                if (strides[d] <= reach) {
                    return false;
                }
                reach += (long) (sizes[d] - 1) * strides[d];
            }
            return true;
        }

        /** The storage position of every element in row-major order, minus {@code lo}. */
        long[] positions(long lo) {
            long[] pos = new long[numel()];
            int[] idx = new int[sizes.length];
            for (int k = 0; k < pos.length; k++) {
                long p = offset - lo;
                for (int d = 0; d < idx.length; d++) {
                    p += (long) idx[d] * strides[d];
                }
                pos[k] = p;
                for (int d = idx.length - 1; d >= 0; d--) {
                    if (++idx[d] < sizes[d]) {
                        break;
                    }
                    idx[d] = 0;
                }
            }
            return pos;
        }
    }

    static Tensor asStrided(Tensor self, int[] size, int[] stride, int storageOffset) {
        return new AsStrided(size, stride, storageOffset).apply(self);
    }

    /** {@code as_strided}: a view; backward maps the gradient from the view's geometry to the input's. */
    static final class AsStrided extends Function {
        private final int[] size;
        private final int[] stride;
        private final int offset;
        private Geometry input;

        AsStrided(int[] size, int[] stride, int offset) {
            this.size = size.clone();
            this.stride = stride.clone();
            this.offset = offset;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            NDArray a = in[0].array();
            input = Geometry.of(a);
            return Tensor.viewOf(in[0], a.asStrided(size, stride, offset));
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            Geometry view = new Geometry(size, stride, offset);
            return new Tensor[] {new Restride(view, input, input.nonOverlapping() ? null : input).apply(g)};
        }

        @Override
        protected String name() {
            return "AsStridedBackward0";
        }
    }

    /**
     * Reads a tensor laid out as geometry {@code from} of a zero storage (overlapping elements add
     * up), divides by the multiplicity of {@code counted} when given, and reads it back through
     * geometry {@code to}: a linear map whose adjoint swaps {@code from} and {@code to}.
     */
    static final class Restride extends Function {
        private final Geometry from;
        private final Geometry to;
        private final Geometry counted;

        Restride(Geometry from, Geometry to, Geometry counted) {
            this.from = from;
            this.to = to;
            this.counted = counted;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            NDArray x = in[0].array();
            DType dt = x.dtype();
            boolean empty = from.numel() == 0 || to.numel() == 0;
            long lo = Math.min(from.offset(), to.offset());
            long hi = Math.max(from.numel() == 0 ? lo : from.last(), to.numel() == 0 ? lo : to.last());
            int n = empty ? 0 : Math.toIntExact(hi - lo + 1);
            NDArray buf = NDArray.zeros(dt, n);
            if (!empty) {
                scatter(buf, from, lo, x);
                if (counted != null) {
                    NDArray count = NDArray.zeros(dt, n);
                    scatter(count, counted, lo, NDArray.ones(dt, counted.sizes()));
                    buf.div_(NDArray.where(count.eq(0L), NDArray.scalar(1, dt), count));
                }
            }
            return new Tensor(empty ? NDArray.zeros(dt, to.sizes()) : buf.asStrided(to.sizes(), to.strides(),
                    Math.toIntExact(to.offset() - lo)).clone());
        }

        /** buf[positions of g] += x: a plain copy where the geometry cannot overlap itself. */
        private static void scatter(NDArray buf, Geometry g, long lo, NDArray x) {
            if (g.nonOverlapping()) {
                buf.asStrided(g.sizes(), g.strides(), Math.toIntExact(g.offset() - lo)).copy_(x);
            } else {
                int m = g.numel();
                buf.indexAdd_(0, NDArray.wrap(g.positions(lo), m), x.reshape(m));
            }
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor g) {
            return new Tensor[] {new Restride(to, from, counted).apply(g)};
        }

        @Override
        protected String name() {
            return "AsStridedBackward0";
        }
    }
}
