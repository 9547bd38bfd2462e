package dev.uintr.isa.vectors;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The {@code in} column: register keys given, byte ranges mapped, memory contents. */
record RowState(Map<StateKey, Long> registers, List<long[]> maps, List<MemItem> memory) {
    /** The value of {@code k}: as given, else its reset value. */
    long value(StateKey k) {
        Long v = registers.get(k);
        return v == null ? k.reset : v;
    }

    static RowState empty() {
        return new RowState(new EnumMap<>(StateKey.class), List.of(), List.of());
    }
}
