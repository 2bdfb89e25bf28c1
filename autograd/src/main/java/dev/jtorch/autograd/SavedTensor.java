package dev.jtorch.autograd;

import dev.jtorch.Tensor;

/** A tensor saved for backward with its version at save time ({@code SavedVariable}). */
final class SavedTensor {
    final Tensor tensor;
    final int version;

    SavedTensor(Tensor tensor) {
        this.tensor = tensor;
        this.version = tensor.version();
    }

    Tensor unpack(Node owner) {
        int now = tensor.version();
        if (now != version) {
            String out = tensor.gradFn() != null
                    ? ", which is output " + tensor.autogradMeta().outputNr() + " of " + tensor.gradFn().name() + ","
                    : "";
            throw new IllegalStateException("one of the variables needed for gradient computation has been modified by "
                    + "an inplace operation: [" + tensor.dtype().legacyTensorName() + " " + shapeStr(tensor) + "]"
                    + out + " is at version " + now + "; expected version " + version + " instead. Hint: the "
                    + "backtrace further above shows the operation that failed to compute its gradient. The variable "
                    + "in question was changed in there or anywhere later. Good luck!");
        }
        return tensor;
    }

    private static String shapeStr(Tensor t) {
        return java.util.Arrays.toString(t.sizes());
    }
}
