package dev.uintr;

import static dev.uintr.Syscall.Param.CMD;
import static dev.uintr.Syscall.Param.COUNT;
import static dev.uintr.Syscall.Param.FD;
import static dev.uintr.Syscall.Param.FLAGS;
import static dev.uintr.Syscall.Param.HANDLER;
import static dev.uintr.Syscall.Param.INDEX;
import static dev.uintr.Syscall.Param.INITVAL;
import static dev.uintr.Syscall.Param.BUF;
import static dev.uintr.Syscall.Param.SIZE;
import static dev.uintr.Syscall.Param.SP;
import static dev.uintr.Syscall.Param.USEC;
import static dev.uintr.Syscall.Param.VECTOR;

import java.util.List;
import java.util.Locale;

/**
 * The syscalls the kernel model answers, each with its x86-64 number and argument order in
 * each ABI profile (uintr-kernel §0.1, §2.1; design.md item 8). The uintr syscalls differ between
 * rfc-v1 (449–454) and later (471–479), and two of them change their arguments:
 * uintr_unregister_sender(fd, flags) became (index, flags) and uintr_wait(flags) became
 * (usec, flags). The file syscalls are the same in every profile.
 *
 * <p>The model reads the arguments as listed; it models nanosleep's timespec as microseconds and
 * ignores read/write's buffer and count (it keeps no file contents).
 */
public enum Syscall {
    UINTR_REGISTER_HANDLER(449, List.of(HANDLER, FLAGS), 471, List.of(HANDLER, FLAGS)),
    UINTR_UNREGISTER_HANDLER(450, List.of(FLAGS), 472, List.of(FLAGS)),
    /** rfc-v1 only: the receive vector's fd (later renamed uintr_vector_fd). */
    UINTR_CREATE_FD(451, List.of(VECTOR, FLAGS), -1, List.of()),
    /** later only: the receive vector's fd. */
    UINTR_VECTOR_FD(-1, List.of(), 473, List.of(VECTOR, FLAGS)),
    UINTR_REGISTER_SENDER(452, List.of(FD, FLAGS), 474, List.of(FD, FLAGS)),
    /** rfc-v1 names the receiver's fd, later the UITT index register_sender returned. */
    UINTR_UNREGISTER_SENDER(453, List.of(FD, FLAGS), 475, List.of(INDEX, FLAGS)),
    /** rfc-v1 has no timeout. */
    UINTR_WAIT(454, List.of(FLAGS), 476, List.of(USEC, FLAGS)),
    UINTR_REGISTER_SELF(-1, List.of(), 477, List.of(VECTOR, FLAGS)),
    UINTR_ALT_STACK(-1, List.of(), 478, List.of(SP, SIZE, FLAGS)),
    UINTR_IPI_FD(-1, List.of(), 479, List.of(FLAGS)),
    READ(0, List.of(FD, BUF, COUNT)),
    WRITE(1, List.of(FD, BUF, COUNT)),
    CLOSE(3, List.of(FD)),
    IOCTL(16, List.of(FD, CMD)),
    DUP(32, List.of(FD)),
    /** The model's sleep: microseconds, where the real call takes a timespec pointer. */
    NANOSLEEP(35, List.of(USEC)),
    EVENTFD(284, List.of(INITVAL));

    /** What an argument means. */
    public enum Param { HANDLER, FLAGS, VECTOR, FD, INDEX, USEC, SP, SIZE, CMD, BUF, COUNT, INITVAL }

    private final int rfcNumber;
    private final List<Param> rfcParams;
    private final int laterNumber;
    private final List<Param> laterParams;

    Syscall(int rfcNumber, List<Param> rfcParams, int laterNumber, List<Param> laterParams) {
        this.rfcNumber = rfcNumber;
        this.rfcParams = rfcParams;
        this.laterNumber = laterNumber;
        this.laterParams = laterParams;
    }

    /** A file syscall: the same number and arguments in every profile, NONE included. */
    Syscall(int number, List<Param> params) {
        this(number, params, number, params);
    }

    /** The name as the kernel and the fixtures spell it: uintr_register_handler, close, ... */
    public String sysName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the uintr_* syscalls (they differ between profiles; NONE has none). */
    public boolean isUintr() {
        return name().startsWith("UINTR_");
    }

    /** The x86-64 number in {@code p}, or -1 when that generation has no such syscall. */
    public int number(AbiProfile p) {
        if (isUintr()) {
            return switch (p) {
                case RFC_V1 -> rfcNumber;
                case LATER -> laterNumber;
                case NONE -> -1;
            };
        }
        return rfcNumber;
    }

    /** Whether {@code p} has this syscall. */
    public boolean in(AbiProfile p) {
        return number(p) >= 0;
    }

    /** The arguments in {@code p}'s order (empty when {@code p} lacks the syscall). */
    public List<Param> params(AbiProfile p) {
        if (!in(p)) {
            return List.of();
        }
        return p == AbiProfile.LATER ? laterParams : rfcParams;
    }

    /** The syscall {@code number} is in {@code p}, or null when it is none the model answers. */
    public static Syscall byNumber(AbiProfile p, long number) {
        for (Syscall s : values()) {
            if (s.in(p) && s.number(p) == number) {
                return s;
            }
        }
        return null;
    }

    /** The syscall called {@code name} (uintr_wait, close, ...), or null. */
    public static Syscall byName(String name) {
        for (Syscall s : values()) {
            if (s.sysName().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** The receive-vector-fd syscall of {@code p}: uintr_create_fd in rfc-v1, uintr_vector_fd in later. */
    public static Syscall vectorFd(AbiProfile p) {
        return p == AbiProfile.RFC_V1 ? UINTR_CREATE_FD : UINTR_VECTOR_FD;
    }

    @Override
    public String toString() {
        return sysName();
    }
}
