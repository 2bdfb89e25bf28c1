package dev.jtorch.nn;

import dev.jtorch.Tensor;

/** {@code torch.nn.Sequential}: children named {@code "0"}, {@code "1"}, ... called in order. */
public class Sequential extends Module {
    private int size;

    /** {@code nn.Sequential(*modules)}. */
    public Sequential(Module... modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /** {@code sequential.append(module)}. */
    public final Sequential append(Module module) {
        register(Integer.toString(size++), module);
        return this;
    }

    /** {@code sequential[i]}; negative indices count from the end. */
    public final Module get(int index) {
        int i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range");
        }
        return getSubmodule(Integer.toString(i));
    }

    /** {@code len(sequential)}. */
    public final int size() {
        return size;
    }

    /** Feeds the input through every child in order, each through {@link Module#call}. */
    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module m : childModules()) {
            x = m.call(x);
        }
        return x;
    }
}
