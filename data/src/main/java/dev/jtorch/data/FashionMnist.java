package dev.jtorch.data;

import dev.jtorch.Tensor;
import dev.jtorch.tensor.NDArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Fashion-MNIST as {@code torchvision.datasets.FashionMNIST(root, train, transform=ToTensor())}
 * yields it: images float32 {@code [N, 1, 28, 28]} scaled to [0, 1], labels int64 {@code [N]}.
 * Reads the four IDX files (gzip or not) from a directory, by default the one Debian's
 * {@code dataset-fashion-mnist} package installs.
 */
public final class FashionMnist {
    private FashionMnist() {}

    /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
    public static final Path DEFAULT_DIR = Paths.get("/usr/share/datasets/fashion-mnist");

    /** The ten class names, {@code FashionMNIST.classes}. */
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Mean of the training images' pixels scaled to [0, 1] (the value torchvision examples use). */
    public static final double MEAN = 0.2860;

    /** Standard deviation of the training images' pixels scaled to [0, 1]. */
    public static final double STD = 0.3530;

    /**
     * Standardises images in place, {@code transforms.Normalize((0.2860,), (0.3530,))}: {@code (x - MEAN) / STD},
     * computed as PyTorch's {@code Normalize} does it ({@code sub_} then {@code div_}).
     */
    public static void normalize_(Tensor images) {
        images.array().sub_(MEAN).div_(STD);
    }

    /** The training (60,000) or test (10,000) split. */
    public static TensorDataset load(Path dir, boolean train) {
        return load(dir, train, Integer.MAX_VALUE);
    }

    /** The first {@code limit} samples of a split (for quick runs and tests). */
    public static TensorDataset load(Path dir, boolean train, int limit) {
        String prefix = train ? "train" : "t10k";
        Path images = find(dir, prefix + "-images-idx3-ubyte");
        Path labels = find(dir, prefix + "-labels-idx1-ubyte");
        Idx.IdxFile img = Idx.read(images);
        Idx.IdxFile lab = Idx.read(labels);
        int[] s = img.shape();
        if (img.typeCode() != 0x08 || s.length != 3 || lab.typeCode() != 0x08 || lab.shape().length != 1
                || lab.shape()[0] != s[0]) {
            throw new IllegalArgumentException("Fashion-MNIST files in " + dir + " do not fit together: images "
                    + java.util.Arrays.toString(s) + ", labels " + java.util.Arrays.toString(lab.shape())
                    + " (expected unsigned-byte [N, 28, 28] and [N])");
        }
        int n = Math.min(limit, s[0]);
        NDArray x = img.toFloat32(1.0 / 255).narrow(0, 0, n).unsqueeze(1).contiguous();
        NDArray y = lab.toNDArray().narrow(0, 0, n).contiguous();
        return new TensorDataset(new Tensor(x), new Tensor(y));
    }

    private static Path find(Path dir, String base) {
        for (String name : new String[] {base + ".gz", base}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Fashion-MNIST not found: " + dir.resolve(base) + "(.gz) is missing. On Debian "
                + "install it with `apt-get install -y dataset-fashion-mnist` (files land in " + DEFAULT_DIR + "), or pass a "
                + "directory holding train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
                + "t10k-labels-idx1-ubyte.gz from the Fashion-MNIST release.");
    }
}
