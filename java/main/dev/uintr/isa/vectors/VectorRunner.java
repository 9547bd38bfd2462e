package dev.uintr.isa.vectors;

import dev.uintr.isa.Acceptance;
import dev.uintr.isa.Fault;
import dev.uintr.isa.Isa;
import dev.uintr.isa.MsrRead;
import dev.uintr.machine.Cpu;
import dev.uintr.machine.CpuModel;
import dev.uintr.machine.Machine;
import dev.uintr.machine.MachineListener;
import dev.uintr.machine.Memory;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs vector rows on a one-processor emulated machine and compares the whole final state with
 * the expected one (spec/isa-vectors.md): the expected state is the {@code in} state with the
 * {@code expect} items applied; every register key, every mapped byte, the IPIs sent, the IDT
 * vector and the RDMSR value must match it.
 */
public final class VectorRunner {
    /** Pages that {@code map=} and implicit memory items create: user, writable. */
    static final int ROW_PAGE_FLAGS = Memory.WRITABLE | Memory.USER;

    private VectorRunner() {}

    public static List<VectorResult> runAll(List<VectorRow> rows) {
        List<VectorResult> out = new ArrayList<>(rows.size());
        for (VectorRow r : rows) {
            out.add(run(r));
        }
        return out;
    }

    /** Builds the machine a row starts from. */
    public static Machine setUp(VectorRow row) {
        RowState in = row.in();
        CpuModel model = in.value(StateKey.CPUID_UIRETUIF) != 0 ? CpuModel.FLEXIBLE_UIRET : CpuModel.SAPPHIRE_RAPIDS;
        Machine m = new Machine(1, model);
        Cpu c = m.cpu(0);
        for (StateKey k : StateKey.values()) {
            if (k != StateKey.CPUID_UIRETUIF) {
                k.write(c, in.value(k));
            }
        }
        Memory mem = m.memory();
        for (long[] range : in.maps()) {
            mem.map(range[0], range[1], ROW_PAGE_FLAGS);
        }
        for (MemItem item : in.memory()) {
            byte[] b = item.bytes();
            for (int i = 0; i < b.length; i++) {
                long a = item.addr() + i;
                if (!mem.isPresent(a)) {
                    mem.map(a, a, ROW_PAGE_FLAGS);             // "its bytes are mapped"
                }
                mem.write8(a, b[i]);
            }
        }
        return m;
    }

    public static VectorResult run(VectorRow row) {
        Machine m = setUp(row);
        Machine before = m.copy();
        List<Ipi> ipis = new ArrayList<>();
        Integer[] idt = {null};
        m.setListener(new MachineListener() {
            @Override
            public void ipiSent(int fromCpu, int vector, long destination, boolean x2apic) {
                ipis.add(new Ipi(vector, destination));
            }

            @Override
            public void interruptToIdt(int cpu, int vector) {
                idt[0] = vector;
            }
        });
        Long rdmsr = null;
        Fault fault;
        switch (row.op()) {
            case SENDUIPI: fault = Isa.senduipi(m, 0, row.argValue()); break;
            case UIRET: fault = Isa.uiret(m, 0); break;
            case CLUI: fault = Isa.clui(m, 0); break;
            case STUI: fault = Isa.stui(m, 0); break;
            case TESTUI: fault = Isa.testui(m, 0); break;
            case NOTIFY: {
                m.cpu(0).apic.markInService((int) row.argValue());
                Acceptance a = Isa.acceptInterrupt(m, 0, (int) row.argValue());
                fault = a.fault();
                break;
            }
            case DELIVER: fault = Isa.deliver(m, 0).fault(); break;
            case WRMSR: fault = Isa.wrmsr(m, 0, row.argValue(), row.wrmsrValue()); break;
            case RDMSR: {
                MsrRead r = Isa.rdmsr(m, 0, row.argValue());
                fault = r.fault();
                rdmsr = r.fault() == Fault.NONE ? r.value() : null;
                break;
            }
            case XSAVES: fault = Isa.xsaves(m, 0, row.argValue()); break;
            case XRSTORS: fault = Isa.xrstors(m, 0, row.argValue()); break;
            default: throw new AssertionError(row.op());
        }
        return new VectorResult(row, fault, compare(row, before, m, fault, ipis, idt[0], rdmsr));
    }

