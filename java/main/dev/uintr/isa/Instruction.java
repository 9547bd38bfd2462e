package dev.uintr.isa;

/** The five UINTR instructions. */
public enum Instruction {
    SENDUIPI, UIRET, TESTUI, CLUI, STUI;

    public String mnemonic() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
