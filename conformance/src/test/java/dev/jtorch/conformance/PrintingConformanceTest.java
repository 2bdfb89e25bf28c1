package dev.jtorch.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtorch.tensor.DType;
import dev.jtorch.tensor.NDArray;
import dev.jtorch.tensor.PrintOptions;
import dev.jtorch.tensor.TensorFormatter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * TensorFormatter against PyTorch's own {@code repr()}, character for character. The goldens come from
 * {@code src/test/python/print_goldens.py} (Debian's python3-torch 1.13.1; cases where PyTorch 2.10
 * prints differently are marked {@code 2.10-emulated:...} and hold 2.10's output). Exact comparison:
 * printing has no numeric tolerance. No libtorch natives are needed, only the resource file.
 */
class PrintingConformanceTest {
    private static final String RESOURCE = "/printing/goldens.txt";
    private static final Set<String> SOURCES =
            Set.of("1.13.1", "2.10-emulated:sci_mode-widths", "2.10-emulated:edgeitems=0");

    /** One line of the goldens file. */
    private static final class Golden {
        final String name;
        final String source;
        final NDArray tensor;
        final PrintOptions options;
        final List<String> suffixes;
        final String repr;

        Golden(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 8) {
                throw new IllegalStateException("expected 8 tab-separated fields, got " + f.length + ": " + line);
            }
            name = f[0];
            source = f[1];
            tensor = tensor(f[2], shape(f[3]), f[6]);
            options = options(f[4]);
            suffixes = f[5].equals("-") ? List.of() : Arrays.asList(f[5].split("\\|"));
            repr = unescape(f[7]);
        }
    }

    private static List<Golden> goldens() throws IOException {
        List<Golden> out = new ArrayList<>();
        try (InputStream in = PrintingConformanceTest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(new Golden(line));
                }
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> reprMatchesPyTorch() throws IOException {
        return goldens().stream().map(g -> DynamicTest.dynamicTest(g.name + " [" + g.source + "]", () -> {
            assertEquals(g.repr, TensorFormatter.format(g.tensor, g.suffixes, g.options), g.name);
            // the same values through a non-contiguous view gather to the same output
            NDArray strided = reversedLayout(g.tensor);
            assertEquals(g.repr, TensorFormatter.format(strided, g.suffixes, g.options), g.name + " (strided view)");
        }));
    }

    @Test
    void toStringUsesTheGlobalOptions() throws IOException {
        int checked = 0;
        PrintOptions saved = TensorFormatter.printOptions();
        try {
            for (Golden g : goldens()) {
                if (g.suffixes.isEmpty()) {
                    TensorFormatter.setPrintOptions(g.options);
                    assertEquals(g.repr, g.tensor.toString(), g.name);
                    checked++;
                }
            }
        } finally {
            TensorFormatter.setPrintOptions(saved);
        }
        assertTrue(checked > 300, "only " + checked + " cases without suffixes");
    }

    @Test
    void goldensCoverWhatTheyClaim() throws IOException {
        List<Golden> all = goldens();
        assertTrue(all.size() >= 400, "only " + all.size() + " goldens");
        for (Golden g : all) {
            assertTrue(SOURCES.contains(g.source), g.name + ": unknown source " + g.source);
        }
        assertTrue(all.stream().anyMatch(g -> g.repr.contains("...")), "no summarized case");
        assertTrue(all.stream().anyMatch(g -> g.repr.contains("e-")), "no scientific case");
        assertTrue(all.stream().anyMatch(g -> g.repr.contains(",\n       grad_fn=")), "no wrapped grad_fn suffix");
        assertTrue(all.stream().anyMatch(g -> g.repr.contains(", grad_fn=")), "no inline grad_fn suffix");
        for (DType d : DType.values()) {
            assertTrue(all.stream().anyMatch(g -> g.tensor.dtype() == d), "no " + d + " case");
        }
        for (int dim = 0; dim <= 4; dim++) {
            int fd = dim;
            assertTrue(all.stream().anyMatch(g -> g.tensor.dim() == fd && g.tensor.numel() > 0), "no " + dim + "-d case");
        }
    }

    /** The same logical tensor stored with the dims in reverse order, viewed back: non-contiguous. */
    private static NDArray reversedLayout(NDArray a) {
        int nd = a.dim();
        int[] rev = new int[nd];
        for (int i = 0; i < nd; i++) {
            rev[i] = nd - 1 - i;
        }
        return a.permute(rev).contiguous().permute(rev);
    }

    private static int[] shape(String tuple) {
        String inner = tuple.substring(1, tuple.length() - 1).trim();
        return Arrays.stream(inner.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt)
                .toArray();
    }

    private static NDArray tensor(String dtype, int[] shape, String values) {
        String[] v = values.equals("-") ? new String[0] : values.split(" ");
        switch (dtype) {
            case "float32": {
                float[] x = new float[v.length];
                for (int i = 0; i < v.length; i++) {
                    x[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(v[i], 16));
                }
                return NDArray.wrap(x, shape);
            }
            case "float64": {
                double[] x = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    x[i] = Double.longBitsToDouble(Long.parseUnsignedLong(v[i], 16));
                }
                return NDArray.wrap(x, shape);
            }
            case "int64": {
                long[] x = new long[v.length];
                for (int i = 0; i < v.length; i++) {
                    x[i] = Long.parseLong(v[i]);
                }
                return NDArray.wrap(x, shape);
            }
            case "bool": {
                byte[] x = new byte[v.length];
                for (int i = 0; i < v.length; i++) {
                    x[i] = (byte) Integer.parseInt(v[i]);
                }
                return NDArray.wrapBool(x, shape);
            }
            default:
                throw new IllegalStateException("unknown dtype " + dtype);
        }
    }

    private static PrintOptions options(String spec) {
        PrintOptions o = PrintOptions.defaults();
        for (String kv : spec.split(";")) {
            String[] p = kv.split("=", 2);
            switch (p[0]) {
                case "precision":
                    o = o.precision(Integer.parseInt(p[1]));
                    break;
                case "threshold":
                    o = o.threshold(p[1].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(p[1]));
                    break;
                case "edgeitems":
                    o = o.edgeitems(Integer.parseInt(p[1]));
                    break;
                case "linewidth":
                    o = o.linewidth(Integer.parseInt(p[1]));
                    break;
                case "sci_mode":
                    o = o.sciMode(p[1].equals("None") ? null : Boolean.valueOf(p[1].equals("True")));
                    break;
                default:
                    throw new IllegalStateException("unknown option " + kv);
            }
        }
        return o;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                char next = s.charAt(++i);
                sb.append(next == 'n' ? '\n' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
