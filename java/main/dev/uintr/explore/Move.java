package dev.uintr.explore;

import dev.uintr.kernel.KernelEvent;

/**
 * One thing that can happen next: an actor's step (actor index, and for WAIT which half:
 * syscall entry or the arm-and-sleep body) or one of the kernel's pending platform events.
 */
record Move(int actor, int phase, KernelEvent event) {
    static Move actor(int actor, int phase) {
        return new Move(actor, phase, null);
    }

    static Move kernel(KernelEvent e) {
        return new Move(-1, 0, e);
    }

    boolean isKernel() {
        return event != null;
    }
}
