package dev.uintr.program;

/** Linux x86-64 errno names for the values the uintr syscalls return (program must not depend on the kernel model). */
public final class ErrnoNames {
    private ErrnoNames() {}

    public static String name(int errno) {
        switch (errno) {
            case 1: return "EPERM";
            case 2: return "ENOENT";
            case 4: return "EINTR";
            case 9: return "EBADF";
            case 11: return "EAGAIN";
            case 12: return "ENOMEM";
            case 14: return "EFAULT";
            case 16: return "EBUSY";
            case 19: return "ENODEV";
            case 22: return "EINVAL";
            case 23: return "ENFILE";
            case 24: return "EMFILE";
            case 25: return "ENOTTY";
            case 28: return "ENOSPC";
            case 38: return "ENOSYS";
            case 95: return "EOPNOTSUPP";
            case 104: return "ECONNRESET";
            case 106: return "EISCONN";
            case 108: return "ESHUTDOWN";
            default: return "errno" + errno;
        }
    }
}
