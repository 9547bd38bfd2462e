package dev.uintr.isa;

/**
 * Decodes machine-code bytes (64-bit mode) into the five UINTR instructions (uintr-isa §6),
 * rejecting the look-alikes:
 *
 * <pre>
 *  F3 0F 01 EC      UIRET            0F 01 EE / EF without F3: RDPKRU / WRPKRU
 *  F3 0F 01 ED      TESTUI
 *  F3 0F 01 EE      CLUI
 *  F3 0F 01 EF      STUI
 *  F3 [REX] 0F C7 /6, mod = 11   SENDUIPI r64, register = ModRM.rm + 8·REX.B
 *      mod != 11: VMXON m64;  without F3: RDRAND;  F3 0F C7 /7 mod = 11: RDPID
 * </pre>
 *
 * Prefixes: any number of legacy prefixes (LOCK is remembered: it makes the instruction #UD);
 * a REX prefix counts only directly before 0F; the mandatory prefix is the last of F2/F3, and
 * 66 is ignored next to it (emulator's choice for [UNCONFIRMED] 10, as Bochs: F3 must be the
 * effective prefix). 66 and REX.W do not change SENDUIPI's 64-bit operand.
 */
public final class Decoder {
    private static final int MAX_LENGTH = 15;

    private Decoder() {}

    /** Decodes the instruction at the start of {@code bytes}. */
    public static Decoded decode(byte[] bytes) {
        int i = 0;
        boolean lock = false;
        int mandatory = 0;
        int rex = 0;
        while (i < bytes.length && i < MAX_LENGTH) {
            int b = bytes[i] & 0xFF;
            if (b == 0xF0) {
                lock = true;
            } else if (b == 0xF2 || b == 0xF3) {
                mandatory = b;
            } else if (b == 0x66 || b == 0x67 || b == 0x2E || b == 0x36 || b == 0x3E || b == 0x26
                    || b == 0x64 || b == 0x65) {
                // operand size, address size, segment overrides: no effect on these instructions
            } else if ((b & 0xF0) == 0x40) {
                rex = b;
                i++;
                continue;
            } else {
                break;
            }
            rex = 0;                                           // a REX prefix followed by a legacy prefix is ignored
            i++;
        }
        if (i >= bytes.length) {
            return Decoded.reject(i >= MAX_LENGTH ? "longer than 15 bytes" : "truncated: no opcode");
        }
        int op = bytes[i++] & 0xFF;
        if (op == 0xC4 || op == 0xC5 || op == 0x62) {
            return Decoded.reject("VEX/EVEX-encoded");
        }
        if (op != 0x0F) {
            return Decoded.reject(String.format("opcode %02X is not 0F", op));
        }
        if (i >= bytes.length) {
            return Decoded.reject("truncated after 0F");
        }
        int op2 = bytes[i++] & 0xFF;
        if (i >= bytes.length) {
            return Decoded.reject(String.format("truncated: 0F %02X without ModRM", op2));
        }
        int modrm = bytes[i++] & 0xFF;
        int mod = modrm >>> 6;
        int reg = (modrm >>> 3) & 7;
        int rm = modrm & 7;
        boolean f3 = mandatory == 0xF3;
        if (op2 == 0x01) {
            if (modrm >= 0xEC && modrm <= 0xEF) {
                if (f3) {
                    Instruction[] four = {Instruction.UIRET, Instruction.TESTUI, Instruction.CLUI, Instruction.STUI};
                    return Decoded.of(four[modrm - 0xEC], -1, i, lock);
                }
                if (modrm == 0xEE) {
                    return Decoded.reject("RDPKRU: 0F 01 EE without F3");
                }
                if (modrm == 0xEF) {
                    return Decoded.reject("WRPKRU: 0F 01 EF without F3");
                }
                return Decoded.reject(String.format("0F 01 %02X without F3", modrm));
            }
            return Decoded.reject(String.format("0F 01 %02X is not a UINTR instruction", modrm));
        }
        if (op2 == 0xC7) {
            if (reg == 6) {
                if (mod != 3) {
                    return Decoded.reject(f3 ? "VMXON m64: F3 0F C7 /6 with mod != 11" : "0F C7 /6 with a memory operand (VMPTRLD/VMCLEAR family)");
                }
                if (!f3) {
                    return Decoded.reject(mandatory == 0xF2 ? "0F C7 /6 with F2 is not SENDUIPI" : "RDRAND: 0F C7 /6 without F3");
                }
                return Decoded.of(Instruction.SENDUIPI, rm + ((rex & 1) != 0 ? 8 : 0), i, lock);
            }
            if (reg == 7 && mod == 3) {
                return Decoded.reject(f3 ? "RDPID: F3 0F C7 /7" : "RDSEED: 0F C7 /7");
            }
            return Decoded.reject(String.format("0F C7 /%d is not a UINTR instruction", reg));
        }
        return Decoded.reject(String.format("0F %02X is not a UINTR opcode", op2));
    }
}
