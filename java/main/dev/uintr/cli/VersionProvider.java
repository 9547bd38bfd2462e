package dev.uintr.cli;

import picocli.CommandLine.IVersionProvider;

/** --version: the harness version from the jar manifest, Java and the shim's ABI. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = UintrHarness.class.getPackage().getImplementationVersion();
        return new String[] {
            "uintr-harness " + (v == null ? "0.1.0 (development build)" : v),
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch"),
            "shim: " + dev.uintr.nat.ShimLoader.describe()
        };
    }
}
