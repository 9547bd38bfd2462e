package dev.uintr.machine;

import java.util.Arrays;

/**
 * Sparse, page-granular linear memory with byte-granular presence, copy-on-write pages.
 *
 * <p>Pages are 4 KiB, held as {@code long[512]} (little-endian quadwords) plus a presence mask
 * ({@code long[64]}, one bit per byte) and page flags ({@link #WRITABLE}, {@link #USER}). A byte
 * that is not present reads as 0 and an access touching it faults (the caller decides how:
 * {@link #canAccess}). Presence is byte-granular because ISA vector rows map byte ranges
 * ({@code map=START-END}); permissions are per page, as in real paging.
 *
 * <p>Copies are cheap: {@link #copy()} shares the page arrays, and whichever copy writes a
 * shared page first clones it. Invariant: bytes that are not present are zero, so two memories
 * are equal iff they map the same pages with the same flags, presence and contents.
 */
public final class Memory {
    public static final int PAGE_SHIFT = 12;
    public static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    /** Page flag: writes allowed. */
    public static final int WRITABLE = 1;
    /** Page flag: user-mode (CPL 3) accesses allowed; supervisor accesses are always allowed. */
    public static final int USER = 2;

    private long[] keys;        // page numbers, sorted ascending
    private long[][] data;      // data[i][512]: quadwords of page keys[i]
    private long[][] present;   // present[i][64]: one bit per byte
    private byte[] flags;
    private boolean[] full;     // every byte of the page present (derived from present[i]: a fast path)
    private boolean[] owned;    // false: arrays shared with a copy, clone before writing
    private int[] pageHash;     // cached Arrays.hashCode of data ^ present; 0 = not computed
    private int count;
    // lookup cache, direct-mapped by a hash of the page number; cleared when pages move
    private final long[] cacheKey = new long[CACHE_SLOTS];
    private final int[] cacheIdx = new int[CACHE_SLOTS];
    private static final int CACHE_SLOTS = 8;
    private long lastPage = -1;   // the page of the previous lookup (consecutive accesses mostly share it)
    private int lastIdx = -1;

    public Memory() {
        clearCache();
        keys = new long[4];
        data = new long[4][];
        present = new long[4][];
        flags = new byte[4];
        full = new boolean[4];
        owned = new boolean[4];
        pageHash = new int[4];
    }

    private Memory(Memory o) {
        count = o.count;
        keys = Arrays.copyOf(o.keys, Math.max(4, count));
        data = Arrays.copyOf(o.data, keys.length);
        present = Arrays.copyOf(o.present, keys.length);
        flags = Arrays.copyOf(o.flags, keys.length);
        full = Arrays.copyOf(o.full, keys.length);
        pageHash = Arrays.copyOf(o.pageHash, keys.length);
        owned = new boolean[keys.length];
        Arrays.fill(o.owned, 0, o.count, false);
        clearCache();
    }

    /** A copy sharing every page until either side writes it. */
    public Memory copy() {
        return new Memory(this);
    }

    // ---------------------------------------------------------------- mapping

    /** Maps the bytes {@code start..endInclusive} (zero where not yet present) and sets the flags of every page touched. */
    public void map(long start, long endInclusive, int pageFlags) {
        if (Long.compareUnsigned(endInclusive, start) < 0) {
            throw new IllegalArgumentException("empty range");
        }
        long a = start;
        while (true) {
            int i = pageIndexOrCreate(a >>> PAGE_SHIFT);
            ownPage(i);
            flags[i] = (byte) pageFlags;
            long pageEnd = a | (PAGE_SIZE - 1);
            long last = Long.compareUnsigned(pageEnd, endInclusive) < 0 ? pageEnd : endInclusive;
            setPresence(present[i], (int) (a & (PAGE_SIZE - 1)), (int) (last & (PAGE_SIZE - 1)), true);
            full[i] = isFull(present[i]);
            pageHash[i] = 0;
            if (last == endInclusive) {
                break;
            }
            a = last + 1;
        }
    }

