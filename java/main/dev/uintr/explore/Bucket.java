package dev.uintr.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frontier states of one cost (switches, events), in the order they were reached: each
 * a state id and its {@link StateCodec} bytes, packed into shared blocks (no object per
 * state). Written by the merge only (one thread at a time); read by workers once complete.
 */
final class Bucket {
    private static final int MAX_BLOCK = 1 << 20;

    final int cost;
    private final List<byte[]> blocks = new ArrayList<>();
    private byte[] block;
    private int used;
    private int[] ids = new int[16];
    /** Block index << 32 | offset of each entry's bytes; its length is the next entry's start or {@link #lens}. */
    private long[] where = new long[16];
    private int[] lens = new int[16];
    private int size;
    private long bytes;

    Bucket(int cost) {
        this.cost = cost;
    }

    int size() {
        return size;
    }

    void add(int id, byte[] src, int off, int len) {
        if (block == null || used + len > block.length) {
            int n = block == null ? 4096 : Math.min(MAX_BLOCK, block.length * 2);
            block = new byte[Math.max(n, len)];
            blocks.add(block);
            used = 0;
            bytes += block.length;
        }
        System.arraycopy(src, off, block, used, len);
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            where = Arrays.copyOf(where, size * 2);
            lens = Arrays.copyOf(lens, size * 2);
        }
        ids[size] = id;
        where[size] = (long) (blocks.size() - 1) << 32 | used;
        lens[size] = len;
        size++;
        used += len;
    }

    int id(int i) {
        return ids[i];
    }

    byte[] block(int i) {
        return blocks.get((int) (where[i] >>> 32));
    }

    int offset(int i) {
        return (int) where[i];
    }

    int length(int i) {
        return lens[i];
    }

    /** Bytes held: blocks plus the per-entry arrays. */
    long bytes() {
        return bytes + ids.length * 16L;
    }
}
