package dev.uintr.kernel;

import java.util.Arrays;
import java.util.Objects;

/**
 * A user-interrupt target table of 256 entries (uintr-kernel §1.5, §3) with its context:
 * the allocation bitmap and the reference count (rfc: owner task + one per sender
 * connection; later: owning mm + uipi fds + adopting mms). Entry layout (§1.5): bit 0
 * valid, bits 15:8 user vector, bits 127:64 UPID address (here: the UPID's index).
 */
public final class Uitt {
    public static final int ENTRIES = 256;

    public final boolean[] valid;
    public final int[] vector;
    /** The UPID index an entry points at, -1 when empty. */
    public final int[] upid;
    /** Allocated slots (uitt_mask); a slot can be allocated yet invalid while its release is deferred. */
    public final long[] mask;
    public int refs = 1;
    public boolean freed;

    public Uitt() {
        valid = new boolean[ENTRIES];
        vector = new int[ENTRIES];
        upid = new int[ENTRIES];
        mask = new long[4];
        Arrays.fill(upid, -1);
    }

    public boolean allocated(int idx) {
        return idx >= 0 && idx < ENTRIES && (mask[idx >>> 6] & (1L << (idx & 63))) != 0;
    }

    /** The lowest free slot, or -1 when all 256 are allocated. */
    public int lowestFree() {
        for (int i = 0; i < ENTRIES; i++) {
            if (!allocated(i)) {
                return i;
            }
        }
        return -1;
    }

    public boolean empty() {
        return (mask[0] | mask[1] | mask[2] | mask[3]) == 0;
    }

    public void fill(int idx, int vec, int upidId) {
        mask[idx >>> 6] |= 1L << (idx & 63);
        valid[idx] = true;
        vector[idx] = vec;
        upid[idx] = upidId;
    }

    /** Zeroes the entry and clears its bitmap bit. */
    public void clear(int idx) {
        mask[idx >>> 6] &= ~(1L << (idx & 63));
        valid[idx] = false;
        vector[idx] = 0;
        upid[idx] = -1;
    }

    private Uitt(Uitt from) {
        valid = from.valid.clone();
        vector = from.vector.clone();
        upid = from.upid.clone();
        mask = from.mask.clone();
        refs = from.refs;
        freed = from.freed;
    }

    public Uitt copy() {
        return new Uitt(this);                                          // clones: no fill of a fresh table first
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Uitt)) {
            return false;
        }
        Uitt u = (Uitt) o;
        return refs == u.refs && freed == u.freed && Arrays.equals(mask, u.mask) && Arrays.equals(valid, u.valid)
                && Arrays.equals(vector, u.vector) && Arrays.equals(upid, u.upid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(refs, freed, Arrays.hashCode(mask), Arrays.hashCode(upid), Arrays.hashCode(vector));
    }
}