    /** Unmaps the bytes {@code start..endInclusive} (their contents are lost); pages left empty are dropped. */
    public void unmap(long start, long endInclusive) {
        long a = start;
        while (true) {
            long pageEnd = a | (PAGE_SIZE - 1);
            long last = Long.compareUnsigned(pageEnd, endInclusive) < 0 ? pageEnd : endInclusive;
            int i = indexOf(a >>> PAGE_SHIFT);
            if (i >= 0) {
                ownPage(i);
                int from = (int) (a & (PAGE_SIZE - 1));
                int to = (int) (last & (PAGE_SIZE - 1));
                setPresence(present[i], from, to, false);
                full[i] = false;
                zeroBytes(data[i], from, to);
                pageHash[i] = 0;
                if (isEmpty(present[i])) {
                    removePage(i);
                }
            }
            if (last == endInclusive) {
                break;
            }
            a = last + 1;
        }
    }

    /** Sets the flags of every page that has a present byte in the range. */
    public void protect(long start, long endInclusive, int pageFlags) {
        for (long p = start >>> PAGE_SHIFT; Long.compareUnsigned(p, endInclusive >>> PAGE_SHIFT) <= 0; p++) {
            int i = indexOf(p);
            if (i >= 0) {
                flags[i] = (byte) pageFlags;
                pageHash[i] = 0;
            }
            if (p == -1L >>> PAGE_SHIFT) {
                break;
            }
        }
    }

    // ---------------------------------------------------------------- access checks

    /** Whether every byte of {@code addr..addr+len-1} is present with the permissions the access needs. */
    public boolean canAccess(long addr, int len, boolean write, boolean user) {
        long a = addr;
        int left = len;
        while (left > 0) {
            int i = indexOf(a >>> PAGE_SHIFT);
            if (i < 0) {
                return false;
            }
            int f = flags[i];
            if ((write && (f & WRITABLE) == 0) || (user && (f & USER) == 0)) {
                return false;
            }
            int off = (int) (a & (PAGE_SIZE - 1));
            int n = Math.min(left, PAGE_SIZE - off);
            if (!full[i] && !allPresent(present[i], off, n)) {
                return false;
            }
            left -= n;
            a += n;
        }
        return true;
    }

    /**
     * The fast path for an access that lies within one page: the page's slot when every byte of
     * {@code addr..addr+len-1} is present with the permissions the access needs, else -1 (also
     * when the range crosses a page: use {@link #canAccess} then). A slot stays valid until the
     * next {@link #map}, {@link #unmap} or {@link #protect}.
     */
    public int slot(long addr, int len, boolean write, boolean user) {
        int off = (int) (addr & (PAGE_SIZE - 1));
        if (off + len > PAGE_SIZE) {
            return -1;
        }
        int i = indexOf(addr >>> PAGE_SHIFT);
        if (i < 0) {
            return -1;
        }
        int f = flags[i];
        if ((write && (f & WRITABLE) == 0) || (user && (f & USER) == 0)) {
            return -1;
        }
        return full[i] || allPresent(present[i], off, len) ? i : -1;
    }

    /** The aligned quadword at {@code addr} in page {@code slot} (from {@link #slot}). */
    public long readSlot(int slot, long addr) {
        return data[slot][(int) ((addr & (PAGE_SIZE - 1)) >>> 3)];
    }

    /** Writes the aligned quadword at {@code addr} in page {@code slot} (from {@link #slot}, checked for presence). */
    public void writeSlot(int slot, long addr, long value) {
        if (!owned[slot]) {
            ownPage(slot);
        }
        data[slot][(int) ((addr & (PAGE_SIZE - 1)) >>> 3)] = value;
        pageHash[slot] = 0;
    }

    /** Whether the byte at {@code addr} is present. */
    public boolean isPresent(long addr) {
        int i = indexOf(addr >>> PAGE_SHIFT);
        if (i < 0) {
            return false;
        }
        int off = (int) (addr & (PAGE_SIZE - 1));
        return (present[i][off >>> 6] & (1L << off)) != 0;
    }

    /** The flags of the page holding {@code addr}, or -1 when no byte of that page is present. */
    public int pageFlags(long addr) {
        int i = indexOf(addr >>> PAGE_SHIFT);
        return i < 0 ? -1 : flags[i];
    }

    // ---------------------------------------------------------------- data (no checks: absent bytes read 0, writes to absent bytes are dropped)

