package dev.uintr.bench;

import dev.uintr.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The notification mechanisms measured (UBENCH_MECH_* in native/include/uintr_bench.h). */
public enum Mechanism {
    UIPI("uipi", 7, true, "SENDUIPI, receiver spinning on its handler's delivery count"),
    UIPI_BLOCKED("uipi-blocked", 8, true, "SENDUIPI, receiver blocked in uintr_wait"),
    SIGNAL("signal", 6, false, "tgkill to the other thread, handler, receiver in sigsuspend"),
    EVENTFD("eventfd", 4, false, "two eventfds, blocking read"),
    EVENTFD_SPIN("eventfd-spin", 5, false, "two non-blocking eventfds, read retried until it succeeds"),
    PIPE("pipe", 2, false, "two pipes, 1-byte blocking write/read"),
    UNIX("unix", 3, false, "socketpair(AF_UNIX, SOCK_STREAM), 1 byte each way"),
    FUTEX("futex", 1, false, "FUTEX_WAKE / FUTEX_WAIT on two words"),
    SHM_SPIN("shm-spin", 0, false, "shared-memory flag, both sides spinning (the floor)");

    private final String id;
    private final int nativeId;
    private final boolean needsUintr;
    private final String description;

    Mechanism(String id, int nativeId, boolean needsUintr, String description) {
        this.id = id;
        this.nativeId = nativeId;
        this.needsUintr = needsUintr;
        this.description = description;
    }

    /** The name users type and reports print. */
    public String id() {
        return id;
    }

    /** UBENCH_MECH_* value. */
    public int nativeId() {
        return nativeId;
    }

    /** True for the mechanisms that need UINTR hardware and a uintr kernel. */
    public boolean needsUintr() {
        return needsUintr;
    }

    public String description() {
        return description;
    }

    /** Parses one id; the message names {@code option} and the bad value. */
    public static Mechanism parse(String text, String option) {
        for (Mechanism m : values()) {
            if (m.id.equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new BadInputException(option + ": unknown mechanism '" + text.trim() + "' (expected one of "
                + allIds() + ")");
    }

    /** Parses "pipe,futex" (or several values); "all" selects every mechanism. Order is kept, duplicates dropped. */
    public static List<Mechanism> parseList(List<String> values, String option) {
        List<Mechanism> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (part.isBlank()) {
                    throw new BadInputException(option + ": '" + v + "' has an empty name between commas (expected "
                            + "a comma-separated list of " + allIds() + ", or all)");
                }
                if (part.trim().equalsIgnoreCase("all")) {
                    for (Mechanism m : values()) {
                        if (!out.contains(m)) {
                            out.add(m);
                        }
                    }
                    continue;
                }
                Mechanism m = parse(part, option);
                if (!out.contains(m)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    public static String allIds() {
        return Arrays.stream(values()).map(Mechanism::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
