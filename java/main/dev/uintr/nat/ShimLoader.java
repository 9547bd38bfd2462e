package dev.uintr.nat;

import com.sun.jna.Native;
import java.util.Optional;

/**
 * The only caller of {@code Native.load}. Loads libuintrshim.so once, from
 * {@code jna.library.path} or else the classpath resource {@code linux-x86-64/libuintrshim.so}
 * (where the build puts it); a failure becomes {@link #SHIM} empty with the reason in
 * {@link #failure()}, never an exception reaching the user. JNA only ever maps a file that
 * {@link ShimFile} has checked first (size, ELF header, every segment inside the file, every
 * function of {@link UintrShim} exported): a damaged library is "not loaded: why", never a
 * crashed JVM.
 *
 * <p>Set the system property {@code uintr.shim=off} to forbid loading (the harness then
 * runs emulated, as on a host where the shim could not be built).
 */
public final class ShimLoader {
    /** The loaded shim, or empty when it could not be loaded (see {@link #failure()}). */
    public static final Optional<UintrShim> SHIM;
    private static final String FAILURE;

    /** The checked file JNA loaded (absolute), or null. */
    private static final String PATH;
    /** The functions that file exports. */
    private static final java.util.Set<String> EXPORTED;

    static {
        UintrShim shim = null;
        String why = null;
        String path = null;
        java.util.Set<String> exported = java.util.Set.of();
        if ("off".equalsIgnoreCase(System.getProperty("uintr.shim", ""))) {
            why = "disabled by -Duintr.shim=off";
        } else if (!System.getProperty("os.name", "").toLowerCase().startsWith("linux")) {
            why = "host OS is " + System.getProperty("os.name") + "; the shim is Linux-only";
        } else if (!"amd64".equals(System.getProperty("os.arch")) && !"x86_64".equals(System.getProperty("os.arch"))) {
            why = "host CPU architecture is " + System.getProperty("os.arch") + "; the shim is x86-64-only";
        } else {
            ShimFile file = ShimFile.locate(functionsOf(UintrShim.class));
            if (file.problem() != null) {
                why = file.problem() + (file.problem().contains("not found") ? buildNote() : "");
            } else {
                try {
                    UintrShim loaded = Native.load(file.path().toString(), UintrShim.class);
                    int abi = loaded.ush_abi_version();
                    if (abi != UintrShim.ABI_VERSION) {
                        why = "libuintrshim.so has ABI " + abi + ", this harness expects " + UintrShim.ABI_VERSION
                                + " (rebuild with mvn package)";
                    } else {
                        shim = loaded;
                        path = file.path().toString();
                        exported = file.exported();
                    }
                } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                    why = "libuintrshim.so not loaded: " + firstLine(e.getMessage()) + buildNote();
                }
            }
        }
        SHIM = Optional.ofNullable(shim);
        FAILURE = why;
        PATH = path;
        EXPORTED = exported;
    }

    private ShimLoader() {}

    /**
     * Binds another JNA interface (e.g. the benchmark functions of uintr_bench.h) to the
     * same library. Empty when the shim is not loaded or a symbol of {@code api} is missing
     * (then the reason is logged once to stderr).
     */
    public static <T extends com.sun.jna.Library> Optional<T> bind(Class<T> api) {
        if (SHIM.isEmpty()) {
            return Optional.empty();
        }
        java.util.Set<String> missing = new java.util.TreeSet<>(functionsOf(api));
        missing.removeAll(EXPORTED);
        if (!missing.isEmpty()) {
            System.err.println("uintr-harness: " + api.getSimpleName() + " not bound: libuintrshim.so lacks " + missing
                    + " (rebuild with mvn package)");
            return Optional.empty();
        }
        try {
            return Optional.of(Native.load(PATH, api));
        } catch (UnsatisfiedLinkError e) {
            System.err.println("uintr-harness: " + api.getSimpleName() + " not bound: " + firstLine(e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Binds the static native methods of {@code holder} to the shim by JNA direct mapping (no
     * proxy, no boxing: for calls made once per event on a hot path). False, with nothing bound,
     * when the shim is not loaded or lacks one of them.
     */
    static boolean registerDirect(Class<?> holder) {
        if (SHIM.isEmpty()) {
            return false;
        }
        for (java.lang.reflect.Method m : holder.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isNative(m.getModifiers()) && !EXPORTED.contains(m.getName())) {
                return false;
            }
        }
        try {
            Native.register(holder, PATH);
            return true;
        } catch (UnsatisfiedLinkError | IllegalArgumentException e) {
            return false;
        }
    }

    /** The C function names a JNA interface calls: its abstract methods. */
    static java.util.Set<String> functionsOf(Class<?> api) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (java.lang.reflect.Method m : api.getMethods()) {
            if (!m.isDefault() && !java.lang.reflect.Modifier.isStatic(m.getModifiers())
                    && m.getDeclaringClass() != Object.class && com.sun.jna.Library.class != m.getDeclaringClass()) {
                out.add(m.getName());
            }
        }
        return out;
    }

    /** Why the shim is not loaded, or null when it is. */
    public static String failure() {
        return FAILURE;
    }

    /** One line for probe and --version. */
    public static String describe() {
        return SHIM.isPresent() ? "loaded (" + buildInfo() + ")" : "not loaded: " + FAILURE;
    }

    /** "gcc VERSION FLAGS" from the loaded shim, or "unknown". */
    public static String buildInfo() {
        return SHIM.map(s -> {
            byte[] buf = new byte[256];
            int n = s.ush_build_info(buf, buf.length);
            return new String(buf, 0, Math.max(0, n), java.nio.charset.StandardCharsets.US_ASCII);
        }).orElse("unknown");
    }

    /** TSC ticks per second against CLOCK_MONOTONIC_RAW over {@code ms} milliseconds (ush_tsc_hz), 0 if unknown or not loaded. */
    public static long tscHz(int ms) {
        return SHIM.map(s -> s.ush_tsc_hz(ms)).orElse(0L);
    }

    private static String buildNote() {
        try (var in = ShimLoader.class.getResourceAsStream("/uintrshim-build.txt")) {
            if (in == null) {
                return "";
            }
            String note = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return note.isEmpty() ? "" : " (build: " + note + ")";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Why part {@code part} of the shim (bound as {@code lib}, reporting its ABI with {@code abi})
     * cannot be called, or null when it can: the shim not loaded, the part's symbols missing, or
     * another ABI than {@code expected}.
     */
    public static <T> String partProblem(Optional<T> lib, String part, java.util.function.ToIntFunction<T> abi, int expected) {
        if (SHIM.isEmpty()) {
            return "libuintrshim.so not loaded: " + failure();
        }
        if (lib.isEmpty()) {
            return "libuintrshim.so lacks the " + part + " (rebuild with mvn package)";
        }
        int got = abi.applyAsInt(lib.get());
        if (got != expected) {
            return "libuintrshim.so's " + part + " has ABI " + got + ", this harness expects " + expected;
        }
        return null;
    }
}
