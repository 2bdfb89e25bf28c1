package dev.jtorch.nn;

import java.util.Map;

/** {@code torch.nn.ModuleDict}: registered modules by name, in insertion order. */
public class ModuleDict extends Module {
    /** {@code nn.ModuleDict()}. */
    public ModuleDict() {
    }

    /** {@code nn.ModuleDict(modules)} keeping the map's iteration order. */
    public ModuleDict(Map<String, ? extends Module> modules) {
        modules.forEach(this::put);
    }

    /** {@code module_dict[key] = module}. */
    public final ModuleDict put(String key, Module module) {
        register(key, module);
        return this;
    }

    /** {@code module_dict[key]}. */
    public final Module get(String key) {
        Module m = namedChildren().get(key);
        if (m == null) {
            throw new IllegalArgumentException("'" + key + "' is not in this ModuleDict");
        }
        return m;
    }

    /** {@code key in module_dict}. */
    public final boolean containsKey(String key) {
        return namedChildren().containsKey(key);
    }

    /** {@code len(module_dict)}. */
    public final int size() {
        return namedChildren().size();
    }
}
