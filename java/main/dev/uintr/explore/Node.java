package dev.uintr.explore;

import dev.uintr.kernel.Kernel;
import java.util.Arrays;

/**
 * A point of the search: the kernel model plus each actor's program counter (and WAIT
 * phase), the column of the last event (switches are counted against it), whether a
 * mass wake-up happened on the way and how many victim interrupts. Equality and hash cover all of it, so two interleavings
 * that reach the same situation are explored once. The search itself keeps nodes only as
 * {@link StateCodec} bytes; the hash is computed when first asked for.
 */
final class Node {
    final Kernel kernel;
    final int[] pc;
    final int[] phase;
    final int lastColumn;
    final boolean massWakeup;
    /** Kernel-vector interrupts taken on a CPU busy with a task they did not wake, on the way here. */
    final int victims;
    private int hash;

    Node(Kernel kernel, int[] pc, int[] phase, int lastColumn, boolean massWakeup, int victims) {
        this.kernel = kernel;
        this.pc = pc;
        this.phase = phase;
        this.lastColumn = lastColumn;
        this.massWakeup = massWakeup;
        this.victims = victims;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Node)) {
            return false;
        }
        Node n = (Node) o;
        return hashCode() == n.hashCode() && lastColumn == n.lastColumn && massWakeup == n.massWakeup && victims == n.victims
                && Arrays.equals(pc, n.pc) && Arrays.equals(phase, n.phase) && kernel.state().equals(n.kernel.state());
    }

    @Override
    public int hashCode() {
        if (hash == 0) {
            hash = ((kernel.state().hashCode() * 31 + Arrays.hashCode(pc)) * 31 + Arrays.hashCode(phase)) * 31
                    + lastColumn * 2 + (massWakeup ? 1 : 0) + victims * 1024;
        }
        return hash;
    }
}
