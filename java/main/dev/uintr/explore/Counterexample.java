package dev.uintr.explore;

import java.util.List;

/**
 * The shortest interleaving found that violates {@code invariant}: fewest switches between
 * columns first, then fewest events. {@code detail} says what exactly is wrong in its last state.
 */
public record Counterexample(Invariant invariant, List<Move> moves, int switches, String detail) {
    public int events() {
        return moves.size();
    }
}
