package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Assumptions;

/**
 * The bridge to real PyTorch (libtorch 2.10 through {@code org.bytedeco:pytorch}): copy the same
 * inputs into both frameworks, copy results back, compare. Call {@link #require()} first in each
 * test: on platforms without bundled natives the test is skipped with a message, never passed.
 *
 * <p>Wrap loops that create many libtorch tensors in {@code try (PointerScope s = new PointerScope())}
 * so native memory is freed promptly.
 */
public final class Oracle {
    private Oracle() {}

    private static final boolean AVAILABLE = Boolean.parseBoolean(System.getProperty("jtorch.libtorch.available", "false"));

    /** Skips the calling test (with the reason) when libtorch natives are not on this platform. */
    public static void require() {
        Assumptions.assumeTrue(AVAILABLE, "libtorch 2.10 natives are bundled here only for linux-x86_64 (this is "
                + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + "); conformance test skipped");
    }

    /** libtorch's scalar type for a jtorch dtype. */
    public static torch.ScalarType scalarType(DType t) {
        switch (t) {
            case FLOAT32: return torch.ScalarType.Float;
            case FLOAT64: return torch.ScalarType.Double;
            case INT64: return torch.ScalarType.Long;
            default: return torch.ScalarType.Bool;
        }
    }

    /** A libtorch tensor holding a copy of {@code a} (contiguous, same dtype and shape). */
    public static Tensor toTorch(NDArray a) {
        long[] shape = new long[a.dim()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = a.size(i);
        }
        TensorOptions opts = new TensorOptions(scalarType(a.dtype()));
        Tensor t;
        switch (a.dtype()) {
            case FLOAT32: t = torch.from_blob(new FloatPointer(a.toFloatArray()), shape, opts); break;
            case FLOAT64: t = torch.from_blob(new DoublePointer(a.toDoubleArray()), shape, opts); break;
            case INT64: t = torch.from_blob(new LongPointer(a.toLongArray()), shape, opts); break;
            default: {
                boolean[] b = a.toBooleanArray();
                byte[] bytes = new byte[b.length];
                for (int i = 0; i < b.length; i++) {
                    bytes[i] = (byte) (b[i] ? 1 : 0);
                }
                t = torch.from_blob(new BytePointer(bytes), shape, opts);
            }
        }
        return t.clone(); // own the memory: from_blob does not
    }

    /** The jtorch dtype of a libtorch tensor (only the dtypes jtorch has). */
    public static DType dtype(Tensor t) {
        torch.ScalarType st = t.scalar_type().intern();
        // JavaCPP returns a fresh enum object carrying the native value; intern() maps it to the constant.
        switch (st.name()) {
            case "Float": return DType.FLOAT32;
            case "Double": return DType.FLOAT64;
            case "Long": return DType.INT64;
            case "Bool": return DType.BOOL;
            default: break;
        }
        throw new IllegalArgumentException("no jtorch dtype for libtorch " + st);
    }

    /** A jtorch copy of a libtorch tensor. */
    public static NDArray fromTorch(Tensor t) {
        Tensor c = t.contiguous();
        int[] shape = new int[(int) c.dim()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (int) c.size(i);
        }
        int n = (int) c.numel();
        switch (dtype(c)) {
            case FLOAT32: {
                float[] v = new float[n];
                if (n > 0) {
                    new FloatPointer(c.data_ptr_float()).get(v);
                }
                return NDArray.wrap(v, shape);
            }
            case FLOAT64: {
                double[] v = new double[n];
                if (n > 0) {
                    new DoublePointer(c.data_ptr_double()).get(v);
                }
                return NDArray.wrap(v, shape);
            }
            case INT64: {
                long[] v = new long[n];
                if (n > 0) {
                    new LongPointer(c.data_ptr_long()).get(v);
                }
                return NDArray.wrap(v, shape);
            }
            default: {
                byte[] v = new byte[n];
                if (n > 0) {
                    new BytePointer(c.data_ptr_bool()).get(v);
                }
                return NDArray.wrapBool(v, shape);
            }
        }
    }

    /** Same dtype, same shape, bit-identical values (NaNs equal to NaNs). */
    public static void assertExact(NDArray expected, NDArray actual, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.sizes(), actual.sizes(), what + ": shape");
        if (expected.dtype() == DType.FLOAT32) {
            float[] e = expected.toFloatArray();
            float[] a = actual.toFloatArray();
            for (int i = 0; i < e.length; i++) {
                if (Float.floatToIntBits(e[i]) != Float.floatToIntBits(a[i]) && !(e[i] == 0 && a[i] == 0)) {
                    fail(what + ": element " + i + " expected " + e[i] + " but was " + a[i]);
                }
            }
        } else {
            assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), 0.0, what);
        }
    }

    /**
     * Same dtype and shape, and every element within {@code maxUlps} units in the last place of
     * the expected value (for elementwise transcendental ops: PyTorch uses Sleef/libm, Java its own).
     */
    public static void assertUlps(NDArray expected, NDArray actual, int maxUlps, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.sizes(), actual.sizes(), what + ": shape");
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        boolean f32 = expected.dtype() == DType.FLOAT32;
        for (int i = 0; i < e.length; i++) {
            if (Double.isNaN(e[i]) && Double.isNaN(a[i]) || e[i] == a[i]) {
                continue;
            }
            double ulp = f32 ? Math.ulp((float) e[i]) : Math.ulp(e[i]);
            if (!(Math.abs(e[i] - a[i]) <= maxUlps * ulp)) {
                fail(what + ": element " + i + " expected " + e[i] + " but was " + a[i] + " (more than " + maxUlps + " ulp)");
            }
        }
    }

    /** Same dtype and shape, {@code |a - e| <= atol + rtol * |e|} (reductions, matmul: order differs). */
    public static void assertClose(NDArray expected, NDArray actual, double rtol, double atol, String what) {
        assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
        assertArrayEquals(expected.sizes(), actual.sizes(), what + ": shape");
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        for (int i = 0; i < e.length; i++) {
            if (Double.isNaN(e[i]) && Double.isNaN(a[i]) || e[i] == a[i]) {
                continue;
            }
            if (!(Math.abs(e[i] - a[i]) <= atol + rtol * Math.abs(e[i]))) {
                fail(what + ": element " + i + " expected " + e[i] + " but was " + a[i]
                        + " (rtol " + rtol + ", atol " + atol + ")");
            }
        }
    }
}
