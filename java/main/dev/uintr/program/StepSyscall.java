package dev.uintr.program;

import static dev.uintr.Syscall.Param.FD;
import static dev.uintr.Syscall.Param.FLAGS;
import static dev.uintr.Syscall.Param.INDEX;
import static dev.uintr.Syscall.Param.USEC;
import static dev.uintr.Syscall.Param.VECTOR;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import dev.uintr.Syscall.Param;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The syscall a step makes in a profile, with the step's arguments put in that syscall's order:
 * the one mapping the emulated backend, the native runner's encoding and the hybrid supervisor
 * share. A step names its arguments ({@code unregister_sender(fd, index, flags)},
 * {@code uintr_wait(usec, flags)}); the profile's {@link Syscall#params} pick and order them, so
 * rfc-v1's unregister_sender takes the fd and its uintr_wait only the flags. The handler of
 * register_handler is the backend's own code address, passed first ({@link #handlerFirst}).
 *
 * @param syscall      the syscall the step makes
 * @param handlerFirst the syscall's first argument is the handler address, not a step argument
 * @param fromStep     for each remaining syscall argument, the index of the step argument that
 *                     feeds it, or -1 where the step has no such argument (0 is passed)
 */
public record StepSyscall(Syscall syscall, boolean handlerFirst, List<Integer> fromStep) {
    /** What each syscall step's arguments mean, in the order case files write them. */
    private static final Map<Op, List<Param>> STEP_PARAMS = new EnumMap<>(Map.ofEntries(
            Map.entry(Op.NANOSLEEP, List.of(USEC)),
            Map.entry(Op.ALT_STACK, List.of(Param.SP, Param.SIZE, FLAGS)),
            Map.entry(Op.IPI_FD, List.of(FLAGS)),
            Map.entry(Op.IOCTL, List.of(FD, Param.CMD)),
            Map.entry(Op.REGISTER_HANDLER, List.of(FLAGS)),
            Map.entry(Op.REGISTER_PLAIN_HANDLER, List.of(FLAGS)),
            Map.entry(Op.UNREGISTER_HANDLER, List.of(FLAGS)),
            Map.entry(Op.VECTOR_FD, List.of(VECTOR, FLAGS)),
            Map.entry(Op.REGISTER_SENDER, List.of(FD, FLAGS)),
            Map.entry(Op.UNREGISTER_SENDER, List.of(FD, INDEX, FLAGS)),
            Map.entry(Op.REGISTER_SELF, List.of(VECTOR, FLAGS)),
            Map.entry(Op.EVENTFD, List.of()),
            Map.entry(Op.CLOSE, List.of(FD)),
            Map.entry(Op.UINTR_WAIT, List.of(USEC, FLAGS))));

    public StepSyscall {
        fromStep = List.copyOf(fromStep);
    }

    /**
     * The syscall {@code op} makes in {@code p} (NONE keeps the later order: its numbers are -1),
     * or null for a step that is no kernel syscall (user instructions, send_fd / recv_fd, ...).
     */
    public static StepSyscall of(Op op, AbiProfile p) {
        List<Param> stepParams = STEP_PARAMS.get(op);
        if (stepParams == null) {
            return null;
        }
        AbiProfile order = p == AbiProfile.RFC_V1 ? AbiProfile.RFC_V1 : AbiProfile.LATER;
        Syscall call = switch (op) {
            case REGISTER_HANDLER, REGISTER_PLAIN_HANDLER -> Syscall.UINTR_REGISTER_HANDLER;
            case UNREGISTER_HANDLER -> Syscall.UINTR_UNREGISTER_HANDLER;
            case VECTOR_FD -> Syscall.vectorFd(order);
            case REGISTER_SENDER -> Syscall.UINTR_REGISTER_SENDER;
            case UNREGISTER_SENDER -> Syscall.UINTR_UNREGISTER_SENDER;
            case REGISTER_SELF -> Syscall.UINTR_REGISTER_SELF;
            case EVENTFD -> Syscall.EVENTFD;
            case CLOSE -> Syscall.CLOSE;
            case UINTR_WAIT -> Syscall.UINTR_WAIT;
            case NANOSLEEP -> Syscall.NANOSLEEP;
            case ALT_STACK -> Syscall.UINTR_ALT_STACK;
            case IPI_FD -> Syscall.UINTR_IPI_FD;
            case IOCTL -> Syscall.IOCTL;
            default -> throw new IllegalStateException(op.toString());
        };
        List<Param> params = call.params(order);
        boolean handler = !params.isEmpty() && params.get(0) == Param.HANDLER;
        List<Integer> from = new ArrayList<>();
        for (Param q : handler ? params.subList(1, params.size()) : params) {
            from.add(stepParams.indexOf(q));
        }
        return new StepSyscall(call, handler, from);
    }

    /** The syscall's arguments for step {@code s} under {@code vars}, {@code handler} first where it takes one. */
    public long[] args(Step s, Map<String, Long> vars, long handler) {
        long[] values = new long[s.args().size()];
        for (int from : fromStep) {
            if (from >= 0 && from < values.length) {
                values[from] = s.arg(from, vars, 0);                     // only the arguments the syscall takes are evaluated
            }
        }
        return args(handler, values);
    }

    /** The syscall's arguments from a step's argument values {@code stepArgs} (in the step's order), {@code handler} first where it takes one. */
    public long[] args(long handler, long... stepArgs) {
        long[] a = new long[fromStep.size() + (handlerFirst ? 1 : 0)];
        int i = 0;
        if (handlerFirst) {
            a[i++] = handler;
        }
        for (int from : fromStep) {
            a[i++] = from < 0 || from >= stepArgs.length ? 0 : stepArgs[from];
        }
        return a;
    }

    /**
     * The step's arguments in the syscall's order (a missing one as literal 0; the handler left
     * to the runner), followed by the step's arguments the syscall does not take, which are still
     * evaluated (an unbound one makes the step "unbound"). The first {@code fromStep().size()}
     * are the syscall's.
     */
    public List<Arg> orderedArgs(Step s) {
        List<Arg> out = new ArrayList<>();
        for (int from : fromStep) {
            out.add(from >= 0 && from < s.args().size() ? s.args().get(from) : Arg.literal(0));
        }
        for (int i = 0; i < s.args().size(); i++) {
            if (!fromStep.contains(i)) {
                out.add(s.args().get(i));
            }
        }
        return out;
    }
}
