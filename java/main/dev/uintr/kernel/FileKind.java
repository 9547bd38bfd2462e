package dev.uintr.kernel;

/** The kinds of open file the model knows. */
public enum FileKind {
    /** rfc-v1 anon inode "[uintrfd]": one receiver vector, a sender list. */
    UINTR_FD("[uintrfd]"),
    /** later anon inode "[uvecfd]": one receiver vector; close only drops a UPID reference. */
    UVEC_FD("[uvecfd]"),
    /** later anon inode "[uipi_fd]": a reference to the creator's UITT, adoptable via ioctl. */
    UIPI_FD("[uipi_fd]"),
    /** Any other file (the selftests use an eventfd to get EOPNOTSUPP). */
    EVENTFD("[eventfd]");

    private final String inodeName;

    FileKind(String inodeName) {
        this.inodeName = inodeName;
    }

    public String inodeName() {
        return inodeName;
    }
}
