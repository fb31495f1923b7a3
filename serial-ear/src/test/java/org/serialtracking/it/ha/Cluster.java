package org.serialtracking.it.ha;

import java.util.List;
import java.util.Map;

/**
 * Two servers of their own on the test database, with screen sessions in the database
 * (SERIAL_SESSION_STORE=database), behind Debian's haproxy (.ci/balancer) that keeps each browser on
 * one server while it lives (BALANCER_STICKY=1: a SERVERID cookie) and health-checks /health/ready.
 * Started once for the test run by the first test that asks, stopped when the tests' JVM ends; a
 * test that kills a server starts it again ({@link #restore}).
 */
public final class Cluster {

    public static final int FRONT = Integer.getInteger("it.balancer.port", 9086);
    public static final List<Integer> PORTS = List.of(9084, 9085);
    private static final String BALANCER = Scripts.TARGET.resolve("balancer").toString();
    private static Cluster cluster;

    private final List<LibertyServer> servers;

    private Cluster(List<LibertyServer> servers) {
        this.servers = servers;
    }

    public static synchronized Cluster get() {
        if (cluster == null) {
            Map<String, String> shared = Map.of("SERIAL_DB_SCHEMA", System.getProperty("it.db.schema", "serial_it"),
                    "SERIAL_SESSION_STORE", "database");
            List<LibertyServer> servers = List.of(LibertyServer.start("serial-lb1", PORTS.get(0), shared),
                    LibertyServer.start("serial-lb2", PORTS.get(1), shared));
            Scripts.run(List.of("env", "BALANCER_STICKY=1", "bash", Scripts.ROOT.resolve(".ci/balancer").toString(),
                    "start", BALANCER, Integer.toString(FRONT), PORTS.get(0).toString(), PORTS.get(1).toString()));
            cluster = new Cluster(servers);
            cluster.awaitBothUp();
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
        }
        return cluster;
    }

    public String base() {
        return "http://localhost:" + FRONT + "/serial";
    }

    /** The server on this port. */
    public LibertyServer server(int port) {
        return servers.get(PORTS.indexOf(port));
    }

    /** The balancer's view of its servers, one per line: {@code 127.0.0.1:9084 UP L7OK/200}. */
    public String status() {
        return Scripts.ci("balancer", "status", BALANCER);
    }

    /** Waits until the balancer has taken the server on this port out. */
    public void awaitDown(int port) {
        Scripts.ci("balancer", "wait-down", BALANCER, Integer.toString(port), "30");
    }

    /** Starts a killed server again and waits until the balancer sends to it. */
    public void restore(int port) {
        server(port).restart();
        awaitBothUp();
    }

    private void awaitBothUp() {
        Scripts.ci("balancer", "wait-up", BALANCER, "2", "60");
    }

    private void stop() {
        try {
            Scripts.ci("balancer", "stop", BALANCER);
        } catch (RuntimeException ignored) {
            // going down anyway
        }
        servers.forEach(LibertyServer::close);
    }
}
