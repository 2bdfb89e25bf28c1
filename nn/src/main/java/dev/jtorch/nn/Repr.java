package dev.jtorch.nn;

/** Python spellings used by {@code extra_repr()}. */
final class Repr {
    private Repr() {}

    /** A Python tuple of ints: {@code (2, 3)}, {@code (5,)}. */
    static String tuple(int[] values) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return sb.append(values.length == 1 ? ",)" : ")").toString();
    }
}
