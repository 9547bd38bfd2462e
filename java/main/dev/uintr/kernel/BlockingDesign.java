package dev.uintr.kernel;

import dev.uintr.BadInputException;
import java.util.StringJoiner;

/**
 * How a receiver blocked in the kernel is woken (design.md "Blocking designs"). The run-level
 * choice applies to rfc-v1's uintr_wait and to exploration; in the later profile the
 * handler's WAITING flag decides (RECEIVER → KERNEL_VECTOR as that tree does it, SENDER →
 * GP_FAULT), faithfully including that tree's arming window (audit §5).
 */
public enum BlockingDesign {
    /** UPID.NV stays 0xEC while blocked; the 0xEC kernel handler walks the wait list. */
    NAIVE("naive"),
    /** RFC v1 (uintr-kernel §5.1): NV = 0xEB, global wait list walked by the 0xEB handler. */
    KERNEL_VECTOR("kernel-vector"),
    /** As KERNEL_VECTOR, but PIR/UIRR/ON are re-checked after arming and the wait aborts; hot-unplug retargets armed waiters. */
    KERNEL_VECTOR_CHECKED("kernel-vector-checked"),
    /** Later tree's sender-pays path (§5.6): UPID bit 7 makes SENDUIPI #GP, the kernel wakes the target (re-checked after arming). */
    GP_FAULT("gp-fault"),
    /**
     * The seed's option 1 as the issue words it (§5.3 (a)): the kernel publishes a per-receiver
     * "blocked" word (and sets SN) when it arms, re-checks PIR/UIRR/ON after publishing; senders go
     * through a user-space wrapper that reads the word and, if set, makes a wake syscall (which
     * posts and wakes) instead of SENDUIPI. Check, then act: the receiver may block in between.
     */
    SEND_WRAPPER("send-wrapper"),
    /**
     * Option 1 with the wrapper's order reversed: SENDUIPI first (a blocked receiver has SN = 1,
     * so it only posts), then read the blocked word and, if set, make a wake-only syscall. With
     * the kernel's re-check after publishing the word this is a Dekker pair: one side sees the other.
     */
    SEND_WRAPPER_POST_FIRST("send-wrapper-post-first"),
    /**
     * The seed's option 2 (§5.3 (b)): while blocked, UPID.NV is a device-like vector and NDST a
     * CPU the IRQ affinity allows (the housekeeping CPUs, KernelConfig.irqAffinity), not the
     * sleeper's last CPU; that CPU's handler walks the wait list and wakes the target (one
     * extra hop); re-checked after arming; armed UPIDs are retargeted when their CPU goes offline.
     */
    AFFINITY("affinity");

    private final String id;

    BlockingDesign(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Senders go through the user-space wrapper (they read the blocked word; the wake is a syscall). */
    public boolean wrapper() {
        return this == SEND_WRAPPER || this == SEND_WRAPPER_POST_FIRST;
    }

    /** The designs that disarm on any wake-up (a signal too), as the later tree's switch_uintr_finish does. */
    boolean disarmsOnAnyWake() {
        return this != NAIVE && this != KERNEL_VECTOR;
    }

    /** "naive, kernel-vector, ... or affinity": every id, for messages. */
    public static String ids(String lastJoin) {
        StringJoiner j = new StringJoiner(", ");
        BlockingDesign[] all = values();
        for (int i = 0; i < all.length - 1; i++) {
            j.add(all[i].id);
        }
        return j + " " + lastJoin + " " + all[all.length - 1].id;
    }

    public static BlockingDesign parse(String text) {
        for (BlockingDesign d : values()) {
            if (d.id.equalsIgnoreCase(text) || d.name().equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw new BadInputException("unknown blocking design '" + text + "' (expected " + ids("or") + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
