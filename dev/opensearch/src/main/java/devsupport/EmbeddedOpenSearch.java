package devsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.Version;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.PluginInfo;

/**
 * Single-node OpenSearch embedded in one JVM, for local development and CI only.
 *
 * <p>Subclasses {@link Node} so the modules can be passed in as classpath plugins. This bypasses
 * {@code Bootstrap}: no root check, no security manager, no bootstrap checks, no jar-hell check.
 *
 * <p>System properties: {@code os.home} (home directory, default {@code target/os-home}),
 * {@code os.http.port} (default 9200), {@code os.cluster.name} (default {@code dev-opensearch}),
 * {@code os.transport.port} (default the first free of 9300-9399), {@code os.node.name} (default
 * {@code node-1}).
 *
 * <p>Cluster mode, when {@code os.seed.hosts} is set (comma-separated {@code host:port} transport
 * addresses of every node, this one included): no {@code single-node} discovery; the nodes named
 * in {@code os.initial.cluster.managers} elect the first cluster manager, and
 * {@code os.cluster.size} nodes must have joined before the node reports ready. New indices then
 * get one replica by default (as on a real multi-node domain) instead of none.
 *
 * <p>Prints {@code OPENSEARCH_READY http://127.0.0.1:<port>} on stdout once the node answers REST
 * and the cluster is at least yellow, then blocks until SIGTERM/SIGINT.
 */
public final class EmbeddedOpenSearch {

    /** Modules the node cannot work without (OpenSearch 3.x class names). */
    private static final String[] REQUIRED_PLUGINS = {
        "org.opensearch.transport.Netty4ModulePlugin",
    };

    /** Modules a stock distribution has; present on the classpath via pom.xml. */
    private static final String[] RECOMMENDED_PLUGINS = {
        "org.opensearch.analysis.common.CommonAnalysisModulePlugin",
        "org.opensearch.index.mapper.MapperExtrasModulePlugin",
        "org.opensearch.painless.PainlessModulePlugin",
        "org.opensearch.index.reindex.ReindexModulePlugin",
        // Optional: only loaded if someone adds the artifact to pom.xml.
        "org.opensearch.join.ParentJoinModulePlugin",
        "org.opensearch.search.aggregations.matrix.MatrixAggregationModulePlugin",
        "org.opensearch.ingest.common.IngestCommonModulePlugin",
        "org.opensearch.geo.GeoModulePlugin",
    };

    /** Opens the protected constructor that takes classpath plugins (3.1+: {@code Collection<PluginInfo>}). */
    static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment environment, Collection<PluginInfo> classpathPlugins) {
            super(environment, classpathPlugins, true);
        }
    }

    private EmbeddedOpenSearch() {}

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable t) {
            System.err.println("EmbeddedOpenSearch: startup failed");
            t.printStackTrace();
            System.err.flush();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        Path home = Paths.get(System.getProperty("os.home", "target/os-home")).toAbsolutePath().normalize();
        int httpPort = Integer.parseInt(System.getProperty("os.http.port", "9200"));
        String clusterName = System.getProperty("os.cluster.name", "dev-opensearch");
        String nodeName = System.getProperty("os.node.name", "node-1");
        String transportPort = System.getProperty("os.transport.port", "9300-9399");
        String seedHosts = System.getProperty("os.seed.hosts", "");
        boolean cluster = !seedHosts.isBlank();
        int clusterSize = Integer.parseInt(System.getProperty("os.cluster.size", "1"));

        for (String dir : new String[] {"config", "data", "logs", "modules", "plugins"}) {
            Files.createDirectories(home.resolve(dir));
        }

        Runtime rt = Runtime.getRuntime();
        System.out.printf(
            "EmbeddedOpenSearch: OpenSearch %s on Java %s, max heap %d MiB, home %s%n",
            Version.CURRENT, Runtime.version(), rt.maxMemory() / (1024 * 1024), home);

        Settings.Builder builder = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", clusterName)
            .put("node.name", nodeName)
            .put("network.host", "127.0.0.1")
            .put("http.port", Integer.toString(httpPort))
            .put("transport.port", transportPort)
            .put("cluster.routing.allocation.disk.threshold_enabled", "false");
        if (cluster) {
            builder.putList("discovery.seed_hosts", List.of(seedHosts.split(",")))
                .putList("cluster.initial_cluster_manager_nodes",
                    List.of(System.getProperty("os.initial.cluster.managers", nodeName).split(",")));
        } else {
            builder.put("discovery.type", "single-node");
        }
        Settings settings = builder.build();

        Environment env = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), home.resolve("config"), () -> nodeName);

        List<PluginInfo> plugins = new ArrayList<>();
        for (String name : REQUIRED_PLUGINS) {
            plugins.add(pluginInfo(Class.forName(name).asSubclass(Plugin.class)));
        }
        for (String name : RECOMMENDED_PLUGINS) {
            try {
                plugins.add(pluginInfo(Class.forName(name).asSubclass(Plugin.class)));
            } catch (ClassNotFoundException e) {
                System.out.println("EmbeddedOpenSearch: optional module not on classpath, skipped: " + name);
            }
        }

        EmbeddedNode node = new EmbeddedNode(env, plugins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                System.out.println("EmbeddedOpenSearch: stopping");
                node.close();
                if (!node.awaitClose(20, TimeUnit.SECONDS)) {
                    System.out.println("EmbeddedOpenSearch: node did not close within 20s");
                }
                System.out.println("EmbeddedOpenSearch: stopped");
            } catch (IOException | InterruptedException | RuntimeException e) {
                e.printStackTrace();
            } finally {
                System.out.flush();
                stopped.countDown();
            }
        }, "embedded-opensearch-shutdown"));

        node.start();

        HttpServerTransport http = node.injector().getInstance(HttpServerTransport.class);
        TransportAddress publish = http.boundAddress().publishAddress();
        String url = "http://" + publish.getAddress() + ":" + publish.getPort();

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        // cluster.default_number_of_replicas as a node setting is ignored at index creation
        // (OpenSearch issue #20389), so set it as a persistent cluster setting instead.
        if (cluster) {
            request(client, "GET", url + "/_cluster/health?wait_for_nodes=" + clusterSize
                + "&wait_for_status=yellow&timeout=120s", null);
            request(client, "PUT", url + "/_cluster/settings",
                "{\"persistent\":{\"cluster.default_number_of_replicas\":1}}");
        } else {
            request(client, "PUT", url + "/_cluster/settings",
                "{\"persistent\":{\"cluster.default_number_of_replicas\":0}}");
            request(client, "GET", url + "/_cluster/health?wait_for_status=yellow&timeout=60s", null);
        }

        System.out.println("OPENSEARCH_READY " + url);
        System.out.flush();

        stopped.await();
    }

    private static PluginInfo pluginInfo(Class<? extends Plugin> cls) {
        return new PluginInfo(
            cls.getName(), "classpath plugin", "NA", Version.CURRENT, "21", cls.getName(), List.of(), false);
    }

    private static void request(HttpClient client, String method, String url, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> resp = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " -> HTTP " + resp.statusCode() + ": " + resp.body());
        }
    }
}
