package dev.jtorch.nn;

import dev.jtorch.Tensor;
import java.util.Map;

/** {@code torch.nn.ParameterDict}: parameters by name, in insertion order. */
public class ParameterDict extends Module {
    /** {@code nn.ParameterDict()}. */
    public ParameterDict() {
    }

    /** {@code nn.ParameterDict(values)}: plain tensors are wrapped in {@link Parameter}. */
    public ParameterDict(Map<String, ? extends Tensor> values) {
        values.forEach(this::put);
    }

    /** {@code parameter_dict[key] = value}. */
    public final ParameterDict put(String key, Tensor value) {
        registerParameter(key, value instanceof Parameter ? (Parameter) value : new Parameter(value));
        return this;
    }

    /** {@code parameter_dict[key]}. */
    public final Parameter get(String key) {
        return parameter(key);
    }

    /** {@code len(parameter_dict)}. */
    public final int size() {
        return namedParameters().size();
    }

    @Override
    public String extraRepr() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Parameter> e : namedParameters().entrySet()) {
            sb.append(sb.length() > 0 ? "\n" : "").append(describe(e.getKey(), e.getValue()));
        }
        return sb.toString();
    }

    /** {@code   (key): Parameter containing: [torch.float32 of size 3x4]} as PyTorch's containers print it (two leading spaces included). */
    static String describe(String key, Parameter p) {
        StringBuilder size = new StringBuilder();
        int[] s = p.sizes();
        for (int i = 0; i < s.length; i++) {
            size.append(i > 0 ? "x" : "").append(s[i]);
        }
        return "  (" + key + "): Parameter containing: [" + p.dtype() + " of size " + size + "]";
    }
}
