package dev.uintr.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A small deterministic replay of the selftest context_switch_ipc (uintr-kernel §7.2/§7.3):
 * server/client process pairs on 2 CPUs doing bidirectional ping-pongs, with preemption,
 * migration and notifications still in flight when the receiver is switched out, between the
 * ping-pongs. A notification in flight when its receiver is switched out lands on whichever
 * receiver runs there next (harmless notification processing of that task's own UPID; all four
 * tasks are receivers, so no 0xEC reaches the kernel); the post stays in PIR with ON = 1 and the
 * return path's self-IPI replays it at the receiver's switch-in. Every interrupt must be delivered exactly once and no freed UPID may be written.
 * The schedule is a fixed function of the iteration number (no randomness in the model or here).
 */
class ContextSwitchIpcReplayTest {
    static final int PAIRS = 2;
    static final int ITERATIONS = 200;
    static final int SERVER_VECTOR = 0;
    static final int CLIENT_VECTOR = 1;

    /** One pair: server and client tids and the UITT index each uses to reach the other. */
    private record Pair(int server, int client, long toClient, long toServer) {}

    private static long ok(long r) {
        return Rig.ok(r);
    }

    private static Pair connect(Kernel k, int p, boolean rfc) {
        Syscall vectorFd = rfc ? Syscall.UINTR_CREATE_FD : Syscall.UINTR_VECTOR_FD;
        int server = k.newProcess("server" + p, p % 2);
        k.run(server);
        ok(k.syscall(server, Syscall.UINTR_REGISTER_HANDLER, Kernel.DEFAULT_HANDLER, 0));
        long sfd = ok(k.syscall(server, vectorFd, SERVER_VECTOR, 0));
        k.stui(server);
        int client = k.newProcess("client" + p, (p + 1) % 2);
        k.run(client);
        ok(k.syscall(client, Syscall.UINTR_REGISTER_HANDLER, Kernel.DEFAULT_HANDLER, 0));
        long cfd = ok(k.syscall(client, vectorFd, CLIENT_VECTOR, 0));
        k.stui(client);
        long sfdInClient = ok(k.passFd(server, sfd, client));      // the socketpair exchange
        long cfdInServer = ok(k.passFd(client, cfd, server));
        long toServer = ok(k.syscall(client, Syscall.UINTR_REGISTER_SENDER, sfdInClient, 0));
        k.run(server);
        long toClient = ok(k.syscall(server, Syscall.UINTR_REGISTER_SENDER, cfdInServer, 0));
        return new Pair(server, client, toClient, toServer);
    }

    private static void ensureRunning(Kernel k, int tid) {
        if (k.task(tid).state != TaskState.RUNNING) {
            k.run(tid);
        }
    }

    /**
     * One direction of a ping-pong: {@code from} sends, the schedule disturbs {@code to}, then
     * {@code to} runs (spinning in user mode) and must have received exactly one more interrupt.
     */
    private int replayedOnSwitchIn;

    private void oneWay(Kernel k, int from, long idx, int to, int vector, int step) {
        int before = k.task(to).deliveries.size();
        ensureRunning(k, from);
        assertEquals(SendOutcome.OK, k.senduipi(from, idx));
        Task rx = k.task(to);
        switch (step % 5) {
            case 1:                                                    // receiver preempted, IPI still in flight
                if (rx.state == TaskState.RUNNING) {
                    k.schedule(rx.cpu);
                }
                break;
            case 2:                                                    // receiver migrates to the other CPU
                if (rx.state == TaskState.RUNNING) {
                    k.schedule(rx.cpu);
                }
                if (rx.state == TaskState.READY) {
                    k.migrate(to, 1 - rx.cpu);
                }
                break;
            case 3:                                                    // the sender is preempted right after SENDUIPI
                k.schedule(k.task(from).cpu);
                break;
            default:
                break;
        }
        k.settleInterrupts();
        if (rx.state != TaskState.RUNNING && k.upidOf(to).pir != 0) {
            replayedOnSwitchIn++;                                      // SN = 1: the post waits for the return path
        }
        ensureRunning(k, to);
        k.settleInterrupts();
        assertEquals(before + 1, rx.deliveries.size(), "step " + step + ": exactly one delivery to " + rx.name);
        assertEquals(vector, rx.deliveries.get(before));
    }

    @ParameterizedTest
    @EnumSource(value = AbiProfile.class, names = {"RFC_V1", "LATER"})
    void pingPong_twoPairsTwoCpus_preemptionAndMigration_everyInterruptOnce_kernel7_2_kernel7_3(AbiProfile profile) {
        replayedOnSwitchIn = 0;
        Kernel k = new Kernel(KernelConfig.of(profile).withCpus(2));
        Pair[] pairs = new Pair[PAIRS];
        for (int p = 0; p < PAIRS; p++) {
            pairs[p] = connect(k, p, profile == AbiProfile.RFC_V1);
        }
        int migrationsSeen = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            for (int p = 0; p < PAIRS; p++) {
                Pair q = pairs[p];
                int clientCpu = k.task(q.client).cpu;
                oneWay(k, q.server, q.toClient, q.client, CLIENT_VECTOR, i * 3 + p);
                oneWay(k, q.client, q.toServer, q.server, SERVER_VECTOR, i * 7 + p + 1);
                if (k.task(q.client).cpu != clientCpu) {
                    migrationsSeen++;
                }
            }
        }
        for (Pair q : pairs) {
            assertEquals(Collections.nCopies(ITERATIONS, CLIENT_VECTOR), k.task(q.client).deliveries);
            assertEquals(Collections.nCopies(ITERATIONS, SERVER_VECTOR), k.task(q.server).deliveries);
        }
        assertEquals(List.of(), k.violations(), "no write to a freed UPID");
        assertTrue(migrationsSeen > 0, "the schedule did migrate receivers between CPUs");
        assertTrue(replayedOnSwitchIn > 0, "some posts waited in PIR for their receiver's switch-in (§4.3 self-IPI)");
        assertEquals(0, k.counters().lostIpis);
    }
}
