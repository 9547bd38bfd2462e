package dev.uintr.isa.vectors;

import dev.uintr.isa.Fault;
import java.util.List;
import java.util.Map;

/**
 * The {@code expect} column: the fault, the state items that change, the IPIs sent, the vector
 * sent to the IDT (or null), the value RDMSR returns (or null).
 */
record RowExpectation(Fault fault, Map<StateKey, Long> registers, List<MemItem> memory, List<Ipi> ipis,
        Integer idt, Long rdmsr) {}
