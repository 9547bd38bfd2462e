package dev.uintr;

import java.util.Map;

/**
 * The two generations of the Linux uintr syscall ABI (uintr-kernel §0.1, §2.1; design.md
 * item 8), plus NONE for a kernel without uintr. Syscall numbers are x86-64.
 */
public enum AbiProfile {
    /** RFC v1 as posted (Sep 2021): 449–454, per-task UITT, uintr_create_fd, uintr_wait(flags). */
    RFC_V1("rfc-v1", Map.of(
            "uintr_register_handler", 449,
            "uintr_unregister_handler", 450,
            "uintr_create_fd", 451,
            "uintr_register_sender", 452,
            "uintr_unregister_sender", 453,
            "uintr_wait", 454)),
    /** Intel's later tree (intel/uintr-linux-kernel @fed8dc12): 471–479, per-mm UITT. */
    LATER("later", Map.of(
            "uintr_register_handler", 471,
            "uintr_unregister_handler", 472,
            "uintr_vector_fd", 473,
            "uintr_register_sender", 474,
            "uintr_unregister_sender", 475,
            "uintr_wait", 476,
            "uintr_register_self", 477,
            "uintr_alt_stack", 478,
            "uintr_ipi_fd", 479)),
    /** The kernel has no uintr syscalls (or they could not be confirmed). */
    NONE("none", Map.of());

    private final String id;
    private final Map<String, Integer> syscalls;

    AbiProfile(String id, Map<String, Integer> syscalls) {
        this.id = id;
        this.syscalls = syscalls;
    }

    /** The name users type and reports print: rfc-v1, later, none. */
    public String id() {
        return id;
    }

    /** Syscall name → x86-64 number for this generation (empty for NONE). */
    public Map<String, Integer> syscalls() {
        return syscalls;
    }

    /** The number of {@code name}, or -1 when this generation has no such syscall. */
    public int number(String name) {
        return syscalls.getOrDefault(name, -1);
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

    @Override
    public String toString() {
        return id;
    }
}
