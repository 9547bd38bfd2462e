package dev.uintr.backend;

import dev.uintr.nat.UintrShim;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Decodes the CPUID leaves the probe needs, executed by the shim's CPUID instruction. */
final class CpuidReader {
    private final UintrShim shim;
    private final int maxLeaf;
    private final int maxExtLeaf;

    CpuidReader(UintrShim shim) {
        this.shim = shim;
        this.maxLeaf = cpuid(0, 0)[0];
        this.maxExtLeaf = cpuid(0x80000000, 0)[0];
    }

    int[] cpuid(int leaf, int subleaf) {
        int[] r = new int[4];
        shim.ush_cpuid(leaf, subleaf, r);
        return r;
    }

    /** CPUID.0: EBX, EDX, ECX spell the vendor. */
    String vendor() {
        int[] r = cpuid(0, 0);
        return ascii(r[1], r[3], r[2]);
    }

    /** {display family, display model, stepping} from CPUID.1:EAX (SDM Vol.2A CPUID, figure 3-6). */
    int[] signature() {
        int eax = cpuid(1, 0)[0];
        int stepping = eax & 0xF;
        int model = (eax >>> 4) & 0xF;
        int family = (eax >>> 8) & 0xF;
        int extModel = (eax >>> 16) & 0xF;
        int extFamily = (eax >>> 20) & 0xFF;
        int displayFamily = family == 0xF ? family + extFamily : family;
        int displayModel = (family == 0x6 || family == 0xF) ? (extModel << 4) + model : model;
        return new int[] {displayFamily, displayModel, stepping};
    }

    /** Brand string from CPUID 0x80000002..4, trimmed; "" when the leaves are absent. */
    String brand() {
        if (Integer.compareUnsigned(maxExtLeaf, 0x80000004) < 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int leaf = 0x80000002; leaf <= 0x80000004; leaf++) {
            int[] r = cpuid(leaf, 0);
            sb.append(ascii(r[0], r[1], r[2], r[3]));
        }
        return sb.toString().replace("\0", "").trim();
    }

    /** CPUID.(7,0):EDX[5] — uintr-isa §1. */
    Tri uintr() {
        return maxLeaf < 7 ? Tri.NO : Tri.of((cpuid(7, 0)[3] & (1 << 5)) != 0);
    }

    /** CPUID.(7,1):EDX[17] — UIRET_UIF (Flexible UIRET), uintr-isa §1; sub-leaf 1 exists if CPUID.(7,0):EAX >= 1. */
    Tri uiretUif() {
        if (maxLeaf < 7 || cpuid(7, 0)[0] < 1) {
            return Tri.NO;
        }
        return Tri.of((cpuid(7, 1)[3] & (1 << 17)) != 0);
    }

    /** CPUID.80000007H:EDX[8] — invariant TSC. */
    Tri invariantTsc() {
        if (Integer.compareUnsigned(maxExtLeaf, 0x80000007) < 0) {
            return Tri.UNKNOWN;
        }
        return Tri.of((cpuid(0x80000007, 0)[3] & (1 << 8)) != 0);
    }

    private static String ascii(int... regs) {
        ByteBuffer b = ByteBuffer.allocate(regs.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int r : regs) {
            b.putInt(r);
        }
        return new String(b.array(), StandardCharsets.US_ASCII);
    }
}
