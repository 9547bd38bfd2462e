package dev.uintr.kernel;

/** The Linux signal numbers the model reports for a task killed by a fault (x86-64 numbering). */
public final class Signals {
    public static final int SIGILL = 4;
    public static final int SIGSEGV = 11;

    private Signals() {}

    /** "SIGSEGV" for 11, "SIGILL" for 4, "none" for 0, else "signal N". */
    public static String name(int sig) {
        switch (sig) {
            case 0: return "none";
            case SIGILL: return "SIGILL";
            case SIGSEGV: return "SIGSEGV";
            default: return "signal " + sig;
        }
    }
}
