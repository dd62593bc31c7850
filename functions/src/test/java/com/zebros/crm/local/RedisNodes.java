package com.zebros.crm.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's redis-server on ports of its own, started and stopped by the test: one node, or three in
 * cluster mode joined by {@code redis-cli --cluster create}. A stopped node is killed; started again on
 * the same port (a cluster node with its nodes.conf) it is the same Redis, empty.
 */
public final class RedisNodes implements AutoCloseable {
    private final boolean cluster;
    private final Path dir;
    private final List<Integer> ports = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();
    private boolean formed;

    public RedisNodes(int count, boolean cluster) throws IOException {
        this.cluster = cluster;
        this.dir = Files.createTempDirectory(cluster ? "redis-cluster-faults" : "redis-faults");
        for (int i = 0; i < count; i++) {
            ports.add(LocalDynamo.freePort());
            processes.add(null);
        }
    }

    /** The nodes' ports. */
    public java.util.List<Integer> ports() {
        return java.util.List.copyOf(ports);
    }

    /** The endpoint the functions are given: the node, or the cluster's first node as its configuration endpoint. */
    public String endpoint() {
        return "redis://127.0.0.1:" + ports.get(0);
    }

    public void start() throws InterruptedException {
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.get(i);
            List<String> command = new ArrayList<>(List.of(
                    "redis-server",
                    "--port",
                    String.valueOf(port),
                    "--bind",
                    "127.0.0.1",
                    "--dir",
                    dir.toString(),
                    "--save",
                    "",
                    "--appendonly",
                    "no"));
            if (cluster) {
                command.addAll(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf"));
            }
            try {
                processes.set(
                        i,
                        new ProcessBuilder(command)
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                                        dir.resolve("redis-" + port + ".log").toFile()))
                                .start());
            } catch (IOException e) {
                throw new IllegalStateException(
                        "redis-server is needed (Debian's redis-server package): " + e.getMessage(), e);
            }
        }
        for (int port : ports) {
            waitFor(() -> cli("-p", String.valueOf(port), "ping").contains("PONG"), "redis on " + port);
        }
        if (cluster && !formed) {
            List<String> create = new ArrayList<>(List.of("--cluster", "create"));
            ports.forEach(p -> create.add("127.0.0.1:" + p));
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            cli(create.toArray(String[]::new));
            formed = true;
        }
        if (cluster) {
            // Every node, not only the first: a node that has not yet learnt the others' slots answers CLUSTERDOWN
            // (a clean-clone CI run met this: two reads of keys on another shard missed right after the start).
            for (int port : ports) {
                waitFor(
                        () -> cli("-p", String.valueOf(port), "cluster", "info").contains("cluster_state:ok"),
                        "the cluster to be ok on " + port);
            }
        }
    }

    /** Kills every node: connections are refused from now on. */
    public void stop() throws InterruptedException {
        for (Process process : processes) {
            if (process != null) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The number of keys the nodes hold together. */
    public long keys() {
        long total = 0;
        for (int port : ports) {
            String out = cli("-p", String.valueOf(port), "dbsize").trim();
            total += out.isEmpty() ? 0 : Long.parseLong(out);
        }
        return total;
    }

    private static String cli(String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli"));
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("redis-cli is needed (Debian's redis-tools package): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier ready, String what) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (ready.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
