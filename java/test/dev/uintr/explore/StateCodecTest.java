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

    /**
     * restore copies every state field, not only those the shipped scenarios happen to change: each
     * primitive, enum and String field of every object of a set-up world's state is changed by
     * reflection, then restored over the original state's objects, and compared field by field.
     * A field added to a kernel-state class that restore does not copy fails here.
     */
    @Test
    void restore_copiesEveryStateField() throws Exception {
        World w = World.build(ScenarioParser.parse(Path.of("fixtures/scenarios/migrate.txt")),
                AbiProfile.RFC_V1, dev.uintr.kernel.BlockingDesign.NAIVE);
        StateCodec codec = new StateCodec(w);
        Node start = new Stepper(w).initial();
        Node from = codec.decode(bytes(codec, start), 0);
        Node to = codec.decode(bytes(codec, start), 0);
        int changed = 0;
        for (Object o : stateObjects(from.kernel.state())) {
            changed += perturb(o);
        }
        assertTrue(changed > 50, "fields changed: " + changed);
        Node back = codec.restore(from, to.kernel);
        assertTrue(back.kernel == to.kernel, "restored over the given objects");
        List<Object> a = stateObjects(from.kernel.state());
        List<Object> b = stateObjects(back.kernel.state());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            for (Field f : a.get(i).getClass().getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object x = f.get(a.get(i));
                Object y = f.get(b.get(i));
                if (x != null && x.getClass().isArray()) {
                    assertTrue(java.util.Objects.deepEquals(x, y), a.get(i).getClass().getSimpleName() + "." + f.getName());
                } else if (!(x instanceof java.util.Collection) && !(x instanceof java.util.Map)) {
                    assertEquals(x, y, a.get(i).getClass().getSimpleName() + "." + f.getName() + " not restored");
                }
            }
        }
        assertEquals(from.kernel.state(), back.kernel.state());
    }

    /** The state and every object it holds that has fields of its own (tasks, mms, files, UPIDs, UITTs, CPUs, counters). */
    private static List<Object> stateObjects(dev.uintr.kernel.KernelState s) {
        List<Object> out = new java.util.ArrayList<>();
        out.add(s);
        out.addAll(s.tasks);
        out.addAll(s.mms);
        out.addAll(s.files);
        out.addAll(s.upids);
        out.addAll(s.uitts);
        out.addAll(Arrays.asList(s.cpus));
        out.add(s.counters);
        return out;
    }

    /** Changes every non-final primitive, enum and String field of {@code o}; how many it changed. */
    private static int perturb(Object o) throws Exception {
        int n = 0;
        for (Field f : o.getClass().getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) || Modifier.isTransient(m) || Modifier.isFinal(m)) {
                continue;
            }
            f.setAccessible(true);
            Class<?> t = f.getType();
            if (t == boolean.class) {
                f.setBoolean(o, !f.getBoolean(o));
            } else if (t == int.class) {
                f.setInt(o, f.getInt(o) + 7);
            } else if (t == long.class) {
                f.setLong(o, f.getLong(o) + 7);
            } else if (t.isEnum()) {
                Object[] all = t.getEnumConstants();
                Object v = f.get(o);
                f.set(o, all[(v == null ? 0 : ((Enum<?>) v).ordinal() + 1) % all.length]);
            } else if (t == String.class) {
                f.set(o, f.get(o) + "'");
            } else {
                continue;
            }
            n++;
        }
        return n;
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
