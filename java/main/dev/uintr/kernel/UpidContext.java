package dev.uintr.kernel;

import dev.uintr.isa.Upid;
import java.util.Objects;

/**
 * A UPID together with the kernel's context around it (RFC UpidCtx / later upid_ctx,
 * uintr-kernel §4.1, §4.2). The 16-byte descriptor (§1.4):
 * <pre>
 *  bit  0      ON    outstanding notification
 *  bit  1      SN    suppress notification
 *  bit  7      BLKD  later tree: "blocked", architecturally reserved → SENDUIPI #GP
 *  bits 23:16  NV    notification vector
 *  bits 63:32  NDST  destination APIC id (xAPIC: id in 47:40)
 *  bits 127:64 PIR   posted requests, one bit per user vector
 * </pre>
 * Identified by its index in {@link KernelState#upids}; its kernel address is
 * {@link #address(int)}. A freed UPID stays in the table with {@code freed = true} so a
 * later write to it can be recorded as a use-after-free.
 */
public final class UpidContext implements Cloneable {
    public static final int NOTIFICATION_VECTOR = 0xEC;
    public static final int KERNEL_VECTOR = 0xEB;
    /**
     * The affinity design's vector: a device-like interrupt from the allocator's range
     * (0x20..0xEA), so it is never any task's UINV and always reaches the kernel. The number
     * itself is arbitrary (our choice); only that it is neither 0xEC nor 0xEB matters.
     */
    public static final int AFFINITY_VECTOR = 0x41;
    /** The later tree's "blocked" flag: bit 7, architecturally reserved, so SENDUIPI takes #GP (§5.6). */
    public static final long BLKD = 1L << 7;

    /** Waiting cost (later tree): who pays for waking a blocked receiver. */
    public static final int COST_NONE = 0;
    public static final int COST_RECEIVER = 1;
    public static final int COST_SENDER = 2;

    // --- the descriptor ---
    public boolean on;
    public boolean sn;
    public boolean blkd;
    public int nv;
    public long ndst;
    public long pir;

    // --- the context ---
    /** Reference count; the UPID is freed when it reaches 0. */
    public int refs;
    public boolean freed;
    /** The receiving task (tid). */
    public int task;
    /** false after the receiver exited (later) or unregistered (rfc): new senders get ESHUTDOWN. */
    public boolean receiverActive;
    /** Set while the receiver is blocked with this UPID armed. */
    public boolean waiting;
    /** later: COST_NONE / COST_RECEIVER / COST_SENDER (sticky across re-registration, audit §2.3). */
    public int waitingCost;
    /** Vectors registered against this UPID (rfc: the thread's uvec_mask, later: upid_ctx's). */
    public long uvecMask;

    public UpidContext(int task) {
        this.task = task;
        this.nv = NOTIFICATION_VECTOR;
        this.refs = 1;
        this.receiverActive = true;
    }

    /** The kernel virtual address the model gives UPID {@code id} (64-byte aligned). */
    public static long address(int id) {
        return 0xffff888000100000L + 64L * id;
    }

    /** The descriptor as the ISA reads it (§1.4): BLKD sits in reserved bit 7 ({@link #BLKD}). */
    public Upid descriptor() {
        return Upid.of(on, sn, blkd ? (int) (BLKD >>> 2) : 0, nv, 0, ndst & 0xffffffffL, pir);
    }

    /** Takes ON, SN, BLKD, NV, NDST and PIR from {@code d} (the descriptor read back after a hardware step). */
    public void load(Upid d) {
        on = d.on();
        sn = d.sn();
        blkd = (d.lo() & BLKD) != 0;
        nv = d.nv();
        ndst = d.ndst();
        pir = d.pir();
    }

    /** Bits 63:0 of the descriptor: ON, SN, BLKD, NV, NDST (§1.4). */
    public long low64() {
        return descriptor().lo();
    }

    /** The 16-byte little-endian image of the descriptor (§1.4). */
    public byte[] image() {
        return descriptor().encode();
    }

    /** A copy of the descriptor and its context (all plain values, so {@link Object#clone()}'s field copy is exact). */
    public UpidContext copy() {
        try {
            return (UpidContext) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UpidContext)) {
            return false;
        }
        UpidContext u = (UpidContext) o;
        return on == u.on && sn == u.sn && blkd == u.blkd && nv == u.nv && ndst == u.ndst && pir == u.pir
                && refs == u.refs && freed == u.freed && task == u.task && receiverActive == u.receiverActive
                && waiting == u.waiting && waitingCost == u.waitingCost && uvecMask == u.uvecMask;
    }

    @Override
    public int hashCode() {
        return Objects.hash(on, sn, blkd, nv, ndst, pir, refs, freed, task, receiverActive, waiting,
                waitingCost, uvecMask);
    }

    @Override
    public String toString() {
        return String.format("UPID{ON=%d SN=%d BLKD=%d NV=0x%x NDST=0x%x PIR=0x%x refs=%d%s}",
                on ? 1 : 0, sn ? 1 : 0, blkd ? 1 : 0, nv, ndst, pir, refs, freed ? " FREED" : "");
    }
}
