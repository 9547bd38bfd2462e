package dev.uintr.nat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Every method of every JNA interface in package nat is an exported symbol of libuintrshim.so. */
@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
class ShimSymbolsTest {

    /** The JNA interfaces of this package, found by scanning its compiled classes. */
    static List<Class<?>> libraryInterfaces() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(UintrShim.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/uintr/nat");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> c = Class.forName("dev.uintr.nat." + name.substring(0, name.length() - 6));
                    if (c.isInterface() && Library.class.isAssignableFrom(c)) {
                        found.add(c);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void everyInterfaceMethod_isAnExportedSymbol() throws Exception {
        ShimRequirement.require();
        List<Class<?>> apis = libraryInterfaces();
        assertTrue(apis.contains(UintrShim.class), "scan must find UintrShim, found " + apis);
        NativeLibrary lib = NativeLibrary.getInstance("uintrshim");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Class<?> api : apis) {
            for (Method m : api.getDeclaredMethods()) {
                if (Modifier.isStatic(m.getModifiers()) || m.isDefault()) {
                    continue;
                }
                checked++;
                try {
                    lib.getFunction(m.getName());
                } catch (UnsatisfiedLinkError e) {
                    missing.add(api.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertTrue(checked >= 8, "too few methods checked: " + checked);
        assertTrue(missing.isEmpty(), "declared in Java but not exported by libuintrshim.so: " + missing);
    }

    @Test
    void missingSymbol_isDetected() {
        ShimRequirement.require();
        NativeLibrary lib = NativeLibrary.getInstance("uintrshim");
        boolean threw = false;
        try {
            lib.getFunction("ush_no_such_function");
        } catch (UnsatisfiedLinkError e) {
            threw = true;
        }
        assertTrue(threw, "the symbol check must be able to fail");
        assertFalse(ShimLoader.describe().isEmpty());
    }
}
