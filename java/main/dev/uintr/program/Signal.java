package dev.uintr.program;

import java.util.List;

/** The signals a case may send ({@code signal THREAD SIG}): x86-64 Linux numbers. */
public final class Signal {
    public static final int SIGUSR1 = 10;
    public static final int SIGUSR2 = 12;

    private Signal() {}

    public static List<String> names() {
        return List.of("SIGUSR1", "SIGUSR2");
    }

    /** SIGUSR1 → 10, SIGUSR2 → 12. */
    public static int number(String name) {
        return name.equals("SIGUSR1") ? SIGUSR1 : SIGUSR2;
    }

    public static String name(long number) {
        return number == SIGUSR1 ? "SIGUSR1" : number == SIGUSR2 ? "SIGUSR2" : "signal " + number;
    }
}
