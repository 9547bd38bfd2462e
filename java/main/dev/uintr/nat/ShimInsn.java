package dev.uintr.nat;

import java.util.HexFormat;

/** The instruction stubs compiled into the shim (USH_INSN_* in uintr_shim.h), with the bytes uintr-isa §6 gives. */
public enum ShimInsn {
    SENDUIPI_RAX(0, "senduipi %rax", "f30fc7f0"),
    SENDUIPI_R10(1, "senduipi %r10", "f3410fc7f2"),
    UIRET(2, "uiret", "f30f01ec"),
    TESTUI(3, "testui", "f30f01ed"),
    CLUI(4, "clui", "f30f01ee"),
    STUI(5, "stui", "f30f01ef");

    /** The id the shim uses. */
    public final int id;
    /** The assembler mnemonic in the shim's source. */
    public final String mnemonic;
    private final String specHex;

    ShimInsn(int id, String mnemonic, String specHex) {
        this.id = id;
        this.mnemonic = mnemonic;
        this.specHex = specHex;
    }

    /** The encoding the spec (uintr-isa §6, GAS test suite examples) gives. */
    public byte[] specBytes() {
        return HexFormat.of().parseHex(specHex);
    }
}
