package dev.jtorch.nn;

import java.util.List;

/**
 * What {@link Module#loadStateDict} returns ({@code _IncompatibleKeys}): keys the module expected
 * but the state dict lacked, and keys the state dict had but the module does not.
 */
public final class IncompatibleKeys {
    private final List<String> missingKeys;
    private final List<String> unexpectedKeys;

    IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
        this.missingKeys = List.copyOf(missingKeys);
        this.unexpectedKeys = List.copyOf(unexpectedKeys);
    }

    /** {@code missing_keys}. */
    public List<String> missingKeys() {
        return missingKeys;
    }

    /** {@code unexpected_keys}. */
    public List<String> unexpectedKeys() {
        return unexpectedKeys;
    }

    /** As PyTorch prints it: {@code <All keys matched successfully>} or the two lists. */
    @Override
    public String toString() {
        if (missingKeys.isEmpty() && unexpectedKeys.isEmpty()) {
            return "<All keys matched successfully>";
        }
        return "_IncompatibleKeys(missing_keys=" + pyList(missingKeys) + ", unexpected_keys=" + pyList(unexpectedKeys) + ")";
    }

    private static String pyList(List<String> l) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < l.size(); i++) {
            sb.append(i > 0 ? ", " : "").append('\'').append(l.get(i)).append('\'');
        }
        return sb.append(']').toString();
    }
}
