package dev.uintr.backend;

import dev.uintr.AbiProfile;

/**
 * Decides which uintr syscall generation the running kernel speaks, from its symbol table
 * alone (design.md item 8: never call a syscall number before the kernel is known to have
 * uintr — upstream reuses 449–454, e.g. 449 is futex_waitv). Pure: takes the text of
 * /proc/kallsyms (or a System.map); names are readable there even when kptr_restrict hides
 * the addresses.
 *
 * <p>rfc-v1 is recognised by {@code uintr_create_fd} (uintr-kernel §2.1, number 451), the later
 * tree by {@code uintr_vector_fd} / {@code uintr_register_self} (473, 477). Syscall entry
 * symbols are {@code __x64_sys_NAME} (or {@code sys_NAME} on older kernels).
 *
 * @param abi the generation, NONE when no uintr syscalls were found
 * @param how one sentence: what was read and which symbol decided it
 */
public record KernelUintr(AbiProfile abi, String how) {

    public static KernelUintr fromSymbols(String symbolText, String source) {
        boolean handler = hasSyscall(symbolText, "uintr_register_handler");
        boolean createFd = hasSyscall(symbolText, "uintr_create_fd");
        boolean vectorFd = hasSyscall(symbolText, "uintr_vector_fd");
        boolean registerSelf = hasSyscall(symbolText, "uintr_register_self");
        if (vectorFd || registerSelf) {
            return new KernelUintr(AbiProfile.LATER, source + " has sys_uintr_"
                    + (vectorFd ? "vector_fd" : "register_self") + ": later tree, syscalls 471-479");
        }
        if (createFd) {
            return new KernelUintr(AbiProfile.RFC_V1, source + " has sys_uintr_create_fd: RFC v1, syscalls 449-454");
        }
        if (handler) {
            return new KernelUintr(AbiProfile.NONE, source + " has sys_uintr_register_handler but neither"
                    + " uintr_create_fd nor uintr_vector_fd: unknown uintr generation, not used");
        }
        return new KernelUintr(AbiProfile.NONE, "no uintr syscalls in " + source);
    }

    /** True when the text has a syscall entry symbol for {@code name} (a whole word). */
    static boolean hasSyscall(String symbols, String name) {
        for (String prefix : new String[] {"__x64_sys_", "__do_sys_", "__se_sys_", "sys_"}) {
            String sym = prefix + name;
            int at = symbols.indexOf(sym);
            while (at >= 0) {
                int end = at + sym.length();
                boolean startOk = at == 0 || Character.isWhitespace(symbols.charAt(at - 1));
                boolean endOk = end == symbols.length() || Character.isWhitespace(symbols.charAt(end));
                if (startOk && endOk) {
                    return true;
                }
                at = symbols.indexOf(sym, at + 1);
            }
        }
        return false;
    }
}
