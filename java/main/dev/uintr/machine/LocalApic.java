package dev.uintr.machine;

import java.util.Arrays;

/**
 * A logical processor's local APIC, reduced to what UINTR needs: its id in xAPIC or x2APIC
 * mode, the interrupt request and in-service registers (256 bits each), acknowledge, EOI
 * (counted: ISA vector rows observe {@code eoi}), and physical-destination matching.
 *
 * <p>An ordinary interrupt is acceptable when the highest requested vector's priority class
 * (vector bits 7:4) is above that of the highest in-service vector (TPR is taken as 0).
 * Whether the processor accepts it (RFLAGS.IF, interrupt shadow) is the caller's business.
 */
public final class LocalApic {
    /** xAPIC physical destination that means "all processors". */
    public static final int XAPIC_BROADCAST = 0xFF;
    /** x2APIC physical destination that means "all processors". */
    public static final long X2APIC_BROADCAST = 0xFFFF_FFFFL;

    /** APIC id: 8 bits used in xAPIC mode, 32 bits in x2APIC mode. */
    public long id;
    /** true: x2APIC mode, false: xAPIC mode. */
    public boolean x2apic;
    /** Number of EOI writes so far. */
    public long eoiCount;
    private final long[] irr = new long[4];
    private final long[] isr = new long[4];

    public LocalApic(long id) {
        this.id = id;
    }

    LocalApic(LocalApic o) {
        id = o.id;
        x2apic = o.x2apic;
        eoiCount = o.eoiCount;
        System.arraycopy(o.irr, 0, irr, 0, 4);
        System.arraycopy(o.isr, 0, isr, 0, 4);
    }

    public LocalApic copy() {
        return new LocalApic(this);
    }

    /** Sets the IRR bit of {@code vector} (an interrupt message arrived). */
    public void request(int vector) {
        irr[(vector & 0xFF) >>> 6] |= 1L << vector;
    }

    /** Whether the IRR bit of {@code vector} is set. */
    public boolean isRequested(int vector) {
        return (irr[(vector & 0xFF) >>> 6] & (1L << vector)) != 0;
    }

    /** Whether the ISR bit of {@code vector} is set. */
    public boolean isInService(int vector) {
        return (isr[(vector & 0xFF) >>> 6] & (1L << vector)) != 0;
    }

    /** The highest requested vector, or -1. */
    public int highestRequested() {
        return highest(irr);
    }

    /** The highest in-service vector, or -1. */
    public int highestInService() {
        return highest(isr);
    }

    /** Whether the highest requested vector outranks everything in service. */
    public boolean hasAcceptable() {
        int r = highest(irr);
        if (r < 0) {
            return false;
        }
        int s = highest(isr);
        return s < 0 || (r >>> 4) > (s >>> 4);
    }

    /**
     * Interrupt acknowledge: moves the highest requested vector from IRR to ISR and returns
     * it, or returns -1 when nothing is acceptable.
     */
    public int acknowledge() {
        if (!hasAcceptable()) {
            return -1;
        }
        int v = highest(irr);
        irr[v >>> 6] &= ~(1L << v);
        isr[v >>> 6] |= 1L << v;
        return v;
    }

    /** Puts {@code vector} in service directly (ISA vector rows: "the interrupt was accepted"). */
    public void markInService(int vector) {
        isr[(vector & 0xFF) >>> 6] |= 1L << vector;
    }

    /** A write to the EOI register: clears the highest in-service bit (if any) and counts the write. */
    public void eoi() {
        int v = highest(isr);
        if (v >= 0) {
            isr[v >>> 6] &= ~(1L << v);
        }
        eoiCount++;
    }

    /** Whether a fixed, physical-destination IPI addressed to {@code dest} (in the sender's mode) reaches this APIC. */
    public boolean accepts(long dest, boolean senderX2apic) {
        if (senderX2apic) {
            return dest == X2APIC_BROADCAST || dest == id;
        }
        int d = (int) (dest & 0xFF);
        return d == XAPIC_BROADCAST || d == (id & 0xFF);
    }

    private static int highest(long[] bits) {
        for (int w = 3; w >= 0; w--) {
            if (bits[w] != 0) {
                return (w << 6) + 63 - Long.numberOfLeadingZeros(bits[w]);
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LocalApic)) {
            return false;
        }
        LocalApic a = (LocalApic) o;
        return a.id == id && a.x2apic == x2apic && a.eoiCount == eoiCount
                && Arrays.equals(a.irr, irr) && Arrays.equals(a.isr, isr);
    }

    @Override
    public int hashCode() {
        int h = Long.hashCode(id) * 31 + (x2apic ? 1 : 0);
        h = h * 31 + Long.hashCode(eoiCount);
        h = h * 31 + Arrays.hashCode(irr);
        return h * 31 + Arrays.hashCode(isr);
    }

    /** E.g. {@code apic=1 x2 eoi=2 irr=0xec isr=-}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("apic=0x").append(Long.toHexString(id));
        if (x2apic) {
            sb.append(" x2");
        }
        sb.append(" eoi=").append(eoiCount).append(" irr=").append(vectors(irr)).append(" isr=").append(vectors(isr));
        return sb.toString();
    }

    private static String vectors(long[] bits) {
        StringBuilder sb = new StringBuilder();
        for (int v = 255; v >= 0; v--) {
            if ((bits[v >>> 6] & (1L << v)) != 0) {
                sb.append(sb.length() == 0 ? "" : ",").append("0x").append(Integer.toHexString(v));
            }
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }
}
