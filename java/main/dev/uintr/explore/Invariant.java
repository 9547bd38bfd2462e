package dev.uintr.explore;

import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What the explorer checks in every reachable state (design.md "Blocking designs",
 * uintr-kernel §5.2). A verdict is the set of these that some interleaving violates.
 */
public enum Invariant {
    /**
     * At quiescence a receiver sleeps in uintr_wait (or spins in user mode waiting for it) while
     * an interrupt posted to it sits undelivered (PIR or UIRR).
     */
    LOST_WAKEUP("lost-wakeup"),
    /** A wake-up interrupt (0xEB, or the affinity design's vector) was taken on a CPU running a task that scan did not wake (§5.2 item 7). */
    VICTIM("victim"),
    /** One interrupt's wait-list walk woke more than one sleeper (tglx's "global mass wake up", §5.2 item 4). */
    MASS_WAKEUP("mass-wakeup"),
    /** Hardware or the kernel wrote a freed UPID (Kernel.violations()). */
    USE_AFTER_FREE("use-after-free"),
    /**
     * An interrupt caused by another task's post (0xEC, 0xEB, the affinity vector) was taken on
     * a CPU the scenario marks {@code isolated} while it ran a task with nothing posted to it
     * (the seed: task-isolation users "treat system as completely failed").
     */
    ISOLATION("isolation");

    private final String id;

    Invariant(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses one id (lost-wakeup, victim, mass-wakeup, use-after-free, isolation); null when unknown. */
    public static Invariant parseOrNull(String text) {
        for (Invariant i : values()) {
            if (i.id.equalsIgnoreCase(text)) {
                return i;
            }
        }
        return null;
    }

    /** "none" for the empty set, else the ids joined with '+', in declaration order. */
    public static String render(Set<Invariant> set) {
        if (set.isEmpty()) {
            return "none";
        }
        StringJoiner j = new StringJoiner("+");
        for (Invariant i : EnumSet.copyOf(set)) {
            j.add(i.id);
        }
        return j.toString();
    }

    @Override
    public String toString() {
        return id;
    }
}
