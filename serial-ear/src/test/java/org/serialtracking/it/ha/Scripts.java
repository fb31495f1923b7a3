package org.serialtracking.it.ha;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the project's own scripts and Liberty's server command, failing with their output. */
public final class Scripts {

    static final Path ROOT = Path.of(System.getProperty("it.project.root", "..")).toAbsolutePath().normalize();
    static final Path WLP = Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp")).toAbsolutePath();
    static final Path TARGET = WLP.getParent().getParent();

    private Scripts() {
    }

    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code .ci/<script> args...} */
    public static String ci(String script, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve(".ci").resolve(script).toString()));
        command.addAll(List.of(args));
        return run(command);
    }
}
