package dev.uintr.explore;

import java.util.Arrays;

/**
 * What a worker computed for a run of one bucket's states, for the merge: per
 * state, what its invariant checks and counters say, and its children in move order (move,
 * whether it switches column, fingerprint, bytes). Nothing here touches the shared tables,
 * so workers can fill expansions in any order and the merge still sees the sequential one.
 */
final class Expansion {
    static final int STALE = 1;
    static final int VICTIM = 2;
    static final int MASS = 4;
    static final int HAS_MOVES = 8;
    static final int ISOLATION = 16;
    /** Per state: worst-case counters, see {@link Explorer#WORST}. */
    static final int WORST = 6;

    /** With several workers: taken by its thread for a chunk, released once the chunk is merged. */
    volatile boolean held;
    int from;
    int count;
    final int[] flags;
    final String[] useAfterFree;
    final String[] lostWakeup;
    final long[] worst;
    final int[] firstChild;
    final int[] childCount;

    int children;
    int[] move = new int[64];
    boolean[] switches = new boolean[64];
    long[] fpA = new long[64];
    long[] fpB = new long[64];
    int[] offset = new int[64];
    int[] length = new int[64];
    final ByteSink bytes = new ByteSink();

    /** Room for up to {@code capacity} states; {@link #reset} before each use. */
    Expansion(int capacity) {
        this.flags = new int[capacity];
        this.useAfterFree = new String[capacity];
        this.lostWakeup = new String[capacity];
        this.worst = new long[capacity * WORST];
        this.firstChild = new int[capacity];
        this.childCount = new int[capacity];
    }

    Expansion reset(int from, int count) {
        this.from = from;
        this.count = count;
        java.util.Arrays.fill(useAfterFree, 0, count, null);
        java.util.Arrays.fill(lostWakeup, 0, count, null);
        children = 0;
        bytes.reset();
        return this;
    }

    /** Records the child just encoded at the end of {@link #bytes}, from {@code start}. */
    void child(int moveCode, boolean switched, int start) {
        if (children == move.length) {
            int n = children * 2;
            move = Arrays.copyOf(move, n);
            switches = Arrays.copyOf(switches, n);
            fpA = Arrays.copyOf(fpA, n);
            fpB = Arrays.copyOf(fpB, n);
            offset = Arrays.copyOf(offset, n);
            length = Arrays.copyOf(length, n);
        }
        int len = bytes.len - start;
        move[children] = moveCode;
        switches[children] = switched;
        Fingerprint.hash(bytes.buf, start, len, fpA, fpB, children);
        offset[children] = start;
        length[children] = len;
        children++;
    }
}
