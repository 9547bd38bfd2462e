package dev.uintr.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.kernel.FdSlot;
import dev.uintr.kernel.SenderLink;
import dev.uintr.kernel.TaskWork;
import dev.uintr.kernel.Violation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The frontier's byte encoding of states: complete (every compared field), exact, canonical. */
class StateCodecTest {
    /**
     * A field added to a kernel-state class must be encoded, or the search would silently merge
     * states that differ in it (or lose it when a state is decoded): this names the field.
     */
    @Test
    void everyStateField_isEncoded() {
        for (Map.Entry<Class<?>, Set<String>> e : StateCodec.COVERED.entrySet()) {
            Set<String> declared = new TreeSet<>();
            for (Field f : e.getKey().getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m)
                        && !StateCodec.NOT_STATE.contains(e.getKey().getSimpleName() + "." + f.getName())) {
                    declared.add(f.getName());
                }
            }
            assertEquals(new TreeSet<>(e.getValue()), declared, e.getKey().getSimpleName()
                    + ": fields and StateCodec.COVERED differ; encode and decode the new field in StateCodec");
        }
        Map<Class<?>, List<String>> records = Map.of(FdSlot.class, List.of("file", "cloexec"),
                SenderLink.class, List.of("task", "uitt", "index"), TaskWork.class, List.of("kind", "a", "b"),
                Violation.class, List.of("upid", "writer"));
        for (var e : records.entrySet()) {
            assertEquals(e.getValue(), Arrays.stream(e.getKey().getRecordComponents()).map(RecordComponent::getName).toList(),
                    e.getKey().getSimpleName() + " changed: update StateCodec");
        }
    }

    /** Every state reachable in every shipped scenario decodes to an equal node and re-encodes to the same bytes. */
    @Test
    void everyReachableState_roundTrips_andEqualStatesEncodeEqually() {
        int checked = 0;
        for (Scenario sc : ScenarioParser.loadAll(Path.of("fixtures/scenarios"))) {
            for (AbiProfile p : List.of(AbiProfile.RFC_V1, AbiProfile.LATER)) {
                for (var d : dev.uintr.kernel.BlockingDesign.values()) {
                    if (World.notApplicable(sc, p, d) != null) {
                        continue;
                    }
                    checked += roundTrips(World.build(sc, p, d));
                }
            }
        }
        assertTrue(checked > 1000, "states checked: " + checked);
    }

    private static int roundTrips(World w) {
        Stepper st = new Stepper(w);
        StateCodec codec = new StateCodec(w);
        StateCodec other = new StateCodec(w);                           // its own UITT cache
        Set<Node> seen = new HashSet<>();
        ArrayDeque<Node> todo = new ArrayDeque<>();
        todo.add(st.initial());
        seen.add(st.initial());
        dev.uintr.kernel.Kernel scratch = null;
        dev.uintr.kernel.Kernel copyScratch = null;
        while (!todo.isEmpty()) {
            Node n = todo.poll();
            byte[] b = bytes(codec, n);
            Node back = codec.decode(b, 0);
            assertEquals(n, back, w.scenario.name() + ": decoded state differs");
            assertArrayEquals(b, bytes(other, back), "re-encoding differs");
            Node reused = other.decodeInto(b, 0, scratch);              // over whatever the last state left there
            assertEquals(n, reused, w.scenario.name() + ": decoding over a used state differs");
            scratch = reused.kernel;
            Node copied = codec.restore(back, copyScratch);                 // over whatever the last copy left there
            assertEquals(n, copied, w.scenario.name() + ": restored state differs");
            assertArrayEquals(b, bytes(other, copied), "restored state encodes differently");
            copyScratch = copied.kernel;
            for (Move m : st.enabled(n)) {
                Node c = st.apply(n, m, false).node();
                if (seen.add(c)) {
                    todo.add(c);
                }
            }
        }
        return seen.size();
    }

    static byte[] bytes(StateCodec c, Node n) {
        ByteSink s = new ByteSink();
        c.encode(n, s);
        return Arrays.copyOf(s.buf, s.len);
    }

    /** The codec writes the counters without making Counters.values()'s array: its count must follow it. */
    @Test
    void counterCount_matchesCounters() {
        assertEquals(new dev.uintr.kernel.Counters().values().length, StateCodec.COUNTERS);
    }

    @Test
    void varints_roundTrip() {
        ByteSink s = new ByteSink();
        long[] v = {0, 1, -1, 63, -64, 64, Long.MAX_VALUE, Long.MIN_VALUE, 0xffff888000100000L, Integer.MIN_VALUE};
        for (long x : v) {
            s.svar(x);
            s.uvar(x);
        }
        s.text("rx → cpu0");
        ByteSink.Source in = new ByteSink.Source(s.buf, 0);
        for (long x : v) {
            assertEquals(x, in.svar());
            assertEquals(x, in.uvar());
        }
        assertEquals("rx → cpu0", in.text());
        assertEquals(s.len, in.position());
    }
}
