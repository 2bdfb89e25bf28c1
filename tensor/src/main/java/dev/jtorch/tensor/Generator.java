package dev.jtorch.tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * A CPU random number generator with PyTorch's exact streams: {@code torch.Generator()} on the CPU
 * ({@code at::CPUGeneratorImpl}), an MT19937 engine seeded the way PyTorch seeds it, plus the cached
 * second Box-Muller sample that {@code normal_} keeps between calls.
 *
 * <p>Seeding ({@code aten/src/ATen/core/MT19937RNGEngine.h}): only the low 32 bits of the seed reach
 * the engine ({@code init_genrand}), while {@link #initialSeed()} returns all 64 bits. The output is
 * standard MT19937; {@link #random()} is one 32-bit draw and {@link #random64()} two draws, the first
 * in the high word.
 *
 * <p>Thread safety: every public method synchronizes on the generator, and the sampling functions
 * hold that lock for a whole tensor, as PyTorch holds {@code generator->mutex_}.
 */
public final class Generator {
    /** {@code c10::detail::default_rng_seed_val}: the seed of {@code torch.Generator()}. */
    public static final long DEFAULT_SEED = 67280421310721L;

    /** Size of {@code torch.get_rng_state()} for the CPU generator ({@code CPUGeneratorImplState}). */
    public static final int STATE_SIZE = 5056;

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UMASK = 0x80000000;
    private static final int LMASK = 0x7fffffff;

    // Byte offsets in CPUGeneratorImplState (x86-64 layout of the C++ POD, see CPUGeneratorImpl.cpp).
    private static final int OFF_SEED = 0;
    private static final int OFF_LEFT = 8;
    private static final int OFF_SEEDED = 12;
    private static final int OFF_NEXT = 16;
    private static final int OFF_STATE = 24;
    private static final int OFF_NORMAL_Y = OFF_STATE + 8 * N + 8;
    private static final int OFF_NORMAL_VALID = OFF_STATE + 8 * N + 24;
    private static final int OFF_FLOAT_NORMAL = OFF_STATE + 8 * N + 32;
    private static final int OFF_FLOAT_NORMAL_VALID = OFF_FLOAT_NORMAL + 4;

    private static final Generator DEFAULT = new Generator(nonDeterministicSeed());

    private final int[] state = new int[N];
    private long seed;
    private int left;
    private int next;
    private boolean hasNextDouble;
    private double nextDouble;
    // Kept only so that getState/setState round-trip PyTorch's state exactly; CPU sampling never reads it.
    private boolean hasNextFloat;
    private float nextFloat;

    /** {@code torch.Generator()}: seeded with {@link #DEFAULT_SEED} (67280421310721). */
    public Generator() {
        this(DEFAULT_SEED);
    }

    /** {@code torch.Generator().manual_seed(seed)}. */
    public Generator(long seed) {
        reseed(seed);
    }

    /**
     * The global generator, {@code torch.default_generator}, used by every sampling function that is
     * not given a generator. Like PyTorch's it starts from a non-deterministic seed.
     */
    public static Generator defaultGenerator() {
        return DEFAULT;
    }

    /** {@code torch.manual_seed(seed)}: reseeds the global generator and returns it. */
    public static Generator manualSeedGlobal(long seed) {
        return DEFAULT.manualSeed(seed);
    }

    /**
     * {@code generator.manual_seed(seed)}: restarts the stream and clears the cached normal sample.
     * A negative seed is taken as its unsigned two's-complement value, as Python's
     * {@code torch.manual_seed(-1)} does.
     */
    public synchronized Generator manualSeed(long seed) {
        reseed(seed);
        return this;
    }

    /** {@code generator.initial_seed()}: the full 64-bit seed (unsigned; read with {@link Long#toUnsignedString}). */
    public synchronized long initialSeed() {
        return seed;
    }

    /**
     * {@code generator.seed()}: reseeds from a non-deterministic source (64 bits, as PyTorch reads
     * {@code /dev/urandom}) and returns the new seed.
     */
    public synchronized long seed() {
        long s = nonDeterministicSeed();
        reseed(s);
        return s;
    }

    /** One 32-bit draw ({@code CPUGeneratorImpl::random()}), in {@code [0, 2^32)}. */
    public synchronized long random() {
        return nextInt() & 0xFFFFFFFFL;
    }

    /** Two 32-bit draws, first in the high word ({@code CPUGeneratorImpl::random64()}), as unsigned bits. */
    public synchronized long random64() {
        return nextLong();
    }

    /**
     * {@code generator.get_state()}: a copy of the complete state in the 5056-byte layout of
     * {@code torch.get_rng_state()} (seed, position, the 624 words, the cached normal samples), so a
     * state saved here loads in PyTorch and the other way round.
     */
    public synchronized byte[] getState() {
        ByteBuffer b = ByteBuffer.allocate(STATE_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(OFF_SEED, seed);
        b.putInt(OFF_LEFT, left);
        b.putInt(OFF_SEEDED, 1);
        b.putLong(OFF_NEXT, next);
        for (int i = 0; i < N; i++) {
            b.putLong(OFF_STATE + 8 * i, state[i] & 0xFFFFFFFFL);
        }
        if (hasNextDouble) {
            b.putDouble(OFF_NORMAL_Y, nextDouble);
            b.putInt(OFF_NORMAL_VALID, 1);
        }
        if (hasNextFloat) {
            b.putFloat(OFF_FLOAT_NORMAL, nextFloat);
            b.put(OFF_FLOAT_NORMAL_VALID, (byte) 1);
        }
        return b.array();
    }

    /**
     * {@code generator.set_state(state)}: restores a state from {@link #getState()} or from
     * {@code torch.get_rng_state()}; fails with PyTorch's messages on a wrong size or an invalid
     * engine state, leaving the generator unchanged.
     */
    public synchronized Generator setState(byte[] newState) {
        if (newState.length != STATE_SIZE) {
            throw new IllegalArgumentException("Expected a CPUGeneratorImplState of size " + STATE_SIZE
                    + " but found the input RNG state size to be " + newState.length);
        }
        ByteBuffer b = ByteBuffer.wrap(newState).order(ByteOrder.LITTLE_ENDIAN);
        int newLeft = b.getInt(OFF_LEFT);
        boolean seeded = b.getInt(OFF_SEEDED) != 0;
        long newNext = b.getLong(OFF_NEXT) & 0xFFFFFFFFL; // truncated to uint32_t, as set_state does
        if (!seeded || newLeft <= 0 || newLeft > N || newNext > N) {
            throw new IllegalArgumentException("Invalid mt19937 state");
        }
        seed = b.getLong(OFF_SEED);
        left = newLeft;
        next = (int) newNext;
        for (int i = 0; i < N; i++) {
            state[i] = (int) b.getLong(OFF_STATE + 8 * i);
        }
        hasNextDouble = b.getInt(OFF_NORMAL_VALID) != 0;
        nextDouble = hasNextDouble ? b.getDouble(OFF_NORMAL_Y) : 0;
        hasNextFloat = b.get(OFF_FLOAT_NORMAL_VALID) != 0;
        nextFloat = hasNextFloat ? b.getFloat(OFF_FLOAT_NORMAL) : 0;
        return this;
    }

    // ------------------------------------------------------------------ engine (callers hold the lock)

    /** One tempered MT19937 output as raw int bits (an unsigned 32-bit value). */
    int nextInt() {
        if (--left == 0) {
            nextState();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** {@code random64()}: the first draw in the high word. */
    long nextLong() {
        long hi = nextInt() & 0xFFFFFFFFL;
        long lo = nextInt() & 0xFFFFFFFFL;
        return hi << 32 | lo;
    }

    /** Whether {@code normal_distribution<double>} has a cached second sample. */
    boolean hasNextNormal() {
        return hasNextDouble;
    }

    /** Takes the cached sample (and clears the cache). */
    double takeNextNormal() {
        hasNextDouble = false;
        return nextDouble;
    }

    void setNextNormal(double v) {
        hasNextDouble = true;
        nextDouble = v;
    }

    private void reseed(long s) {
        hasNextDouble = false;
        nextDouble = 0;
        hasNextFloat = false;
        nextFloat = 0;
        seed = s;
        state[0] = (int) s;
        for (int j = 1; j < N; j++) {
            int p = state[j - 1];
            state[j] = 1812433253 * (p ^ (p >>> 30)) + j;
        }
        left = 1;
        next = 0;
    }

    private void nextState() {
        int[] s = state;
        left = N;
        next = 0;
        int k = 0;
        for (; k < N - M; k++) {
            s[k] = s[k + M] ^ twist(s[k], s[k + 1]);
        }
        for (; k < N - 1; k++) {
            s[k] = s[k + M - N] ^ twist(s[k], s[k + 1]);
        }
        s[N - 1] = s[M - 1] ^ twist(s[N - 1], s[0]);
    }

    private static int twist(int u, int v) {
        return (((u & UMASK) | (v & LMASK)) >>> 1) ^ ((v & 1) != 0 ? MATRIX_A : 0);
    }

    private static long nonDeterministicSeed() {
        return new SecureRandom().nextLong();
    }
}
