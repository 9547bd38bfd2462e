package dev.uintr.explore;

import dev.uintr.kernel.Counters;
import dev.uintr.kernel.KernelState;
import dev.uintr.kernel.Task;
import dev.uintr.kernel.TaskState;
import dev.uintr.kernel.UpidContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a counterexample as Lincheck does (style.md §2): one column per CPU (plus one for
 * the platform), one event per row, {@code switch} where the schedule moved to another
 * column; the short trace first (events only), then the detailed one with the values read
 * and written (UPID ON/SN/BLKD/NV/PIR, UIRR, IPIs, counters) and a {@code STATE:} line after
 * every event that changed the state. Identities are task names and small numbers only.
 */
public final class TraceFormatter {
    private TraceFormatter() {}

    /** One rendered row: a column index and its text, or a full-width line (column -1). */
    private record Row(int column, String text) {}

    public static String render(World fresh, Counterexample cx) {
        Stepper st = new Stepper(fresh);
        Node n = st.initial();
        List<Row> shortRows = new ArrayList<>();
        List<Row> longRows = new ArrayList<>();
        int last = -1;
        for (Move m : cx.moves()) {
            int col = st.column(n, m);
            if (last >= 0 && col != last) {
                shortRows.add(new Row(last, "switch"));
                longRows.add(new Row(last, "switch"));
            }
            List<String> recognised = m.isKernel() ? recognised(n.kernel.state(), m.event()) : reads(fresh, st, n, m);
            Stepper.Result r = st.apply(n, m, true);
            shortRows.add(new Row(col, r.label()));
            longRows.add(new Row(col, r.label()));
            List<String> changes = new ArrayList<>(recognised);
            changes.addAll(changes(n.kernel.state(), r.node().kernel.state()));
            if (r.node().victims > n.victims) {
                changes.add("VICTIM: the 0xEB interrupted " + n.kernel.task(n.kernel.state().cpus[col].curr).name
                        + ", which it did not wake");
            }
            for (String c : changes) {
                longRows.add(new Row(col, "  " + c));
            }
            if (!changes.isEmpty()) {
                longRows.add(new Row(-1, "STATE: " + r.node().kernel.state()));
            }
            n = r.node();
            last = col;
        }
        int columns = fresh.scenario.cpus() + (fresh.scenario.hasPlatformActor() ? 1 : 0);
        String header = "= scenario " + fresh.scenario.name() + " · profile " + fresh.profile.id() + " · design "
                + fresh.design.id() + " · invariant " + cx.invariant().id() + " · " + cx.switches()
                + (cx.switches() == 1 ? " switch, " : " switches, ") + cx.events() + (cx.events() == 1 ? " event =" : " events =");
        StringBuilder sb = new StringBuilder();
        sb.append(header).append('\n');
        sb.append("Start: ").append(fresh.kernel.state()).append('\n');
        table(sb, shortRows, columns, fresh.scenario.cpus());
        sb.append("Result: ").append(cx.detail()).append('\n');
        sb.append('\n').append("Detailed trace:").append('\n');
        table(sb, longRows, columns, fresh.scenario.cpus());
        return sb.toString();
    }

