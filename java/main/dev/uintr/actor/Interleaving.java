package dev.uintr.actor;

import dev.uintr.kernel.Kernel;
import dev.uintr.kernel.KernelEvent;
import dev.uintr.machine.Chooser;
import java.util.ArrayList;
import java.util.List;

/**
 * What may happen next while actors run on the kernel model, in the one order both
 * interpreters use: the actors that can take a step (in actor order), then the kernel's
 * pending platform events (its own fixed order) with timers left out. A timer is never a
 * choice: the emulated backend fires it only by advancing time when nothing else can happen,
 * and the explorer not at all (a sleeper only its timeout would wake is a lost wake-up).
 *
 * <p>The emulated backend lets a {@link Chooser} pick one of these moves ({@link #choose});
 * the explorer follows every one of them.
 */
public final class Interleaving {
    /** The choice point's label: which of the moves open now is taken. */
    public static final String NEXT_MOVE = "next-move";

    private Interleaving() {}

    /** An event an interleaving may put next: every pending event but a timer. */
    public static boolean choosable(KernelEvent e) {
        return e.kind() != KernelEvent.Kind.TIMER;
    }

    /** The kernel's choosable pending events, in the kernel's order. */
    public static List<KernelEvent> kernelEvents(Kernel k) {
        List<KernelEvent> out = new ArrayList<>();
        for (KernelEvent e : k.pendingEvents()) {
            if (choosable(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Lets {@code chooser} pick among {@code actors} ready actors and {@code events}: an index
     * below {@code actors} is that ready actor, the rest are the events after them (the caller
     * applies an event with {@link Kernel#apply}).
     */
    public static int choose(Chooser chooser, int actors, List<KernelEvent> events) {
        return chooser.choose(NEXT_MOVE, actors + events.size());
    }
}
