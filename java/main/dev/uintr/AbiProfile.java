package dev.uintr;

/**
 * The two generations of the Linux uintr syscall ABI (uintr-kernel §0.1, §2.1; design.md
 * item 8), plus NONE for a kernel without uintr. Each {@link Syscall} holds its number and
 * argument order per generation.
 */
public enum AbiProfile {
    /** RFC v1 as posted (Sep 2021): 449–454, per-task UITT, uintr_create_fd, uintr_wait(flags). */
    RFC_V1("rfc-v1"),
    /** Intel's later tree (intel/uintr-linux-kernel @fed8dc12): 471–479, per-mm UITT. */
    LATER("later"),
    /** The kernel has no uintr syscalls (or they could not be confirmed). */
    NONE("none");

    private final String id;

    AbiProfile(String id) {
        this.id = id;
    }

    /** The name users type and reports print: rfc-v1, later, none. */
    public String id() {
        return id;
    }

    /** The x86-64 number of {@code call} in this generation, or -1 when it has no such syscall. */
    public int number(Syscall call) {
        return call.number(this);
    }

    /** Parses rfc-v1 / later / none; throws BadInputException naming the bad value. */
    public static AbiProfile parse(String text) {
        for (AbiProfile p : values()) {
            if (p.id.equalsIgnoreCase(text) || p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new BadInputException("unknown ABI profile '" + text + "' (expected rfc-v1, later or none)");
    }

    /**
     * A --profile value naming a uintr kernel: rfc-v1 or later. An unknown id and none are bad
     * input: "--profile: unknown profile 'TEXT'" or "--profile: NONE_REASON", then
     * " (expected EXPECTED)".
     */
    public static AbiProfile uintrOption(String text, String noneReason, String expected) {
        AbiProfile p;
        try {
            p = parse(text);
        } catch (BadInputException e) {
            p = null;
        }
        if (p == null || p == NONE) {
            throw new BadInputException("--profile: " + (p == null ? "unknown profile '" + text + "'" : noneReason)
                    + " (expected " + expected + ")");
        }
        return p;
    }

    @Override
    public String toString() {
        return id;
    }
}
