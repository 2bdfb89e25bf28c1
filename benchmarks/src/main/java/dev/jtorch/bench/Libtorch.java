package dev.jtorch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;

/** The few libtorch calls the benchmarks need: loading, tensors from floats and back, threads, version. */
public final class Libtorch {
    private Libtorch() {}

    /** JavaCPP's limit on the process's resident memory; checking it costs a read of /proc on every new tensor. */
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    /**
     * Turns off JavaCPP's per-allocation resident-memory check (unless the user set the limit), which
     * reads {@code /proc/self/statm} for every tensor a libtorch call returns: measured here it was
     * more than half the cost of a small libtorch op (about 9 µs of CPU per 3x3 add with it, 4 µs
     * without). The benchmarks free every tensor through {@code PointerScope}, so the check guards
     * nothing. Must run before any JavaCPP class is loaded; returns whether the setting is in force.
     */
    public static boolean bestBindingSettings() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
        return "0".equals(System.getProperty(MAX_PHYSICAL_BYTES));
    }

    /**
     * Loads the natives (the first touch of {@code torch} does) or throws with a message saying why
     * they are missing.
     */
    public static void load() {
        try {
            torch.get_num_threads();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw new IllegalStateException("libtorch natives could not be loaded on " + System.getProperty("os.name")
                    + "/" + System.getProperty("os.arch") + " (org.bytedeco:pytorch bundles them for linux-x86_64 through "
                    + "the libtorch-linux-x86_64 profile of benchmarks/pom.xml): " + e, e);
        }
    }

    /** A libtorch float32 tensor owning a copy of {@code data} with this shape. */
    public static Tensor tensor(float[] data, int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        Tensor view = torch.from_blob(new FloatPointer(data), s, new TensorOptions(torch.ScalarType.Float));
        return view.clone(); // from_blob does not own the memory; the clone does (and is 64-byte aligned)
    }

    /** A libtorch int64 vector owning a copy of {@code data} (class labels, indices). */
    public static Tensor longTensor(long[] data) {
        Tensor view = torch.from_blob(new LongPointer(data), new long[] {data.length}, new TensorOptions(torch.ScalarType.Long));
        return view.clone();
    }

    /** The values of a float32 tensor, in row-major order. */
    public static float[] toFloatArray(Tensor t) {
        Tensor c = t.contiguous();
        float[] v = new float[(int) c.numel()];
        if (v.length > 0) {
            new FloatPointer(c.data_ptr_float()).get(v);
        }
        return v;
    }

    /** {@code torch.set_num_threads(n)}: libtorch's intra-op thread count. */
    public static void setNumThreads(int n) {
        torch.set_num_threads(n);
    }

    /**
     * libtorch's version as the bindings report it: {@code "2.10.0 (org.bytedeco:pytorch 2.10.0-1.5.13)"},
     * plus its parallel backend.
     */
    public static String version() {
        String config = torch.show_config().getString();
        String torchVersion = field(config, "TORCH_VERSION=");
        String jar = bindingsVersion();
        String backend = parallelBackend();
        return (torchVersion != null ? torchVersion : "unknown") + " (org.bytedeco:pytorch " + jar + ")"
                + (backend != null ? ", " + backend : "");
    }

    private static String bindingsVersion() {
        try (InputStream in = torch.class.getResourceAsStream("/META-INF/maven/org.bytedeco/pytorch/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The "ATen parallel backend: OpenMP" line of {@code at::get_parallel_info()}, without its label. */
    private static String parallelBackend() {
        for (String line : torch.get_parallel_info().getString().split("\n")) {
            String l = line.trim();
            if (l.startsWith("ATen parallel backend:")) {
                return "parallel backend " + l.substring("ATen parallel backend:".length()).trim();
            }
        }
        return null;
    }

    private static String field(String text, String key) {
        int i = text.indexOf(key);
        if (i < 0) {
            return null;
        }
        int end = i + key.length();
        while (end < text.length() && ",\n ".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        return text.substring(i + key.length(), end);
    }
}
