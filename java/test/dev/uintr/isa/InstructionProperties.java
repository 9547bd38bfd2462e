package dev.uintr.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.machine.Cpu;
import dev.uintr.machine.CpuMode;
import dev.uintr.machine.CpuModel;
import dev.uintr.machine.Machine;
import dev.uintr.machine.MachineListener;
import dev.uintr.machine.Memory;
import dev.uintr.testing.SeededGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Properties of the instructions, notification and delivery (uintr-isa §7.4, §7.5, §8, §9), each
 * run over seeded draws against the real model and, in {@link PropertyTable#propertyCatchesABrokenModel},
 * against a model with one deliberate bug.
 */
class InstructionProperties extends PropertyTable {
    private static final int CASES = 100;
    private static final int SEQUENCES = 25;
    private static final long UITT = 0x1000;
    private static final long UPID_PAGE = 0x2000;
    private static final long STACK_LO = 0x10000;
    private static final long STACK_HI = 0x2FFFF;

    /** The instructions a property drives; a broken model overrides one of them. */
    interface Model {
        default Fault senduipi(Machine m, int cpu, long index) {
            return Isa.senduipi(m, cpu, index);
        }

        default Fault uiret(Machine m, int cpu) {
            return Isa.uiret(m, cpu);
        }

        default Delivery deliver(Machine m, int cpu) {
            return Isa.deliver(m, cpu);
        }
    }

    private static final Model REAL = new Model() { };

    /** A model whose UIRET, once the real one has run, does {@code after} to the CPU (given the real fault). */
    private static Model uiretThen(BiConsumer<Cpu, Fault> after) {
        return new Model() {
            @Override
            public Fault uiret(Machine m, int cpu) {
                Fault f = Isa.uiret(m, cpu);
                after.accept(m.cpu(cpu), f);
                return f;
            }
        };
    }

    /** The properties, each with the real model and a model with one plausible bug. */
    @Override
    List<SeededProperty> properties() {
        return List.of(
                new SeededProperty("faulting SENDUIPI changes nothing (uintr-isa §7.5)", CASES,
                        g -> faultingSenduipiChangesNothing(g, REAL),
                        // SENDUIPI that writes the UITT before its checks fault
                        g -> faultingSenduipiChangesNothing(g, new Model() {
                            @Override
                            public Fault senduipi(Machine m, int cpu, long index) {
                                Fault f = Isa.senduipi(m, cpu, index);
                                if (f.faulted()) {
                                    m.memory().write64(UITT + 8, m.memory().read64(UITT + 8) ^ 1);
                                }
                                return f;
                            }
                        })),
                new SeededProperty("faulting UIRET changes nothing (uintr-isa §7.4)", CASES,
                        g -> faultingUiretChangesNothing(g, REAL),
                        // UIRET that pops its frame even when it faults
                        g -> faultingUiretChangesNothing(g, uiretThen((c, f) -> {
                            if (f.faulted()) {
                                c.rsp += 24;
                            }
                        }))),
                new SeededProperty("delivery then UIRET restores the context (uintr-isa §9, §7.4)", CASES,
                        g -> deliveryThenUiretRestoresContext(g, REAL),
                        // UIRET that drops RFLAGS.ZF
                        g -> deliveryThenUiretRestoresContext(g, uiretThen((c, f) -> c.rflags &= ~0x40L))),
                new SeededProperty("UIRR bits never lost nor invented (uintr-isa §8, §9)", SEQUENCES,
                        g -> uirrBitsNeverLostNorInvented(g, REAL),
                        // delivery that clears the lowest pending vector as well as the one it delivers
                        g -> uirrBitsNeverLostNorInvented(g, new Model() {
                            @Override
                            public Delivery deliver(Machine m, int cpu) {
                                Delivery d = Isa.deliver(m, cpu);
                                if (d == Delivery.DELIVERED) {
                                    m.cpu(cpu).uirr &= m.cpu(cpu).uirr - 1;
                                }
                                return d;
                            }
                        })));
    }

    private static long interestingQuadword(SeededGenerator g) {
        return g.oneOf(g::anyLong,
                () -> g.oneOf(0L, 1L, 0x501L, 0x3F01L, 0x4001L, 0x2040L, 0x2041L, 0x0000010000EC0000L,
                        0x0000010000EC0001L, 0x0000010000EC0002L, 0x0000010000EC0080L, 0x800000002040L),
                () -> (g.between(0L, 0x3FFF) << 8) | 1);
    }

    private static long uittAddress(SeededGenerator g) {
        return g.oneOf(0x1000L, 0x1001L, 0x1009L, 0x5001L, 0x800000001001L, 0L);
    }

    private static long stackPointer(SeededGenerator g) {
        return g.oneOf(() -> g.between(STACK_LO - 32, STACK_HI + 8),
                () -> g.oneOf(0x800000000000L, 0x7FFFFFFFFFF8L, 0L, -8L), g::anyLong);
    }

    private static List<Integer> steps(SeededGenerator g) {
        return g.listOf(1, 60, () -> (g.between(0, 6) << 8) | g.between(0, 63));
    }

    /** §7.5: whatever the UITT, UPID, MSRs and mappings, a faulting SENDUIPI writes nothing and sends no IPI. */
    static void faultingSenduipiChangesNothing(SeededGenerator g, Model model) {
        long tt = uittAddress(g);
        long uittsz = g.between(0L, 7);
        long index = g.between(0L, 9);
        long uitteLo = interestingQuadword(g);
        long uitteHi = interestingQuadword(g);
        long upidLo = interestingQuadword(g);
        long pir = g.anyLong();
        boolean mapUpid = g.anyBoolean();
        boolean x2apic = g.anyBoolean();
        boolean cr4 = g.anyBoolean();
        boolean compat = g.anyBoolean();
        Machine m = new Machine(2, CpuModel.SAPPHIRE_RAPIDS);
        Cpu c = m.cpu(0);
        c.tt = tt;
        c.misc = UintrMsr.misc(uittsz, 0xEC);
        c.apic.x2apic = x2apic;
        c.cr4Uintr = cr4;
        c.mode = compat ? CpuMode.COMPAT : CpuMode.LONG64;
        m.memory().map(UITT, UITT + 0xFFF, Memory.WRITABLE);
        m.memory().write64(UITT + 16 * index, uitteLo);
        m.memory().write64(UITT + 16 * index + 8, uitteHi);
        if (mapUpid) {
            m.memory().map(UPID_PAGE, UPID_PAGE + 0xFFF, Memory.WRITABLE);
            m.memory().write64(0x2040, upidLo);
            m.memory().write64(0x2048, pir);
        }
        Machine before = m.copy();
        List<String> ipis = new ArrayList<>();
        m.setListener(new MachineListener() {
            @Override
            public void ipiSent(int from, int vector, long dest, boolean x2) {
                ipis.add(vector + "@" + dest);
            }
        });
        Fault f = model.senduipi(m, 0, index);
        if (f.faulted()) {
            assertEquals(before, m, "a faulting SENDUIPI changed the machine");
            assertTrue(ipis.isEmpty());
        } else {
            assertTrue(ipis.size() <= 1);
            assertEquals(before.cpu(0), m.cpu(0), "SENDUIPI changes no register");
        }
    }

    /** §7.4: a faulting UIRET changes nothing, whatever the stack and the frame hold. */
    static void faultingUiretChangesNothing(SeededGenerator g, Model model) {
        long rsp = stackPointer(g);
        long tRip = g.anyLong();
        long tRflags = g.anyLong();
        long tRsp = g.anyLong();
        boolean la57 = g.anyBoolean();
        int cpl = g.between(0, 3);
        Machine m = new Machine(1, CpuModel.SAPPHIRE_RAPIDS);
        Cpu c = m.cpu(0);
        c.rsp = rsp;
        c.la57 = la57;
        c.cpl = cpl;
        m.memory().map(STACK_LO, STACK_HI, Memory.WRITABLE | Memory.USER);
        m.memory().write64(rsp, tRip);
        m.memory().write64(rsp + 8, tRflags);
        m.memory().write64(rsp + 16, tRsp);
        Machine before = m.copy();
        Fault f = model.uiret(m, 0);
        if (f.faulted()) {
            assertEquals(before, m);
        } else {
            assertEquals(tRip, c.rip);
            assertEquals(tRsp, c.rsp);
        }
    }


    /** §9 + §7.4: delivery, the handler's add $8,%rsp, UIRET: RIP, RSP, RFLAGS (masked bits) and UIF are as before. */
    static void deliveryThenUiretRestoresContext(SeededGenerator g, Model model) {
        long rsp = g.between(0x20000L, 0x2F000);
        long rip = g.between(0L, 0x7FFF_FFFF_FFFFL);
        long rflagsBits = g.anyLong();
        long uirr = g.anyLong();
        long adjust = g.between(0L, 0x800);
        boolean loadMode = g.anyBoolean();
        if (uirr == 0) {
            uirr = 1;
        }
        Machine m = new Machine(1, CpuModel.SAPPHIRE_RAPIDS);
        Cpu c = m.cpu(0);
        long rflags = (rflagsBits & 0x3F7FD5L) | 0x2;          // architecturally settable bits, bit 1 set
        c.rip = rip;
        c.rsp = rsp;
        c.rflags = rflags;
        c.uif = true;
        c.uirr = uirr;
        c.handler = 0x401000;
        c.stackAdjust = loadMode ? (0x18000 + adjust) | 1 : adjust & ~1L;   // bit 0 selects the mode
        m.memory().map(STACK_LO, STACK_HI, Memory.WRITABLE | Memory.USER);
        assertEquals(Delivery.DELIVERED, model.deliver(m, 0));
        assertEquals(0, c.rsp & 0xF, "frame is 16-byte aligned");
        c.rsp += 8;                                            // the handler discards the vector
        assertEquals(Fault.NONE, model.uiret(m, 0));
        assertEquals(rip, c.rip);
        assertEquals(rsp, c.rsp);
        assertEquals(rflags, c.rflags);
        assertTrue(c.uif);
        assertEquals(uirr & ~Long.highestOneBit(uirr), c.uirr, "exactly the highest vector was taken");
    }


    /**
     * §7.5, §8, §9: through any sequence of sends (self-IPIs), notifications, deliveries, returns,
     * CLUI/STUI and SN changes, a vector bit appears in PIR | UIRR only by a SENDUIPI of that
     * vector and disappears only by the delivery of that vector; a delivered vector was in UIRR.
     */
    static void uirrBitsNeverLostNorInvented(SeededGenerator g, Model model) {
        List<Integer> steps = steps(g);
        Machine m = new Machine(1, CpuModel.SAPPHIRE_RAPIDS);
        Cpu c = m.cpu(0);
        Memory mem = m.memory();
        mem.map(UITT, UITT + 0xFFF, Memory.WRITABLE);
        mem.map(UPID_PAGE, UPID_PAGE + 0xFFF, Memory.WRITABLE);
        mem.map(STACK_LO, STACK_HI, Memory.WRITABLE | Memory.USER);
        for (int v = 0; v < 64; v++) {
            mem.write64(UITT + 16L * v, Uitte.of(true, 0, v, 0, 0x2040).lo());
            mem.write64(UITT + 16L * v + 8, 0x2040);
        }
        mem.write64(0x2040, Upid.of(false, false, 0, 0xEC, 0, 0, 0).lo());
        c.tt = UintrMsr.tt(UITT, true);
        c.misc = UintrMsr.misc(63, 0xEC);
        c.pd = 0x2040;
        c.handler = 0x401000;
        c.stackAdjust = 0x80;
        c.rsp = STACK_HI - 0xFF;
        c.uif = true;
        int depth = 0;
        for (int s : steps) {
            int kind = s >>> 8;
            int arg = s & 0x3F;
            long pendingBefore = mem.read64(0x2048) | c.uirr;
            long uirrBefore = c.uirr;
            long mayAppear = 0;
            long mayVanish = 0;
            switch (kind) {
                case 0:
                    assertEquals(Fault.NONE, model.senduipi(m, 0, arg));
                    mayAppear = 1L << arg;
                    assertTrue((mem.read64(0x2048) & (1L << arg)) != 0, "SENDUIPI posts PIR[UV]");
                    break;
                case 1:
                    Isa.takeInterrupt(m, 0);
                    break;
                case 2:
                    if (model.deliver(m, 0) == Delivery.DELIVERED) {
                        long vector = m.memory().read64(c.rsp);
                        assertTrue((uirrBefore & (1L << vector)) != 0, "delivered a vector not in UIRR");
                        assertEquals(63 - Long.numberOfLeadingZeros(uirrBefore), vector, "not the highest");
                        mayVanish = 1L << vector;
                        depth++;
                    }
                    break;
                case 3:
                    if (depth > 0) {
                        c.rsp += 8;
                        assertEquals(Fault.NONE, model.uiret(m, 0));
                        depth--;
                    }
                    break;
                case 4:
                    Isa.clui(m, 0);
                    break;
                case 5:
                    Isa.stui(m, 0);
                    break;
                default: {
                    long lo = mem.read64(0x2040);
                    mem.write64(0x2040, lo ^ Upid.SN);         // the kernel toggles SN
                }
            }
            long pendingAfter = mem.read64(0x2048) | c.uirr;
            long appeared = pendingAfter & ~pendingBefore;
            long vanished = pendingBefore & ~pendingAfter;
            assertEquals(0, appeared & ~mayAppear, "vector bits invented");
            assertEquals(0, vanished & ~mayVanish, "vector bits lost");
        }
    }
}
