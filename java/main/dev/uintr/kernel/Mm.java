package dev.uintr.kernel;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** A process: its address space (mm, which owns the later tree's UITT) and its fd table. */
public final class Mm {
    public final int id;
    public boolean alive = true;
    /** fd number → slot; a TreeMap so iteration (exit, exec) is in fd order. */
    public final TreeMap<Integer, FdSlot> fds = new TreeMap<>();
    /** later: mm->context.uitt_ctx, -1 none. */
    public int uitt = -1;
    /**
     * Addresses in the program's text that hold a regular (non-interrupt) function: a handler
     * registered there returns with a plain {@code ret} ({@link HandlerAbi#PLAIN_FUNCTION}).
     * Every other handler address is taken to be an interrupt-attribute function. Sorted, so
     * equality and hashing do not depend on insertion order.
     */
    public final TreeSet<Long> plainFunctions = new TreeSet<>();

    public Mm(int id) {
        this.id = id;
    }

    /** The lowest fd number ≥ 3 that is free (0–2 are the standard streams). */
    /** The ABI of the code at {@code address} in this process's text. */
    public HandlerAbi abiAt(long address) {
        return plainFunctions.contains(address) ? HandlerAbi.PLAIN_FUNCTION : HandlerAbi.INTERRUPT;
    }

    public int lowestFreeFd() {
        int fd = 3;
        for (Map.Entry<Integer, FdSlot> e : fds.tailMap(3).entrySet()) {
            if (e.getKey() != fd) {
                break;
            }
            fd++;
        }
        return fd;
    }

    public Mm copy() {
        Mm m = new Mm(id);
        m.alive = alive;
        if (!fds.isEmpty()) {
            m.fds.putAll(fds);
        }
        m.uitt = uitt;
        if (!plainFunctions.isEmpty()) {
            m.plainFunctions.addAll(plainFunctions);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Mm)) {
            return false;
        }
        Mm m = (Mm) o;
        return id == m.id && alive == m.alive && uitt == m.uitt && fds.equals(m.fds)
                && plainFunctions.equals(m.plainFunctions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, alive, uitt, fds, plainFunctions);
    }
}
