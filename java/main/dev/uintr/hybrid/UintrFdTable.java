package dev.uintr.hybrid;

import dev.uintr.AbiProfile;
import dev.uintr.Syscall;
import dev.uintr.kernel.HybridPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the model's fd tables in step with the real ones. A uintr fd the model makes is a real
 * memfd named {@code uintr-file-<model file id>} in the program (so dup, fork, SCM_RIGHTS and
 * exec treat it as the real kernel treats any fd); closes are trapped and mirrored at once; a
 * real fd the model has not seen yet (a dup, an fd received over a socket) is looked up in
 * /proc when a uintr syscall names it.
 */
final class UintrFdTable {
    private static final Pattern LABEL = Pattern.compile("/memfd:uintr-file-(\\d+) \\(deleted\\)");

    private final HybridPort port;

    UintrFdTable(HybridPort port) {
        this.port = port;
    }

    /** The syscalls that return a new uintr fd. */
    static boolean makesFd(Syscall call) {
        return call == Syscall.UINTR_CREATE_FD || call == Syscall.UINTR_VECTOR_FD || call == Syscall.UINTR_IPI_FD;
    }

    /** The memfd name of model file {@code fileId}. */
    static String label(int fileId) {
        return "uintr-file-" + fileId;
    }

    /** Model file id behind a /proc/PID/fd link, or -1 when it is not one of ours. */
    static int fileOf(String link) {
        Matcher m = LABEL.matcher(link);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Before {@code syscall} runs in the model: the fds among its arguments are known to the model. */
    void syncArgs(int task, int tgid, Syscall call, AbiProfile profile, long[] args) {
        var params = call.params(profile);
        for (int i = 0; i < params.size() && i < args.length; i++) {
            if (params.get(i) == Syscall.Param.FD) {
                sync(task, tgid, (int) args[i]);
            }
        }
    }

    private void sync(int task, int tgid, int fd) {
        if (fd < 0 || port.fds(task).containsKey(fd)) {
            return;
        }
        String link;
        try {
            link = Files.readSymbolicLink(Path.of("/proc", Integer.toString(tgid), "fd", Integer.toString(fd))).toString();
        } catch (NoSuchFileException e) {
            return;                                                      // no such fd for real either: EBADF
        } catch (IOException e) {
            return;
        }
        int file = fileOf(link);
        if (file >= 0) {
            port.install(task, fd, file);
        } else {
            port.adoptForeign(task, fd);
        }
    }
}
