package dev.uintr.kernel;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A process: its address space (mm, which owns the later tree's UITT) and its fd table. */
public final class Mm {
    public final int id;
    public boolean alive = true;
    /** fd number → slot; a TreeMap so iteration (exit, exec) is in fd order. */
    public final TreeMap<Integer, FdSlot> fds = new TreeMap<>();
    /** later: mm->context.uitt_ctx, -1 none. */
    public int uitt = -1;

    public Mm(int id) {
        this.id = id;
    }

    /** The lowest fd number ≥ 3 that is free (0–2 are the standard streams). */
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
        m.fds.putAll(fds);
        m.uitt = uitt;
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Mm)) {
            return false;
        }
        Mm m = (Mm) o;
        return id == m.id && alive == m.alive && uitt == m.uitt && fds.equals(m.fds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, alive, uitt, fds);
    }
}
