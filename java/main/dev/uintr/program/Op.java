package dev.uintr.program;

import java.util.Locale;

/**
 * The steps a user thread of a conformance program can take. Each has the keyword the case
 * files use, the least and most number of arguments, and whether it may bind a named result
 * ({@code -> $name}). How a step is executed is the backend's business; what it renders as
 * is {@link Step#render}.
 */
public enum Op {
    /** uintr_register_handler(handler, [flags]): 0 or -errno. */
    REGISTER_HANDLER("register_handler", 0, 1, true),
    /** uintr_unregister_handler([flags]). */
    UNREGISTER_HANDLER("unregister_handler", 0, 1, true),
    /** uintr_vector_fd(vector, [flags]) in later, uintr_create_fd(vector, [flags]) in rfc-v1: an fd. */
    VECTOR_FD("vector_fd", 1, 2, true),
    /** uintr_register_sender(fd, [flags]): the UITT index. */
    REGISTER_SENDER("register_sender", 1, 2, true),
    /** uintr_unregister_sender: rfc-v1 takes the fd (first argument), later the index (second). */
    UNREGISTER_SENDER("unregister_sender", 2, 3, true),
    /** later only: uintr_register_self(vector, [flags]): a UITT index addressing the caller. */
    REGISTER_SELF("register_self", 1, 2, true),
    /** eventfd(0, 0): an fd that is not a uintr fd. */
    EVENTFD("eventfd", 0, 0, true),
    /** close(fd). */
    CLOSE("close", 1, 1, true),
    /** SENDUIPI index: ok, SIGILL or SIGSEGV (the fault is caught and the instruction skipped). */
    SENDUIPI("senduipi", 1, 1, true),
    STUI("stui", 0, 0, false),
    CLUI("clui", 0, 0, false),
    /** TESTUI: the UIF, 0 or 1. */
    TESTUI("testui", 0, 0, true),
    /** uintr_wait: later uintr_wait(usec, flags), rfc-v1 uintr_wait(flags) (no timeout there). */
    UINTR_WAIT("uintr_wait", 1, 2, true),
    /**
     * A kernel sleep of usec (nanosleep, restarted after an interruption until the time has
     * passed): the thread is switched out (SN = 1 while it sleeps, uintr-kernel §4.3), a user
     * interrupt is delivered when it is back in user mode. Natively and emulated alike.
     */
    SLEEP("sleep", 1, 1, false),
    /** A user-mode busy wait of usec (no syscall): the thread stays on its CPU, SN = 0, interrupts arrive at once. */
    SPIN("spin", 1, 1, false),
    /** One nanosleep(usec) syscall, its result recorded: 0, or EINTR when something woke it early (§2.5, §5.5). */
    NANOSLEEP("nanosleep", 1, 1, true),
    /** Handler body only: this thread's deliveries so far, this one included ("counting"). */
    DELIVERIES("deliveries", 0, 0, false),
    /**
     * Handler body only: what the frame shows against the interrupted point (uintr-isa §9): where
     * the handler's entry RSP lies (128 below the saved RSP, aligned: the Linux stack adjust; in or
     * below an alt_stack buffer), whether the saved RIP is a user address and the saved RFLAGS.IF.
     */
    FRAME("frame", 0, 0, false),
    /**
     * later only: uintr_alt_stack(BUF, SIZE, [flags]) with BUF a buffer the runner allocates
     * (a name; NAME+N passes that offset into it) or 0 for NULL (back to the stack adjust, §2.4 478).
     */
    ALT_STACK("alt_stack", 2, 3, true),
    /** later only: uintr_ipi_fd([flags]): an fd holding the caller's UITT (§2.4 479). */
    IPI_FD("ipi_fd", 0, 1, true),
    /** ioctl(fd, cmd): 0 or -errno; UIPI_SET_TARGET_TABLE = 0x7500 adopts a uipi_fd's UITT (§2.4 479). */
    IOCTL("ioctl", 2, 2, true),
    /**
     * tgkill(THREAD, SIG) with SIG SIGUSR1 or SIGUSR2: 0 or -errno. THREAD's signal handler records
     * {@code signal(SIGx)} where it ran; a sleep it interrupts returns EINTR (uintr-kernel §5.1, §5.2 item 3).
     */
    SIGNAL("signal", 2, 2, false),
    /**
     * execve() by a fork child (a process of one thread): its program goes on in the new image
     * with the named results it had (numbers; descriptors closed on exec are gone). Nothing of the
     * UINTR state survives (uintr-kernel §4.1 "exec"): the handler registration, the sender's UITT
     * (the mm's in later, §4.2), the uintr fds, which are close-on-exec (§2.2 (c), §2.4 473).
     * Result 0 when the new image runs on, -errno when execve failed.
     */
    EXEC("exec", 0, 0, false),
    /** Spins in user mode until this thread's handler ran at least n times. */
    SPIN_UNTIL("spin_until", 1, 1, false),
    /** Waits until every thread whose program holds barrier k has reached it. */
    BARRIER("barrier", 1, 1, false),
    /** fork(): the child process runs the nested program and exits. */
    FORK("fork", 0, 0, false),
    /** A point in the observation (deliveries before and after it can be told apart). */
    MARK("mark", 1, 1, false),
    /**
     * uintr_register_handler(a regular function, [flags]): the kernel accepts it, but the first
     * delivery's plain {@code ret} pops the vector as a return address and the process dies of
     * SIGSEGV (uintr-kernel §7.2 syscall_handler, uintr-isa §9).
     */
    REGISTER_PLAIN_HANDLER("register_plain_handler", 0, 1, true),
    /** Sends a descriptor over the case's one SCM_RIGHTS mailbox (a unix socketpair every process inherits): 0 or -errno. */
    SEND_FD("send_fd", 1, 1, true),
    /** Takes the oldest descriptor from the mailbox, waiting for one: the new fd in this process. */
    RECV_FD("recv_fd", 0, 0, true);