    /** The little-endian quadword at {@code addr} (any alignment). */
    public long read64(long addr) {
        if ((addr & 7) == 0) {
            int i = indexOf(addr >>> PAGE_SHIFT);
            return i < 0 ? 0 : data[i][(int) ((addr & (PAGE_SIZE - 1)) >>> 3)];
        }
        long v = 0;
        for (int b = 7; b >= 0; b--) {
            v = (v << 8) | read8(addr + b);
        }
        return v;
    }

    /** Writes a little-endian quadword at {@code addr} (any alignment); bytes that are not present stay absent. */
    public void write64(long addr, long value) {
        if ((addr & 7) == 0) {
            int i = indexOf(addr >>> PAGE_SHIFT);
            if (i < 0) {
                return;
            }
            int off = (int) (addr & (PAGE_SIZE - 1));
            if (((present[i][off >>> 6] >>> (off & 63)) & 0xFF) == 0xFF) {
                if (!owned[i]) {
                    ownPage(i);
                }
                data[i][off >>> 3] = value;
                pageHash[i] = 0;
                return;
            }
        }
        for (int b = 0; b < 8; b++) {
            write8(addr + b, (int) (value >>> (8 * b)));
        }
    }

    public int read8(long addr) {
        int i = indexOf(addr >>> PAGE_SHIFT);
        if (i < 0) {
            return 0;
        }
        int off = (int) (addr & (PAGE_SIZE - 1));
        return (int) (data[i][off >>> 3] >>> (8 * (off & 7))) & 0xFF;
    }

    public void write8(long addr, int value) {
        int i = indexOf(addr >>> PAGE_SHIFT);
        if (i < 0) {
            return;
        }
        int off = (int) (addr & (PAGE_SIZE - 1));
        if ((present[i][off >>> 6] & (1L << off)) == 0) {
            return;
        }
        ownPage(i);
        putByte(data[i], off, value);
        pageHash[i] = 0;
    }

    // ---------------------------------------------------------------- enumeration

    /** The page numbers (address >>> 12) holding at least one present byte, ascending (unsigned). */
    public long[] pages() {
        return Arrays.copyOf(keys, count);
    }

