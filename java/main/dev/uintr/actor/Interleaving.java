package dev.uintr.actor;

import dev.uintr.kernel.Kernel;
import dev.uintr.kernel.KernelEvent;
import dev.uintr.machine.Chooser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * What may happen next while actors run on the kernel model, in the one order
 * {@link ActorMachine#moves} lists it for the emulated backend and the explorer: the actors that can take a step (in actor order), then the kernel's
 * pending platform events (its own fixed order) with timers left out. A timer is never a
 * choice: the emulated backend fires it only by advancing time when nothing else can happen,
 * and the explorer not at all (a sleeper only its timeout would wake is a lost wake-up).
 *
 * <p>The emulated backend lets a {@link Chooser} pick one
 * ({@link #choose}), the explorer follows every one of them.
 */
public final class Interleaving {
    /** The choice point's label: which of the moves open now is taken. */
    public static final String NEXT_MOVE = "next-move";

    private Interleaving() {}

    /** An event an interleaving may put next: every pending event but a timer. */
    public static boolean choosable(KernelEvent e) {
        return e.kind() != KernelEvent.Kind.TIMER;
    }

    /**
     * The moves open now, in the one order: a step of each actor {@code i} (0 ≤ i &lt; {@code actors},
     * in order) that {@code canAct}, then each choosable pending event of {@code k} in the kernel's
     * order (applied with {@link Kernel#apply}); the caller makes its own move objects with
     * {@code actorMove} and {@code kernelMove} (the explorer's are encodable).
     */
    public static <M> List<M> moves(Kernel k, int actors, IntPredicate canAct, IntFunction<M> actorMove,
                                    Function<KernelEvent, M> kernelMove) {
        List<M> out = new ArrayList<>();
        for (int i = 0; i < actors; i++) {
            if (canAct.test(i)) {
                out.add(actorMove.apply(i));
            }
        }
        for (KernelEvent e : k.pendingEvents()) {
            if (choosable(e)) {
                out.add(kernelMove.apply(e));
            }
        }
        return out;
    }

    /** The move {@code chooser} picks among {@code moves} (at least one). */
    public static <M> M choose(Chooser chooser, List<M> moves) {
        return moves.get(chooser.choose(NEXT_MOVE, moves.size()));
    }
}
