package dev.jtorch.io;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A parsed and fully validated header: tensors in offset order, metadata (or null), sizes. */
final class Header {
    /** The largest header the reference implementation accepts ({@code MAX_HEADER_SIZE}). */
    static final long MAX_HEADER_SIZE = 100_000_000L;

    final List<TensorInfo> tensors;
    final Map<String, String> metadata;
    final long dataStart;

    Header(List<TensorInfo> tensors, Map<String, String> metadata, long dataStart) {
        this.tensors = Collections.unmodifiableList(tensors);
        this.metadata = metadata == null ? null : Collections.unmodifiableMap(metadata);
        this.dataStart = dataStart;
    }
}
