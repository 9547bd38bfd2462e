package dev.uintr.kernel;

import java.util.Locale;

/**
 * The Linux x86-64 errno values the uintr syscalls return (asm-generic/errno-base.h and
 * errno.h numbers). Syscalls in this model return {@code -errno} as a long, never throw.
 */
public final class Errno {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int ENOMEM = 12;
    public static final int EFAULT = 14;
    public static final int EBUSY = 16;
    public static final int ENODEV = 19;
    public static final int EINVAL = 22;
    public static final int ENFILE = 23;
    public static final int EMFILE = 24;
    public static final int ENOTTY = 25;
    public static final int ENOSPC = 28;
    public static final int ENOSYS = 38;
    public static final int EOPNOTSUPP = 95;
    public static final int EISCONN = 106;
    public static final int ESHUTDOWN = 108;
    public static final int ECONNRESET = 104;

    private static final String[] NAMES = new String[128];

    static {
        NAMES[EPERM] = "EPERM";
        NAMES[ENOENT] = "ENOENT";
        NAMES[EINTR] = "EINTR";
        NAMES[EBADF] = "EBADF";
        NAMES[ENOMEM] = "ENOMEM";
        NAMES[EFAULT] = "EFAULT";
        NAMES[EBUSY] = "EBUSY";
        NAMES[ENODEV] = "ENODEV";
        NAMES[EINVAL] = "EINVAL";
        NAMES[ENFILE] = "ENFILE";
        NAMES[EMFILE] = "EMFILE";
        NAMES[ENOTTY] = "ENOTTY";
        NAMES[ENOSPC] = "ENOSPC";
        NAMES[ENOSYS] = "ENOSYS";
        NAMES[EOPNOTSUPP] = "EOPNOTSUPP";
        NAMES[EISCONN] = "EISCONN";
        NAMES[ESHUTDOWN] = "ESHUTDOWN";
        NAMES[ECONNRESET] = "ECONNRESET";
    }

    private Errno() {}

    /** "EINVAL" for 22; "errno 77" for a value this table does not name. */
    public static String name(int errno) {
        if (errno > 0 && errno < NAMES.length && NAMES[errno] != null) {
            return NAMES[errno];
        }
        return "errno " + errno;
    }

    /** The errno for a name such as "EINVAL" (case-insensitive), or -1 if unknown. */
    public static int parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (int i = 0; i < NAMES.length; i++) {
            if (n.equals(NAMES[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Renders a syscall return value: "-EINVAL" for a negative errno, else the number. */
    public static String render(long ret) {
        if (ret < 0 && ret > -4096) {
            return "-" + name((int) -ret);
        }
        return Long.toString(ret);
    }
}
