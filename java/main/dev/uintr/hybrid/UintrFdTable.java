package dev.uintr.hybrid;

import dev.uintr.AbiProfile;
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
    static boolean makesFd(String syscall) {
        return syscall.equals("uintr_create_fd") || syscall.equals("uintr_vector_fd") || syscall.equals("uintr_ipi_fd");
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
    void syncArgs(int task, int tgid, String syscall, AbiProfile profile, long[] args) {
        boolean fdFirst = syscall.equals("uintr_register_sender")
                || (syscall.equals("uintr_unregister_sender") && profile == AbiProfile.RFC_V1);
        if (fdFirst) {
            sync(task, tgid, (int) args[0]);
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
