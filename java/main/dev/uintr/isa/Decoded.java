package dev.uintr.isa;

/**
 * What {@link Decoder#decode} found: one of the five instructions, or a rejection with its reason.
 *
 * @param instruction the instruction, or null when the bytes are not a UINTR instruction
 * @param register    SENDUIPI: the index register, 0..15 (ModRM.rm + 8·REX.B: 0 = RAX, 10 = R10); otherwise -1
 * @param length      bytes consumed (prefixes included); 0 when rejected
 * @param lock        a LOCK prefix was present (executing it raises #UD)
 * @param rejected    why the bytes are not a UINTR instruction (e.g. "RDRAND: 0F C7 /6 without F3"), or null
 */
public record Decoded(Instruction instruction, int register, int length, boolean lock, String rejected) {
    private static final String[] GPR64 = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};

    public boolean isUintr() {
        return instruction != null;
    }

    static Decoded of(Instruction insn, int register, int length, boolean lock) {
        return new Decoded(insn, register, length, lock, null);
    }

    static Decoded reject(String why) {
        return new Decoded(null, -1, 0, false, why);
    }

    /** AT&T syntax as binutils prints it ("senduipi %r10", "lock uiret"), or "(not UINTR: reason)". */
    public String text() {
        if (instruction == null) {
            return "(not UINTR: " + rejected + ")";
        }
        String s = (lock ? "lock " : "") + instruction.mnemonic();
        return instruction == Instruction.SENDUIPI ? s + " %" + GPR64[register] : s;
    }
}
