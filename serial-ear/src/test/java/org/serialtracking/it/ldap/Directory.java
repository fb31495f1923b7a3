package org.serialtracking.it.ldap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The throw-away OpenLDAP directory of the tests (.ci/ldap, seeded from .ci/ldap-seed.ldif) that the
 * third test server (serial-ldap) signs its users in against: alice (serial-admins), carl
 * (serial-clerks), vera (serial-viewers), nora (in no group) and dave (disabled); passwords
 * {@code <name>-pw}.
 */
public final class Directory {

    public static final String SERVER = "http://localhost:" + System.getProperty("it3.http.port", "9082") + "/serial";

    private Directory() {
    }

    public static void start() {
        run("start", System.getProperty("it.ldap.port", "10389"));
    }

    public static void stop() {
        run("stop");
    }

    /** The directory goes down (connections refused); its data stays for {@link #resume()}. */
    public static void pause() {
        run("pause");
    }

    public static void resume() {
        run("resume");
    }

    private static void run(String command, String... more) {
        List<String> args = new ArrayList<>(List.of("bash", System.getProperty("it.ldap.script", "../.ci/ldap"), command,
                System.getProperty("it.ldap.dir", "target/ldap")));
        args.addAll(List.of(more));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(".ci/ldap " + command + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
