package dev.jtorch.tensor;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/** Conversions between Java arrays and {@link NDArray}, and per-element dtype casts. */
final class Convert {
    private Convert() {}

    /** {@code torch.tensor(nested)}: any depth of float/double/long/int/boolean arrays. */
    static NDArray fromArray(Object nested) {
        if (nested == null || !nested.getClass().isArray()) {
            throw new IllegalArgumentException("expected a Java array, got "
                    + (nested == null ? "null" : nested.getClass().getName()));
        }
        List<Integer> dims = new ArrayList<>();
        Object cur = nested;
        Class<?> c = nested.getClass();
        while (c.isArray()) {
            int len = cur == null ? 0 : Array.getLength(cur);
            dims.add(len);
            c = c.getComponentType();
            cur = len > 0 ? Array.get(cur, 0) : null;
        }
        DType dtype;
        if (c == float.class) {
            dtype = DType.FLOAT32;
        } else if (c == double.class) {
            dtype = DType.FLOAT64;
        } else if (c == long.class || c == int.class) {
            dtype = DType.INT64;
        } else if (c == boolean.class) {
            dtype = DType.BOOL;
        } else {
            throw new IllegalArgumentException("unsupported element type " + c.getName()
                    + " (expected float, double, long, int or boolean)");
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        NDArray out = NDArray.empty(dtype, shape);
        int[] pos = {0};
        fill(nested, 0, shape, out.storage(), pos);
        return out;
    }

    private static void fill(Object arr, int depth, int[] shape, Object dst, int[] pos) {
        int len = Array.getLength(arr);
        if (len != shape[depth]) {
            throw new IllegalArgumentException("expected sequence of length " + shape[depth] + " at dim " + depth
                    + " (got " + len + ")");
        }
        if (depth == shape.length - 1) {
            if (arr instanceof int[]) {
                int[] src = (int[]) arr;
                long[] d = (long[]) dst;
                for (int i = 0; i < len; i++) {
                    d[pos[0]++] = src[i];
                }
            } else if (arr instanceof boolean[]) {
                boolean[] src = (boolean[]) arr;
                byte[] d = (byte[]) dst;
                for (int i = 0; i < len; i++) {
                    d[pos[0]++] = (byte) (src[i] ? 1 : 0);
                }
            } else {
                System.arraycopy(arr, 0, dst, pos[0], len);
                pos[0] += len;
            }
            return;
        }
        for (int i = 0; i < len; i++) {
            Object sub = Array.get(arr, i);
            if (sub == null) {
                throw new IllegalArgumentException("null sub-array at dim " + depth + ", index " + i);
            }
            fill(sub, depth + 1, shape, dst, pos);
        }
    }

    /** Copies {@code src} (broadcast to dst's shape) into {@code dst}, casting dtype. */
    static void copyInto(NDArray dst, NDArray src) {
        int[] shape = dst.sizesRaw(); // read only
        if (!java.util.Arrays.equals(shape, src.sizesRaw())) {
            Shapes.broadcast(shape, src.sizesRaw()); // validates
        }
        int[] bs = Loops.broadcastStrides(src, shape);
        if (src.dim() > shape.length) {
            throw new IllegalArgumentException("output with shape " + Shapes.str(shape)
                    + " doesn't match the broadcast shape " + Shapes.str(Shapes.broadcast(shape, src.sizes())));
        }
        for (int i = 0; i < shape.length; i++) {
            int si = i - (shape.length - src.dim());
            if (si >= 0 && src.sizeAt(si) != shape[i] && src.sizeAt(si) != 1) {
                throw new IllegalArgumentException("output with shape " + Shapes.str(shape)
                        + " doesn't match the broadcast shape " + Shapes.str(Shapes.broadcast(shape, src.sizes())));
            }
        }
        Object d = dst.storage();
        Object s = src.storage();
        DType dt = dst.dtype();
        DType st = src.dtype();
        if (dt == st && dst.numel() > 0 && dst.isContiguous() && src.isContiguous() && java.util.Arrays.equals(shape, src.sizesRaw())) {
            System.arraycopy(s, src.offset(), d, dst.offset(), dst.numel()); // one row: what the loop below would do
            return;
        }
        Loops.forEachRow(shape, new int[] {dst.offset(), src.offset()}, new int[][] {dst.strides(), bs},
                (off, inc, n) -> copyRow(d, dt, off[0], inc[0], s, st, off[1], inc[1], n));
    }

    static void copyRow(Object d, DType dt, int doff, int dinc, Object s, DType st, int soff, int sinc, int n) {
        if (dt == st && dinc == 1 && sinc == 1) {
            System.arraycopy(s, soff, d, doff, n);
            return;
        }
        switch (dt) {
            case FLOAT32: {
                float[] o = (float[]) d;
                if (st == DType.FLOAT32) {
                    float[] a = (float[]) s;
                    for (int i = 0; i < n; i++) {
                        o[doff + i * dinc] = a[soff + i * sinc];
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        o[doff + i * dinc] = (float) getDouble(s, st, soff + i * sinc);
                    }
                }
                break;
            }
            case FLOAT64: {
                double[] o = (double[]) d;
                for (int i = 0; i < n; i++) {
                    o[doff + i * dinc] = getDouble(s, st, soff + i * sinc);
                }
                break;
            }
            case INT64: {
                long[] o = (long[]) d;
                for (int i = 0; i < n; i++) {
                    o[doff + i * dinc] = getLong(s, st, soff + i * sinc);
                }
                break;
            }
            default: {
                byte[] o = (byte[]) d;
                for (int i = 0; i < n; i++) {
                    o[doff + i * dinc] = (byte) (getBool(s, st, soff + i * sinc) ? 1 : 0);
                }
            }
        }
    }

    /** Element {@code i} of raw storage as a double. */
    static double getDouble(Object s, DType t, int i) {
        switch (t) {
            case FLOAT32: return ((float[]) s)[i];
            case FLOAT64: return ((double[]) s)[i];
            case INT64: return ((long[]) s)[i];
            default: return ((byte[]) s)[i];
        }
    }

    /** Element {@code i} as a long; floats truncate toward zero as C++'s static_cast does. */
    static long getLong(Object s, DType t, int i) {
        switch (t) {
            case FLOAT32: return (long) ((float[]) s)[i];
            case FLOAT64: return (long) ((double[]) s)[i];
            case INT64: return ((long[]) s)[i];
            default: return ((byte[]) s)[i];
        }
    }

    static boolean getBool(Object s, DType t, int i) {
        switch (t) {
            case FLOAT32: return ((float[]) s)[i] != 0f;
            case FLOAT64: return ((double[]) s)[i] != 0d;
            case INT64: return ((long[]) s)[i] != 0L;
            default: return ((byte[]) s)[i] != 0;
        }
    }

    /** Stores {@code v} (cast to the storage dtype) at {@code i}. */
    static void setDouble(Object s, DType t, int i, double v) {
        switch (t) {
            case FLOAT32: ((float[]) s)[i] = (float) v; break;
            case FLOAT64: ((double[]) s)[i] = v; break;
            case INT64: ((long[]) s)[i] = (long) v; break;
            default: ((byte[]) s)[i] = (byte) (v != 0 ? 1 : 0);
        }
    }

    static void setLong(Object s, DType t, int i, long v) {
        switch (t) {
            case FLOAT32: ((float[]) s)[i] = (float) v; break;
            case FLOAT64: ((double[]) s)[i] = (double) v; break;
            case INT64: ((long[]) s)[i] = v; break;
            default: ((byte[]) s)[i] = (byte) (v != 0 ? 1 : 0);
        }
    }
}
