package dev.uintr.explore;

import java.util.Arrays;

/**
 * Every state the search has reached, by fingerprint, with how it was first reached at its
 * best cost (parent state id and move) and whether it is settled: about 30 bytes per state
 * in chunked primitive arrays plus 8-16 bytes of open-addressing slots, no object per state.
 * A state's id is the order it was first reached in. Only the merge writes it (one thread at a time, under its lock).
 *
 * <p>A cost packs (switches, events) as {@code switches << 16 | events}, so comparing two
 * costs as ints compares them in the search order.
 */
final class VisitedTable {
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    static final int SETTLED = 1 << 31;

    private long[][] fpA = new long[1][];
    private long[][] fpB = new long[1][];
    private int[][] parent = new int[1][];
    private int[][] move = new int[1][];
    /** The best cost so far, with {@link #SETTLED} set once settled. */
    private int[][] cost = new int[1][];
    private int size;
    /** Per-state chunks allocated (for {@link #bytes}, asked at every settled state). */
    private int chunks;
    /**
     * Slot → id + 1 in the low 32 bits and the low 32 bits of the second fingerprint half above
     * them (so a probe rarely has to read the per-state arrays); 0 is empty.
     */
    private long[] slots = new long[1 << 10];

    static int cost(int switches, int events) {
        return switches << 16 | events;
    }

    static int switches(int cost) {
        return (cost & ~SETTLED) >>> 16;
    }

    static int events(int cost) {
        return cost & 0xFFFF;
    }

    int size() {
        return size;
    }

    /** The id of the state with this fingerprint, or -1. */
    int find(long a, long b) {
        long[] t = slots;
        int m = t.length - 1;
        int tag = (int) b;
        for (int i = (int) (a ^ a >>> 32) & m; ; i = (i + 1) & m) {
            long s = t[i];
            if (s == 0) {
                return -1;
            }
            if ((int) (s >>> 32) != tag) {
                continue;
            }
            int id = (int) s - 1;
            if (fpA[id >>> CHUNK_BITS][id & MASK] == a && fpB[id >>> CHUNK_BITS][id & MASK] == b) {
                return id;
            }
        }
    }

    /** Adds a state not yet in the table (see {@link #find}); returns its id. */
    int add(long a, long b, int parentId, int moveCode, int c) {
        if (size == Integer.MAX_VALUE - 1) {
            throw new IllegalStateException("more than 2^31 states");
        }
        int id = size++;
        int ch = id >>> CHUNK_BITS;
        if (ch == fpA.length) {
            fpA = Arrays.copyOf(fpA, ch * 2);
            fpB = Arrays.copyOf(fpB, ch * 2);
            parent = Arrays.copyOf(parent, ch * 2);
            move = Arrays.copyOf(move, ch * 2);
            cost = Arrays.copyOf(cost, ch * 2);
        }
        if (fpA[ch] == null) {
            fpA[ch] = new long[CHUNK];
            fpB[ch] = new long[CHUNK];
            parent[ch] = new int[CHUNK];
            move[ch] = new int[CHUNK];
            cost[ch] = new int[CHUNK];
            chunks++;
        }
        fpA[ch][id & MASK] = a;
        fpB[ch][id & MASK] = b;
        set(id, parentId, moveCode, c);
        if (size * 2L > slots.length) {
            grow();
        }
        insert(slots, id, a, b);
        return id;
    }

    /** A better way to reach an unsettled state. */
    void set(int id, int parentId, int moveCode, int c) {
        parent[id >>> CHUNK_BITS][id & MASK] = parentId;
        move[id >>> CHUNK_BITS][id & MASK] = moveCode;
        cost[id >>> CHUNK_BITS][id & MASK] = c;
    }

    int cost(int id) {
        return cost[id >>> CHUNK_BITS][id & MASK];
    }

    boolean settled(int id) {
        return (cost(id) & SETTLED) != 0;
    }

    void settle(int id) {
        cost[id >>> CHUNK_BITS][id & MASK] |= SETTLED;
    }

    int parent(int id) {
        return parent[id >>> CHUNK_BITS][id & MASK];
    }

    int move(int id) {
        return move[id >>> CHUNK_BITS][id & MASK];
    }

    /** Bytes held: the per-state chunks allocated and the slot array. */
    long bytes() {
        return (long) chunks * CHUNK * (8 + 8 + 4 + 4 + 4) + slots.length * 8L;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (int id = 0; id < size - 1; id++) {
            insert(bigger, id, fpA[id >>> CHUNK_BITS][id & MASK], fpB[id >>> CHUNK_BITS][id & MASK]);
        }
        slots = bigger;
    }

    private static void insert(long[] table, int id, long a, long b) {
        int m = table.length - 1;
        int i = (int) (a ^ a >>> 32) & m;
        while (table[i] != 0) {
            i = (i + 1) & m;
        }
        table[i] = (long) (int) b << 32 | (id + 1L);
    }
}