    private static void table(StringBuilder sb, List<Row> rows, int columns, int cpus) {
        int[] width = new int[columns];
        for (int c = 0; c < columns; c++) {
            width[c] = c < cpus ? ("CPU" + c).length() : "PLATFORM".length();
        }
        for (Row r : rows) {
            if (r.column >= 0) {
                width[r.column] = Math.max(width[r.column], r.text.length());
            }
        }
        StringBuilder head = new StringBuilder("|");
        for (int c = 0; c < columns; c++) {
            head.append(' ').append(pad(c < cpus ? "CPU" + c : "PLATFORM", width[c])).append(" |");
        }
        sb.append(head).append('\n');
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < columns; c++) {
            rule.append('-').append("-".repeat(width[c])).append("-|");
        }
        sb.append(rule).append('\n');
        for (Row r : rows) {
            if (r.column < 0) {
                sb.append("|   ").append(r.text).append('\n');
                continue;
            }
            StringBuilder line = new StringBuilder("|");
            for (int c = 0; c < columns; c++) {
                line.append(' ').append(pad(c == r.column ? r.text : "", width[c])).append(" |");
            }
            sb.append(line).append('\n');
        }
    }

    /** What SENDUIPI reads before it writes: the target UPID's ON, SN, BLKD, NV and NDST (uintr-kernel §1.6). */
    private static List<String> reads(World w, Stepper st, Node n, Move m) {
        ActorStep s = st.actors.get(m.actor()).steps().get(n.pc[m.actor()]);
        if (s.kind() != ActorStep.Kind.SEND || !st.sendsUipiNext(n, m.actor())) {
            return List.of();                                            // the wrapper's word read or wake call
        }
        UpidContext u = n.kernel.upidOf(w.tids.get(s.target()));
        if (u == null) {
            return List.of();
        }
        return List.of("reads " + s.target() + ".UPID ON=" + (u.on ? 1 : 0) + " SN=" + (u.sn ? 1 : 0)
                + (u.blkd ? " BLKD=1" : "") + " NV=0x" + hex(u.nv) + " NDST=cpu" + (u.ndst >>> 8));
    }

    /** Vectors the CPU will take as the running task's notification (UINV match, uintr-kernel §1.7). */
    private static List<String> recognised(KernelState s, dev.uintr.kernel.KernelEvent e) {
        if (e.kind() != dev.uintr.kernel.KernelEvent.Kind.TAKE_INTERRUPTS) {
            return List.of();
        }
        var c = s.cpus[e.target()];
        if (c.curr < 0 || c.liveUinv == 0 || !c.pending(c.liveUinv)) {
            return List.of();
        }
        String who = s.task(c.curr).name;
        Task t = s.task(c.curr);
        String pir = t.pd >= 0 ? " (reads PIR=0x" + Long.toHexString(s.upid(t.pd).pir) + ")" : "";
        return List.of("0x" + hex(c.liveUinv) + " = " + who + "'s UINV: notification processing of " + who + ".UPID" + pir);
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }

    /** What an event changed, in model terms: values written, tasks woken or put to sleep, IPIs, counters. */
    static List<String> changes(KernelState a, KernelState b) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < b.cpus.length; i++) {
            var ca = a.cpus[i];
            var cb = b.cpus[i];
            if (ca.online && !cb.online) {
                StringBuilder dropped = new StringBuilder();
                for (int v = 255; v >= 0; v--) {
                    if (ca.pending(v)) {
                        dropped.append(dropped.length() == 0 ? "" : ",").append("0x").append(hex(v));
                    }
                }
                out.add("cpu" + i + " offline" + (dropped.length() == 0 ? "" : ": pending " + dropped + " dropped"));
            }
        }
        for (int i = 0; i < b.upids.size(); i++) {
            UpidContext ub = b.upids.get(i);
            UpidContext ua = i < a.upids.size() ? a.upids.get(i) : null;
            if (ua == null) {
                continue;
            }
            StringBuilder w = new StringBuilder();
            if (ua.on != ub.on) {
                w.append(" ON:=").append(ub.on ? 1 : 0);
            }
            if (ua.sn != ub.sn) {
                w.append(" SN:=").append(ub.sn ? 1 : 0);
            }
            if (ua.blkd != ub.blkd) {
                w.append(" BLKD:=").append(ub.blkd ? 1 : 0);
            }
            if (ua.waiting != ub.waiting && b.config.design().wrapper()) {
                w.append(" blocked-word:=").append(ub.waiting ? 1 : 0);
            }
            if (ua.nv != ub.nv) {
                w.append(" NV:=0x").append(hex(ub.nv));
            }
            if (ua.ndst != ub.ndst) {
                w.append(" NDST:=cpu").append(ub.ndst >>> 8);
            }
            if (ua.pir != ub.pir) {
                w.append(" PIR:=0x").append(Long.toHexString(ub.pir));
            }
            if (w.length() > 0) {
                out.add(b.task(ub.task).name + ".UPID" + w);
            }
        }
        // IPIs after the UPID writes: SENDUIPI updates the UPID under lock, then sends (uintr-isa §7.5).
        for (int i = 0; i < b.cpus.length; i++) {
            for (int v = 255; v >= 0; v--) {
                if (b.cpus[i].pending(v) && !a.cpus[i].pending(v)) {
                    out.add("IPI 0x" + hex(v) + " → cpu" + i);
                }
            }
        }
        for (int i = 0; i < b.tasks.size(); i++) {
            Task tb = b.tasks.get(i);
            Task ta = i < a.tasks.size() ? a.tasks.get(i) : null;
            if (ta == null) {
                continue;
            }
            if (ta.uirr != tb.uirr) {
                out.add(tb.name + ".UIRR:=0x" + Long.toHexString(tb.uirr));
            }
            for (int d = ta.deliveries.size(); d < tb.deliveries.size(); d++) {
                out.add(tb.name + " handler runs, vector " + tb.deliveries.get(d));
            }
            if (ta.state != tb.state) {
                out.add(tb.name + " " + state(ta, tb));
            }
        }
        if (!a.waitList.equals(b.waitList)) {
            StringBuilder w = new StringBuilder("wait list:");
            for (Integer id : b.waitList) {
                w.append(' ').append(b.task(b.upid(id).task).name);
            }
            out.add(b.waitList.isEmpty() ? "wait list: empty" : w.toString());
        }
        counters(out, a.counters, b.counters, b);
        return out;
    }

    private static String state(Task a, Task b) {
        if (b.state == TaskState.SLEEPING) {
            return "asleep";
        }
        if (a.state == TaskState.SLEEPING) {
            return "woken (" + dev.uintr.kernel.Errno.render(b.lastResult) + "), " + (b.state == TaskState.RUNNING ? "running" : "queued");
        }
        return b.state == TaskState.RUNNING ? "running" : b.state == TaskState.READY ? "queued" : "exited";
    }

    private static void counters(List<String> out, Counters a, Counters b, KernelState s) {
        if (b.lostIpis > a.lostIpis) {
            out.add("IPI to an offline CPU: lost");
        }
        if (b.spuriousKernelInterrupts > a.spuriousKernelInterrupts) {
            out.add("0xEC taken by the kernel (spurious, UIS+1)");
        }
        if (b.kernelVectorInterrupts > a.kernelVectorInterrupts) {
            out.add("0xEB taken by the kernel: wait-list walk");
        }
        if (b.uintrWakeups > a.uintrWakeups) {
            long d = b.uintrWakeups - a.uintrWakeups;
            out.add("uintr wake-up" + (d == 1 ? "" : "s") + ": " + d);
        }
        if (b.emptyWakeups > a.emptyWakeups) {
            out.add("empty wake-up (nothing posted for it)");
        }
        if (b.gpFixups > a.gpFixups) {
            out.add("sender pays: #GP fixed up by the kernel");
        }
        if (b.affinityInterrupts > a.affinityInterrupts) {
            out.add("0x" + hex(UpidContext.AFFINITY_VECTOR) + " taken by the kernel (affinity handler): wait-list walk");
        }
        if (b.waitListWalked > a.waitListWalked) {
            out.add("wait-list entries walked: " + (b.waitListWalked - a.waitListWalked));
        }
        if (b.wakeIpis > a.wakeIpis) {
            out.add("remote wake-up: reschedule IPI to the sleeper's CPU");
        }
        if (b.isolationHits > a.isolationHits) {
            out.add("ISOLATION: an interrupt caused by a post hit an isolated CPU running a task it was not for");
        }
        if (b.unrelatedWakes > a.unrelatedWakes) {
            out.add("an unrelated sleep (nanosleep) was ended by the uintr wake");
        }
    }

    private static String hex(int v) {
        return Integer.toHexString(v).toUpperCase();
    }
}
