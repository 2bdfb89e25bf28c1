package dev.jtorch.tensor;

import java.util.Arrays;

/** Layout rewrites that share storage: the movement ops behind {@link NDArray}'s views. */
final class Views {
    private Views() {}

    /** Resolves one {@code -1} in a requested shape, with PyTorch's errors. */
    static int[] inferSize(int[] req, int numel) {
        int[] out = req.clone();
        int infer = -1;
        long prod = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("only one dimension can be inferred");
                }
                infer = i;
            } else if (out[i] < 0) {
                throw new IllegalArgumentException("invalid shape dimension " + out[i]);
            } else {
                prod *= out[i];
            }
        }
        if (infer >= 0) {
            if (prod == 0) {
                throw new IllegalArgumentException("cannot reshape tensor of " + numel
                        + " elements into shape " + shapeWithMinusOne(req) + " because the unspecified dimension size -1 can be any value and is ambiguous");
            }
            if (numel % prod != 0) {
                throw new IllegalArgumentException("shape '" + shapeWithMinusOne(req) + "' is invalid for input of size " + numel);
            }
            out[infer] = (int) (numel / prod);
        } else if (prod != numel) {
            throw new IllegalArgumentException("shape '" + shapeWithMinusOne(req) + "' is invalid for input of size " + numel);
        }
        return out;
    }

    private static String shapeWithMinusOne(int[] req) {
        return Arrays.toString(req);
    }

    /**
     * Port of {@code at::detail::computeStride}: strides for viewing (oldShape, oldStride) as
     * newShape without copying, or null when impossible.
     */
    static int[] computeStride(int[] oldShape, int[] oldStride, int[] newShape) {
        if (oldShape.length == 0) {
            int[] ones = new int[newShape.length];
            java.util.Arrays.fill(ones, 1);
            return ones;
        }
        int numel = Shapes.numel(oldShape);
        int[] newStride = new int[newShape.length];
        if (numel == 0) {
            if (Arrays.equals(oldShape, newShape)) {
                return oldStride.clone();
            }
            return Shapes.contiguousStrides(newShape);
        }
        int viewD = newShape.length - 1;
        long chunkBaseStride = oldStride.length > 0 ? oldStride[oldStride.length - 1] : 1;
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= oldShape[tensorD];
            if (tensorD == 0 || (oldShape[tensorD - 1] != 1 && oldStride[tensorD - 1] != tensorNumel * chunkBaseStride)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStride[viewD] = (int) (viewNumel * chunkBaseStride);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (tensorD > 0) {
                    chunkBaseStride = oldStride[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        if (viewD != -1) {
            return null;
        }
        return newStride;
    }

    static NDArray view(NDArray a, int[] req) {
        int[] shape = inferSize(req, a.numel());
        int[] st = computeStride(a.sizes(), a.stride(), shape);
        if (st == null) {
            throw new IllegalArgumentException("view size is not compatible with input tensor's size and stride "
                    + "(at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        return a.withLayout(shape, st, a.offset());
    }

    static NDArray reshape(NDArray a, int[] req) {
        int[] shape = inferSize(req, a.numel());
        int[] st = computeStride(a.sizes(), a.stride(), shape);
        if (st != null) {
            return a.withLayout(shape, st, a.offset());
        }
        return a.clone().withLayout(shape, Shapes.contiguousStrides(shape), 0);
    }

    static NDArray permute(NDArray a, int[] dims) {
        int r = a.dim();
        if (dims.length != r) {
            throw new IllegalArgumentException("permute(sparse_coo): number of dimensions in the tensor input does not match "
                    .replace("(sparse_coo)", "") + "the length of the desired ordering of dimensions i.e. input.dim() = "
                    + r + " is not equal to len(dims) = " + dims.length);
        }
        boolean[] seen = new boolean[r];
        int[] shape = new int[r];
        int[] st = new int[r];
        for (int i = 0; i < r; i++) {
            int d = Shapes.wrapDim(dims[i], r);
            if (seen[d]) {
                throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
            }
            seen[d] = true;
            shape[i] = a.sizeAt(d);
            st[i] = a.strideAt(d);
        }
        return a.withLayout(shape, st, a.offset());
    }

    static NDArray transpose(NDArray a, int d0, int d1) {
        int r = a.dim();
        if (r == 0) {
            Shapes.wrapDim(d0, r);
            Shapes.wrapDim(d1, r);
            return a.withLayout(new int[0], new int[0], a.offset());
        }
        d0 = Shapes.wrapDim(d0, r);
        d1 = Shapes.wrapDim(d1, r);
        int[] shape = a.sizes();
        int[] st = a.stride();
        swap(shape, d0, d1);
        swap(st, d0, d1);
        return a.withLayout(shape, st, a.offset());
    }

    private static void swap(int[] x, int i, int j) {
        int t = x[i];
        x[i] = x[j];
        x[j] = t;
    }

    static NDArray t(NDArray a) {
        if (a.dim() > 2) {
            throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + a.dim() + "D");
        }
        return a.dim() < 2 ? a.withLayout(a.sizes(), a.stride(), a.offset()) : transpose(a, 0, 1);
    }

    static NDArray narrow(NDArray a, int dim, int start, int length) {
        if (a.dim() == 0) {
            throw new IllegalArgumentException("narrow() cannot be applied to a 0-dim tensor.");
        }
        dim = Shapes.wrapDim(dim, a.dim());
        int size = a.sizeAt(dim);
        if (start < -size || start > size) {
            throw new IndexOutOfBoundsException("start out of range (expected to be in range of [" + (-size) + ", "
                    + size + "], but got " + start + ")");
        }
        if (start < 0) {
            start += size;
        }
        if (length < 0) {
            throw new IllegalArgumentException("narrow(): length must be non-negative.");
        }
        if (start > size - length) {
            throw new IllegalArgumentException("start (" + start + ") + length (" + length
                    + ") exceeds dimension size (" + size + ").");
        }
        int[] shape = a.sizes();
        shape[dim] = length;
        return a.withLayout(shape, a.stride(), a.offset() + start * a.strideAt(dim));
    }

    /** Python slicing {@code a[..., start:end:step, ...]} on one dim, with Python's clamping. */
    static NDArray slice(NDArray a, int dim, int start, int end, int step) {
        if (a.dim() == 0) {
            throw new IllegalArgumentException("slice() cannot be applied to a 0-dim tensor.");
        }
        if (step <= 0) {
            throw new IllegalArgumentException("slice step must be positive");
        }
        dim = Shapes.wrapDim(dim, a.dim());
        int size = a.sizeAt(dim);
        long s = start < 0 ? (long) start + size : start;
        long e = end < 0 ? (long) end + size : end;
        s = Math.max(0, Math.min(s, size));
        e = Math.max(s, Math.min(e, size));
        int len = (int) ((e - s + step - 1) / step);
        int[] shape = a.sizes();
        int[] st = a.stride();
        shape[dim] = len;
        int off = a.offset() + (int) s * st[dim];
        st[dim] *= step;
        return a.withLayout(shape, st, off);
    }

    static NDArray select(NDArray a, int dim, int index) {
        if (a.dim() == 0) {
            throw new IllegalArgumentException("select() cannot be applied to a 0-dim tensor.");
        }
        dim = Shapes.wrapDim(dim, a.dim());
        int size = a.sizeAt(dim);
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("select(): index " + index + " out of range for tensor of size "
                    + Shapes.str(a.sizes()) + " at dimension " + dim);
        }
        if (index < 0) {
            index += size;
        }
        int[] shape = remove(a.sizes(), dim);
        int[] st = remove(a.stride(), dim);
        return a.withLayout(shape, st, a.offset() + index * a.strideAt(dim));
    }

    static int[] remove(int[] x, int i) {
        int[] out = new int[x.length - 1];
        System.arraycopy(x, 0, out, 0, i);
        System.arraycopy(x, i + 1, out, i, x.length - i - 1);
        return out;
    }

    static int[] insert(int[] x, int i, int v) {
        int[] out = new int[x.length + 1];
        System.arraycopy(x, 0, out, 0, i);
        out[i] = v;
        System.arraycopy(x, i, out, i + 1, x.length - i);
        return out;
    }

    static NDArray expand(NDArray a, int[] sizes) {
        int r = a.dim();
        int n = sizes.length;
        if (n < r) {
            throw new IllegalArgumentException("expand(" + a.dtypeTensorName() + "{" + Shapes.str(a.sizes())
                    + "}, size=" + Shapes.str(sizes) + "): the number of sizes provided (" + n
                    + ") must be greater or equal to the number of dimensions in the tensor (" + r + ")");
        }
        int[] shape = new int[n];
        int[] st = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            int ai = i - (n - r);
            int want = sizes[i];
            if (ai < 0) {
                if (want < 0) {
                    throw new IllegalArgumentException("The expanded size of the tensor (" + want
                            + ") isn't allowed in a leading, non-existing dimension " + i);
                }
                shape[i] = want;
                st[i] = 0;
                continue;
            }
            int have = a.sizeAt(ai);
            if (want == -1) {
                want = have;
            }
            if (have == want) {
                shape[i] = have;
                st[i] = a.strideAt(ai);
            } else if (have == 1) {
                shape[i] = want;
                st[i] = 0;
            } else {
                throw new IllegalArgumentException("The expanded size of the tensor (" + want
                        + ") must match the existing size (" + have + ") at non-singleton dimension " + i
                        + ".  Target sizes: " + Shapes.str(sizes) + ".  Tensor sizes: " + Shapes.str(a.sizes()));
            }
        }
        return a.withLayout(shape, st, a.offset());
    }

    static NDArray squeeze(NDArray a) {
        int count = 0;
        for (int i = 0; i < a.dim(); i++) {
            if (a.sizeAt(i) != 1) {
                count++;
            }
        }
        int[] shape = new int[count];
        int[] st = new int[count];
        int j = 0;
        for (int i = 0; i < a.dim(); i++) {
            if (a.sizeAt(i) != 1) {
                shape[j] = a.sizeAt(i);
                st[j++] = a.strideAt(i);
            }
        }
        return a.withLayout(shape, st, a.offset());
    }

    static NDArray squeeze(NDArray a, int dim) {
        dim = Shapes.wrapDim(dim, a.dim());
        if (a.dim() == 0 || a.sizeAt(dim) != 1) {
            return a.withLayout(a.sizes(), a.stride(), a.offset());
        }
        return a.withLayout(remove(a.sizes(), dim), remove(a.stride(), dim), a.offset());
    }

    static NDArray unsqueeze(NDArray a, int dim) {
        dim = Shapes.wrapDim(dim, a.dim() + 1);
        int st = dim < a.dim() ? a.sizeAt(dim) * a.strideAt(dim) : 1;
        return a.withLayout(insert(a.sizes(), dim, 1), insert(a.stride(), dim, st), a.offset());
    }

    static NDArray flatten(NDArray a, int start, int end) {
        if (a.dim() == 0) {
            return reshape(a, new int[] {1});
        }
        start = Shapes.wrapDim(start, a.dim());
        end = Shapes.wrapDim(end, a.dim());
        if (start > end) {
            throw new IllegalArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        if (start == end) {
            return a.withLayout(a.sizes(), a.stride(), a.offset());
        }
        int[] s = a.sizes();
        int[] shape = new int[s.length - (end - start)];
        int j = 0;
        for (int i = 0; i < start; i++) {
            shape[j++] = s[i];
        }
        int prod = 1;
        for (int i = start; i <= end; i++) {
            prod *= s[i];
        }
        shape[j++] = prod;
        for (int i = end + 1; i < s.length; i++) {
            shape[j++] = s[i];
        }
        return reshape(a, shape);
    }

    static NDArray unflatten(NDArray a, int dim, int[] sizes) {
        dim = Shapes.wrapDim(dim, a.dim());
        if (sizes.length == 0) {
            throw new IllegalArgumentException("unflatten: sizes must be non-empty");
        }
        int[] inner = inferSizeUnflatten(sizes, a.sizeAt(dim));
        int[] s = a.sizes();
        int[] shape = new int[s.length - 1 + inner.length];
        System.arraycopy(s, 0, shape, 0, dim);
        System.arraycopy(inner, 0, shape, dim, inner.length);
        System.arraycopy(s, dim + 1, shape, dim + inner.length, s.length - dim - 1);
        return view(a, shape);
    }

    private static int[] inferSizeUnflatten(int[] sizes, int dimSize) {
        long prod = 1;
        int infer = -1;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] == -1) {
                infer = i;
            } else {
                prod *= sizes[i];
            }
        }
        int[] out = sizes.clone();
        if (infer >= 0 && prod != 0 && dimSize % prod == 0) {
            out[infer] = (int) (dimSize / prod);
            prod *= out[infer];
        }
        if (prod != dimSize) {
            throw new IllegalArgumentException("unflatten: Provided sizes " + Shapes.str(sizes)
                    + " don't multiply up to the size of dim (" + dimSize + ") in the input tensor");
        }
        return out;
    }

    /** {@code as_strided} with PyTorch's checks (setStrided, checkInBoundsForStorage). */
    static NDArray asStrided(NDArray a, int[] size, int[] stride, int offset) {
        if (size.length != stride.length) {
            throw new IllegalArgumentException("mismatch in length of strides and shape");
        }
        for (int s : stride) {
            if (s < 0) {
                throw new IllegalArgumentException(
                        "as_strided: Negative strides are not supported at the moment, got strides: " + Arrays.toString(stride));
            }
        }
        if (offset < 0) {
            throw new IllegalArgumentException("Tensor: invalid storage offset " + offset);
        }
        long extent = 1;
        boolean empty = false;
        for (int i = 0; i < size.length; i++) {
            if (size[i] < 0) {
                throw new IllegalArgumentException("Storage size calculation overflowed with sizes=" + Arrays.toString(size)
                        + " and strides=" + Arrays.toString(stride));
            }
            empty |= size[i] == 0;
            extent += (long) stride[i] * (size[i] - 1);
        }
        long item = a.dtype().itemSize();
        long need = empty ? 0 : item * (offset + extent);
        long have = item * java.lang.reflect.Array.getLength(a.storage());
        if (need > have) {
            throw new IllegalArgumentException("setStorage: sizes " + Arrays.toString(size) + ", strides "
                    + Arrays.toString(stride) + ", storage offset " + offset + ", and itemsize " + item
                    + " requiring a storage size of " + need + " are out of bounds for storage of size " + have);
        }
        return a.withLayout(size.clone(), stride.clone(), offset);
    }
}
