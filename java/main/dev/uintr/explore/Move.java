package dev.uintr.explore;

import dev.uintr.kernel.KernelEvent;

/**
 * One thing that can happen next: an actor's step (actor index, and for WAIT which half:
 * syscall entry or the arm-and-sleep body) or one of the kernel's pending platform events.
 */
record Move(int actor, int phase, KernelEvent event) {
    private static final KernelEvent.Kind[] KINDS = KernelEvent.Kind.values();

    static Move actor(int actor, int phase) {
        return new Move(actor, phase, null);
    }

    static Move kernel(KernelEvent e) {
        return new Move(-1, 0, e);
    }

    boolean isKernel() {
        return event != null;
    }

    /** The move as one int (what the visited table keeps per state): actor moves ≥ 0, kernel events < 0. */
    int code() {
        return isKernel() ? ~(event.kind().ordinal() << 16 | event.target()) : actor << 8 | phase;
    }

    static Move of(int code) {
        return code < 0 ? kernel(new KernelEvent(KINDS[~code >>> 16], ~code & 0xFFFF)) : actor(code >>> 8, code & 0xFF);
    }
}
