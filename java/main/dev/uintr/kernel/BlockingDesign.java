package dev.uintr.kernel;

import dev.uintr.BadInputException;

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
    GP_FAULT("gp-fault");

    private final String id;

    BlockingDesign(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static BlockingDesign parse(String text) {
        for (BlockingDesign d : values()) {
            if (d.id.equalsIgnoreCase(text) || d.name().equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw new BadInputException("unknown blocking design '" + text
                + "' (expected naive, kernel-vector, kernel-vector-checked or gp-fault)");
    }

    @Override
    public String toString() {
        return id;
    }
}
