package dev.uintr.backend;

/** Where cases run: the real instructions and syscalls, or the Java model. */
public enum BackendKind {
    NATIVE("native"), EMULATED("emulated");

    private final String id;

    BackendKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
