package erfa;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts an OpenSearch node bound to loopback for the test suite, alone or as one node of a cluster.
 *
 * Usage: OpenSearchNode BASE_PATH HTTP_PORT TRANSPORT_PORT [NODE_NAME SEED_HOSTS MANAGER_NODES]
 * Without the last three the node is a single-node cluster. With them (scripts/cluster_test.py) it is
 * named NODE_NAME and joins the others: SEED_HOSTS lists their transport addresses (host:port,...),
 * MANAGER_NODES the names of the nodes that elect the first cluster manager (name,...).
 * The node runs until the process receives SIGTERM.
 */
public final class OpenSearchNode {
    private OpenSearchNode() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length != 3 && args.length != 6) {
            System.err.println("usage: OpenSearchNode BASE_PATH HTTP_PORT TRANSPORT_PORT [NODE_NAME SEED_HOSTS MANAGER_NODES]");
            System.exit(2);
        }
        final String basePath = args[0];
        final String httpPort = args[1];
        final String transportPort = args[2];
        final boolean clustered = args.length == 6;

        final OpenSearchRunner runner = new OpenSearchRunner();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final Exception e) {
                System.err.println("Failed to close OpenSearch: " + e);
            }
        }));
        runner.onBuild((number, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", httpPort);
            settings.put("transport.port", transportPort);
            if (clustered) {
                settings.put("node.name", args[3]);
                settings.putList("discovery.seed_hosts", args[4].split(","));
                settings.putList("cluster.initial_cluster_manager_nodes", args[5].split(","));
            } else {
                settings.put("discovery.type", "single-node");
            }
            settings.putList("node.roles", "cluster_manager", "data", "ingest");
            // Tests run on a small disk-constrained machine; do not let watermarks block writes.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            settings.put("action.auto_create_index", true);
        }).build(newConfigs()
                .basePath(basePath)
                .numOfNode(1)
                .clusterName("erfa-test")
                .disableESLogger());
        runner.ensureYellow();
        System.out.println("OPENSEARCH READY http://127.0.0.1:" + httpPort);
        System.out.flush();
        while (!runner.isClosed()) {
            Thread.sleep(1000);
        }
    }
}
