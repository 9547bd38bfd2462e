package dev.uintr.backend;

/**
 * Where cases run: the real instructions and syscalls, the Java model, or the real native code
 * with the instructions and syscalls trapped and answered by the model (hybrid).
 */
public enum BackendKind {
    NATIVE("native"), EMULATED("emulated"), HYBRID("hybrid");

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
