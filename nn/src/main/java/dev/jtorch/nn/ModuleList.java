package dev.jtorch.nn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** {@code torch.nn.ModuleList}: an indexable list of registered modules. */
public class ModuleList extends Module implements Iterable<Module> {
    private int size;

    /** {@code nn.ModuleList(modules)}. */
    public ModuleList(Module... modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /** {@code module_list.append(module)}. */
    public final ModuleList append(Module module) {
        register(Integer.toString(size++), module);
        return this;
    }

    /** {@code module_list[i]}. */
    public final Module get(int index) {
        int i = index < 0 ? index + size : index;
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range");
        }
        return getSubmodule(Integer.toString(i));
    }

    /** {@code len(module_list)}. */
    public final int size() {
        return size;
    }

    @Override
    public Iterator<Module> iterator() {
        return children().iterator();
    }

    /** PyTorch 2's ModuleList repr: runs of identical children print once as {@code (0-2): 3 x Linear(...)}. */
    @Override
    public String toString() {
        List<String> reprs = new ArrayList<>();
        for (Module m : children()) {
            reprs.add(m.toString());
        }
        if (reprs.isEmpty()) {
            return getName() + "()";
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= reprs.size(); i++) {
            if (i < reprs.size() && reprs.get(i).equals(reprs.get(start))) {
                continue;
            }
            int end = i - 1;
            String b = reprs.get(start);
            String local = start == end ? "(" + start + "): " + b : "(" + start + "-" + end + "): " + (end - start + 1) + " x " + b;
            lines.add(indent(local));
            start = i;
        }
        return getName() + "(\n  " + String.join("\n  ", lines) + "\n)";
    }
}
