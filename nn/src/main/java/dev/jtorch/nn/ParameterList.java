package dev.jtorch.nn;

import dev.jtorch.Tensor;
import java.util.Iterator;

/** {@code torch.nn.ParameterList}: parameters registered as {@code "0"}, {@code "1"}, ... */
public class ParameterList extends Module implements Iterable<Parameter> {
    private int size;

    /** {@code nn.ParameterList(values)}: plain tensors are wrapped in {@link Parameter}. */
    public ParameterList(Tensor... values) {
        for (Tensor t : values) {
            append(t);
        }
    }

    /** {@code parameter_list.append(value)}. */
    public final ParameterList append(Tensor value) {
        registerParameter(Integer.toString(size++), value instanceof Parameter ? (Parameter) value : new Parameter(value));
        return this;
    }

    /** {@code parameter_list[i]}. */
    public final Parameter get(int index) {
        int i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range");
        }
        return parameter(Integer.toString(i));
    }

    /** {@code len(parameter_list)}. */
    public final int size() {
        return size;
    }

    @Override
    public Iterator<Parameter> iterator() {
        return parameters().iterator();
    }

    /** PyTorch's extra_repr: one line per parameter, e.g. {@code (0): Parameter containing: [torch.float32 of size 3x4]}. */
    @Override
    public String extraRepr() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            Parameter p = get(i);
            sb.append(i > 0 ? "\n" : "").append(ParameterDict.describe(Integer.toString(i), p));
        }
        return sb.toString();
    }
}