    private final String keyword;
    private final int minArgs;
    private final int maxArgs;
    private final boolean binds;

    Op(String keyword, int minArgs, int maxArgs, boolean binds) {
        this.keyword = keyword;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.binds = binds;
    }

    public String keyword() {
        return keyword;
    }

    public int minArgs() {
        return minArgs;
    }

    public int maxArgs() {
        return maxArgs;
    }

    public boolean binds() {
        return binds;
    }

    /** True for the steps that are uintr or file syscalls (their result is a value or -errno). */
    public boolean isSyscall() {
        switch (this) {
            case REGISTER_HANDLER: case REGISTER_PLAIN_HANDLER: case UNREGISTER_HANDLER: case VECTOR_FD: case REGISTER_SENDER:
            case UNREGISTER_SENDER: case REGISTER_SELF: case EVENTFD: case CLOSE: case UINTR_WAIT:
            case SEND_FD: case RECV_FD: case NANOSLEEP: case ALT_STACK: case IPI_FD: case IOCTL: case SIGNAL: case EXEC:
                return true;
            default:
                return false;
        }
    }

    /** True when a successful result is a file descriptor (rendered "fd": numbers differ between backends). */
    public boolean returnsFd() {
        return this == VECTOR_FD || this == EVENTFD || this == RECV_FD || this == IPI_FD;
    }

    /** True for the steps a handler body may take (the handler runs with UIF = 0 and makes no syscall). */
    public boolean inHandler() {
        return this == TESTUI || this == MARK || this == SENDUIPI || this == DELIVERIES || this == FRAME;
    }

    /** True for the steps only a handler body may take. */
    public boolean handlerOnly() {
        return this == DELIVERIES || this == FRAME;
    }

    /** True for the steps of the later ABI only (uintr-kernel §2.4: 478 uintr_alt_stack, 479 uintr_ipi_fd). */
    public boolean laterOnly() {
        return this == ALT_STACK || this == IPI_FD;
    }

    /** The op for a keyword, or null. */
    public static Op byKeyword(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (Op o : values()) {
            if (o.keyword.equals(w)) {
                return o;
            }
        }
        return null;
    }
}
