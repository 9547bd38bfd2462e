package dev.uintr.kernel;

/** fd-table helpers: lookup, anon_inode_getfd, close, dup, passing an fd to another process. */
final class Fds {
    private Fds() {}

    /** The open file behind {@code fd} in t's process, or null (EBADF). fd is an int: negative → null. */
    static OpenFile lookup(KernelState s, Task t, long fd) {
        if (fd < Integer.MIN_VALUE || fd > Integer.MAX_VALUE) {
            fd = (int) fd;                                               // the kernel takes an int
        }
        FdSlot slot = s.mm(t.mm).fds.get((int) fd);
        return slot == null ? null : s.file(slot.file());
    }

    /** Creates an open file. */
    static OpenFile newFile(KernelState s, FileKind kind, int upid, int vector, int uitt) {
        OpenFile f = new OpenFile(s.files.size(), kind, upid, vector, uitt);
        s.files.add(f);
        return f;
    }

    /**
     * anon_inode_getfd(..., O_RDONLY|O_CLOEXEC|O_NONBLOCK): the lowest free fd, or -EMFILE
     * under fault injection (the caller then undoes its work). The file is not created on failure.
     */
    static long anonInodeGetfd(KernelState s, Task t, FileKind kind, int upid, int vector, int uitt) {
        if (s.failFd) {
            return -Errno.EMFILE;
        }
        OpenFile f = newFile(s, kind, upid, vector, uitt);
        Mm mm = s.mm(t.mm);
        int fd = mm.lowestFreeFd();
        mm.fds.put(fd, new FdSlot(f.id, true));
        return fd;
    }

    static long close(KernelState s, Task t, long fd) {
        Mm mm = s.mm(t.mm);
        FdSlot slot = mm.fds.remove((int) fd);
        if (slot == null) {
            return -Errno.EBADF;
        }
        Lifetimes.putFile(s, slot.file());
        return 0;
    }

    /** dup(2): the new fd does not carry close-on-exec. */
    static long dup(KernelState s, Task t, long fd) {
        Mm mm = s.mm(t.mm);
        FdSlot slot = mm.fds.get((int) fd);
        if (slot == null) {
            return -Errno.EBADF;
        }
        int nfd = mm.lowestFreeFd();
        mm.fds.put(nfd, new FdSlot(slot.file(), false));
        s.file(slot.file()).refs++;
        return nfd;
    }

    /** SCM_RIGHTS: installs t's {@code fd} into {@code to}'s process (close-on-exec clear); the new fd. */
    static long pass(KernelState s, Task t, long fd, Task to) {
        FdSlot slot = s.mm(t.mm).fds.get((int) fd);
        if (slot == null) {
            return -Errno.EBADF;
        }
        Mm dst = s.mm(to.mm);
        int nfd = dst.lowestFreeFd();
        dst.fds.put(nfd, new FdSlot(slot.file(), false));
        s.file(slot.file()).refs++;
        return nfd;
    }

    static long eventfd(KernelState s, Task t) {
        OpenFile f = newFile(s, FileKind.EVENTFD, -1, 0, -1);
        Mm mm = s.mm(t.mm);
        int fd = mm.lowestFreeFd();
        mm.fds.put(fd, new FdSlot(f.id, false));
        return fd;
    }

    /**
     * read/write on the anon-inode fds follow generic VFS rules (audit §6 item 11): read → EINVAL
     * (no read method), write → EBADF (opened read-only). An eventfd read/write succeeds (8 bytes).
     */
    static long readWrite(KernelState s, Task t, long fd, boolean write) {
        OpenFile f = lookup(s, t, fd);
        if (f == null) {
            return -Errno.EBADF;
        }
        if (f.kind == FileKind.EVENTFD) {
            return 8;
        }
        return write ? -Errno.EBADF : -Errno.EINVAL;
    }
}