    // ---------------------------------------------------------------- identity

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Memory)) {
            return false;
        }
        Memory m = (Memory) o;
        if (m.count != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (keys[i] != m.keys[i] || flags[i] != m.flags[i]) {
                return false;
            }
            if (data[i] != m.data[i] && !Arrays.equals(data[i], m.data[i])) {
                return false;
            }
            if (present[i] != m.present[i] && !Arrays.equals(present[i], m.present[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = count;
        for (int i = 0; i < count; i++) {
            int ph = pageHash[i];
            if (ph == 0) {
                ph = 31 * Arrays.hashCode(data[i]) + Arrays.hashCode(present[i]);
                ph = ph == 0 ? 1 : ph;
                pageHash[i] = ph;
            }
            h = 31 * h + Long.hashCode(keys[i]);
            h = 31 * h + flags[i];
            h = 31 * h + ph;
        }
        return h;
    }

    /** A short description: the mapped pages with their flags. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("mem{");
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append("0x").append(Long.toHexString(keys[i] << PAGE_SHIFT));
            sb.append((flags[i] & USER) != 0 ? 'u' : 's').append((flags[i] & WRITABLE) != 0 ? 'w' : 'r');
        }
        return sb.append('}').toString();
    }

    // ---------------------------------------------------------------- internals

    private int indexOf(long page) {
        if (page == lastPage && lastIdx >= 0) {
            return lastIdx;
        }
        int slot = (int) ((page * 0x9E37_79B9_7F4A_7C15L) >>> 61);
        if (cacheKey[slot] == page && cacheIdx[slot] >= 0) {
            lastPage = page;
            lastIdx = cacheIdx[slot];
            return lastIdx;
        }
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Long.compareUnsigned(keys[mid], page);
            if (c == 0) {
                cacheKey[slot] = page;
                cacheIdx[slot] = mid;
                lastPage = page;
                lastIdx = mid;
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -(lo + 1);
    }

    private void clearCache() {
        Arrays.fill(cacheIdx, -1);
        lastIdx = -1;
    }

    private int pageIndexOrCreate(long page) {
        int i = indexOf(page);
        if (i >= 0) {
            return i;
        }
        int at = -(i + 1);
        if (count == keys.length) {
            int n = keys.length * 2;
            keys = Arrays.copyOf(keys, n);
            data = Arrays.copyOf(data, n);
            present = Arrays.copyOf(present, n);
            flags = Arrays.copyOf(flags, n);
            full = Arrays.copyOf(full, n);
            owned = Arrays.copyOf(owned, n);
            pageHash = Arrays.copyOf(pageHash, n);
        }
        int tail = count - at;
        System.arraycopy(keys, at, keys, at + 1, tail);
        System.arraycopy(data, at, data, at + 1, tail);
        System.arraycopy(present, at, present, at + 1, tail);
        System.arraycopy(flags, at, flags, at + 1, tail);
        System.arraycopy(full, at, full, at + 1, tail);
        System.arraycopy(owned, at, owned, at + 1, tail);
        System.arraycopy(pageHash, at, pageHash, at + 1, tail);
        keys[at] = page;
        data[at] = new long[PAGE_SIZE / 8];
        present[at] = new long[PAGE_SIZE / 64];
        flags[at] = 0;
        full[at] = false;
        owned[at] = true;
        pageHash[at] = 0;
        count++;
        clearCache();
        return at;
    }

    private void removePage(int i) {
        int tail = count - i - 1;
        System.arraycopy(keys, i + 1, keys, i, tail);
        System.arraycopy(data, i + 1, data, i, tail);
        System.arraycopy(present, i + 1, present, i, tail);
        System.arraycopy(flags, i + 1, flags, i, tail);
        System.arraycopy(full, i + 1, full, i, tail);
        System.arraycopy(owned, i + 1, owned, i, tail);
        System.arraycopy(pageHash, i + 1, pageHash, i, tail);
        count--;
        data[count] = null;
        present[count] = null;
        clearCache();
    }

    private void ownPage(int i) {
        if (!owned[i]) {
            data[i] = data[i].clone();
            present[i] = present[i].clone();
            owned[i] = true;
        }
    }

    private static void putByte(long[] page, int off, int value) {
        int q = off >>> 3;
        int sh = 8 * (off & 7);
        page[q] = (page[q] & ~(0xFFL << sh)) | ((long) (value & 0xFF) << sh);
    }

    /** Sets (or clears) the presence bits from..to inclusive, a mask word at a time. */
    private static void setPresence(long[] mask, int from, int to, boolean on) {
        for (int w = from >>> 6; w <= to >>> 6; w++) {
            long bits = wordBits(w, from, to + 1);
            mask[w] = on ? mask[w] | bits : mask[w] & ~bits;
        }
    }

    /** Zeroes the bytes from..to inclusive of a page, whole words where they are covered. */
    private static void zeroBytes(long[] page, int from, int to) {
        int b = from;
        while (b <= to && (b & 7) != 0) {
            putByte(page, b++, 0);
        }
        int words = (to + 1 - b) >>> 3;
        Arrays.fill(page, b >>> 3, (b >>> 3) + words, 0L);
        b += words << 3;
        while (b <= to) {
            putByte(page, b++, 0);
        }
    }

    private static boolean allPresent(long[] mask, int off, int n) {
        int bit = off & 63;
        if (n <= 64 - bit) {                                   // within one mask word: the common case
            long bits = (n == 64 ? -1L : (1L << n) - 1) << bit;
            return (mask[off >>> 6] & bits) == bits;
        }
        int end = off + n;                                     // exclusive, at most PAGE_SIZE
        for (int w = off >>> 6; w <= (end - 1) >>> 6; w++) {
            long bits = wordBits(w, off, end);
            if ((mask[w] & bits) != bits) {
                return false;
            }
        }
        return true;
    }

    /** The bits of mask word {@code w} that stand for bytes from..end (end exclusive) of the page. */
    private static long wordBits(int w, int from, int end) {
        int lo = Math.max(from, w << 6) & 63;
        int hi = Math.min(end, (w + 1) << 6) - (w << 6);       // 1..64
        return (hi == 64 ? -1L : (1L << hi) - 1) & (-1L << lo);
    }

    private static boolean isFull(long[] mask) {
        for (long w : mask) {
            if (w != -1L) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmpty(long[] mask) {
        for (long w : mask) {
            if (w != 0) {
                return false;
            }
        }
        return true;
    }
}