    private static List<String> compare(VectorRow row, Machine before, Machine after, Fault fault, List<Ipi> ipis,
            Integer idt, Long rdmsr) {
        RowExpectation exp = row.expect();
        List<String> diffs = new ArrayList<>();
        if (!exp.fault().equals(fault)) {
            diffs.add("fault: expected " + name(exp.fault()) + ", got " + name(fault)
                    + (fault.cause().isEmpty() ? "" : " (" + fault.cause() + ")"));
        }
        Cpu b = before.cpu(0);
        Cpu a = after.cpu(0);
        for (StateKey k : StateKey.values()) {
            long was = k == StateKey.CPUID_UIRETUIF ? row.in().value(k) : k.read(b);
            long now = k == StateKey.CPUID_UIRETUIF ? was : k.read(a);
            Long listed = exp.registers().get(k);
            long want = listed == null ? was : listed;
            if (want != now) {
                diffs.add(k.key + ": expected " + k.format(want) + ", got " + k.format(now)
                        + (listed == null ? " (not listed: should be unchanged)" : ""));
            }
        }
        Memory want = before.memory().copy();
        for (MemItem item : exp.memory()) {
            for (int i = 0; i < item.bytes().length; i++) {
                long addr = item.addr() + i;
                if (!want.isPresent(addr)) {
                    diffs.add("memory: expect names byte " + Numbers.hex(addr) + ", which is not mapped");
                    break;
                }
                want.write8(addr, item.bytes()[i]);
            }
        }
        compareMemory(want, after.memory(), diffs);
        if (!ipis.equals(exp.ipis())) {
            diffs.add("ipi: expected " + (exp.ipis().isEmpty() ? "none" : list(exp.ipis())) + ", got "
                    + (ipis.isEmpty() ? "none" : list(ipis)));
        }
        if (!java.util.Objects.equals(idt, exp.idt())) {
            diffs.add("idt: expected " + (exp.idt() == null ? "none" : Numbers.hex(exp.idt())) + ", got "
                    + (idt == null ? "none" : Numbers.hex(idt)));
        }
        if (!java.util.Objects.equals(rdmsr, exp.rdmsr())) {
            diffs.add("rdmsr: expected " + (exp.rdmsr() == null ? "none" : Numbers.hex(exp.rdmsr())) + ", got "
                    + (rdmsr == null ? "none" : Numbers.hex(rdmsr)));
        }
        return diffs;
    }

    private static void compareMemory(Memory want, Memory got, List<String> diffs) {
        java.util.TreeSet<Long> pages = new java.util.TreeSet<>(Long::compareUnsigned);
        for (long p : want.pages()) {
            pages.add(p);
        }
        for (long p : got.pages()) {
            pages.add(p);
        }
        for (long p : pages) {
            long base = p << Memory.PAGE_SHIFT;
            for (int off = 0; off < Memory.PAGE_SIZE; off += 8) {
                long w = want.read64(base + off);
                long g = got.read64(base + off);
                if (w != g) {
                    diffs.add("m64[" + Numbers.hex(base + off) + "]: expected " + Numbers.hex(w) + ", got " + Numbers.hex(g));
                }
            }
        }
    }

    private static String name(Fault f) {
        return f == Fault.NONE ? "none" : f.name();
    }

    private static String list(List<Ipi> ipis) {
        StringBuilder sb = new StringBuilder();
        for (Ipi i : ipis) {
            sb.append(sb.length() == 0 ? "" : " ").append(i);
        }
        return sb.toString();
    }
}
