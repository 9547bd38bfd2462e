package dev.uintr.kernel;

import dev.uintr.Syscall;

/** The syscall table: which model method answers a {@link Syscall} in the run's ABI profile. */
final class SyscallDispatch {
    private SyscallDispatch() {}

    /**
     * Runs {@code call} for {@code t} with its arguments in the profile's order (missing ones are
     * 0): the non-uintr calls the model has, else -ENOSYS for a uintr call the profile lacks,
     * else the profile's own method (rfc-v1 449–454, later 471–479).
     */
    static long dispatch(KernelState s, Task t, Syscall call, long[] a) {
        long a0 = a.length > 0 ? a[0] : 0;
        long a1 = a.length > 1 ? a[1] : 0;
        long a2 = a.length > 2 ? a[2] : 0;
        if (!call.isUintr()) {
            return switch (call) {
                case CLOSE -> Fds.close(s, t, a0);
                case DUP -> Fds.dup(s, t, a0);
                case EVENTFD -> Fds.eventfd(s, t);
                case READ -> Fds.readWrite(s, t, a0, false);
                case WRITE -> Fds.readWrite(s, t, a0, true);
                case IOCTL -> s.config.later() ? LaterSyscalls.ioctl(s, t, a0, a1) : rfcIoctl(s, t, a0);
                case NANOSLEEP -> LaterSyscalls.sleep(s, t, a0, WaitKind.SLEEP);
                default -> throw new IllegalStateException(call.sysName());
            };
        }
        if (!call.in(s.config.profile())) {
            return -Errno.ENOSYS;                                         // not a uintr syscall of this generation
        }
        if (s.config.rfc()) {
            return switch (call) {
                case UINTR_REGISTER_HANDLER -> RfcV1Syscalls.registerHandler(s, t, a0, a1);
                case UINTR_UNREGISTER_HANDLER -> RfcV1Syscalls.unregisterHandler(s, t, a0);
                case UINTR_CREATE_FD -> RfcV1Syscalls.createFd(s, t, a0, a1);
                case UINTR_REGISTER_SENDER -> RfcV1Syscalls.registerSender(s, t, a0, a1);
                case UINTR_UNREGISTER_SENDER -> RfcV1Syscalls.unregisterSender(s, t, a0, a1);
                case UINTR_WAIT -> RfcV1Syscalls.uintrWait(s, t, a0);
                default -> throw new IllegalStateException(call.sysName());
            };
        }
        return switch (call) {
            case UINTR_REGISTER_HANDLER -> LaterSyscalls.registerHandler(s, t, a0, a1);
            case UINTR_UNREGISTER_HANDLER -> LaterSyscalls.unregisterHandler(s, t, a0);
            case UINTR_VECTOR_FD -> LaterSyscalls.vectorFd(s, t, a0, a1);
            case UINTR_REGISTER_SENDER -> LaterSyscalls.registerSender(s, t, a0, a1);
            case UINTR_UNREGISTER_SENDER -> LaterSyscalls.unregisterSender(s, t, a0, a1);
            case UINTR_WAIT -> LaterSyscalls.uintrWait(s, t, a0, a1);
            case UINTR_REGISTER_SELF -> LaterSyscalls.registerSelf(s, t, a0, a1);
            case UINTR_ALT_STACK -> LaterSyscalls.altStack(s, t, a0, a1, a2);
            case UINTR_IPI_FD -> LaterSyscalls.ipiFd(s, t, a0);
            default -> throw new IllegalStateException(call.sysName());
        };
    }

    /** rfc-v1 uintr fds have no ioctl method: ENOTTY (audit §6 item 11); EBADF for a closed fd. */
    private static long rfcIoctl(KernelState s, Task t, long fd) {
        return Fds.lookup(s, t, fd) == null ? -Errno.EBADF : -Errno.ENOTTY;
    }
}
