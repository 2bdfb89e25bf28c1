package dev.jtorch;

import dev.jtorch.tensor.NDArray;
import java.util.List;

/** Formats a tensor with autograd suffixes the way PyTorch's repr does. */
final class Printing {
    private Printing() {}

    static String format(NDArray a, List<String> suffixes) {
        String s = a.toString();
        if (suffixes.isEmpty()) {
            return s;
        }
        return s.substring(0, s.length() - 1) + ", " + String.join(", ", suffixes) + ")";
    }
}
