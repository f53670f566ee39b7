package devsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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

/**
 * Single-node OpenSearch 2.19 with the security plugin, embedded in one JVM, for the secured test
 * suite only (dev/CI). Same shape as the 3.8 launcher ({@code EmbeddedOpenSearch}); differences:
 * the 2.19 {@code Node} constructor takes plugin classes, the module class names have no
 * {@code Module}, and the security plugin is one more classpath plugin.
 *
 * <p>The node settings for security (certificates, admin DN, default init of the security index)
 * are in {@code <home>/config/opensearch.yml}, written by opensearch.sh; the security configuration
 * files are in {@code <home>/config/opensearch-security/}, copied by opensearch.sh from the repo.
 *
 * <p>System properties: {@code os.home}, {@code os.http.port}, {@code os.cluster.name} and
 * {@code os.admin.credentials} ({@code user:password} of an all-access user, used to wait until the
 * security index is initialised). Prints {@code OPENSEARCH_READY http://127.0.0.1:<port>} when ready.
 */
public final class SecureOpenSearch {

    private static final String[] REQUIRED_PLUGINS = {
        "org.opensearch.transport.Netty4Plugin",
        "org.opensearch.security.OpenSearchSecurityPlugin",
    };

    private static final String[] RECOMMENDED_PLUGINS = {
        "org.opensearch.analysis.common.CommonAnalysisPlugin",
        "org.opensearch.index.mapper.MapperExtrasPlugin",
        "org.opensearch.painless.PainlessPlugin",
        "org.opensearch.index.reindex.ReindexPlugin",
    };

    /** Opens the protected constructor that takes classpath plugins (2.x: plugin classes). */
    static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment environment, Collection<Class<? extends Plugin>> classpathPlugins) {
            super(environment, classpathPlugins, true);
        }
    }

    private SecureOpenSearch() {}

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable t) {
            System.err.println("SecureOpenSearch: startup failed");
            t.printStackTrace();
            System.err.flush();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        Path home = Paths.get(System.getProperty("os.home", "target/os-home")).toAbsolutePath().normalize();
        int httpPort = Integer.parseInt(System.getProperty("os.http.port", "9200"));
        String clusterName = System.getProperty("os.cluster.name", "dev-opensearch-secure");
        String adminCredentials = System.getProperty("os.admin.credentials", "");

        for (String dir : new String[] {"config", "data", "logs", "modules", "plugins"}) {
            Files.createDirectories(home.resolve(dir));
        }

        Runtime rt = Runtime.getRuntime();
        System.out.printf(
            "SecureOpenSearch: OpenSearch %s on Java %s, max heap %d MiB, home %s%n",
            Version.CURRENT, Runtime.version(), rt.maxMemory() / (1024 * 1024), home);

        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", clusterName)
            .put("node.name", "node-1")
            .put("network.host", "127.0.0.1")
            .put("http.port", Integer.toString(httpPort))
            .put("transport.port", "9300-9399")
            .put("discovery.type", "single-node")
            .put("cluster.routing.allocation.disk.threshold_enabled", "false")
            .build();

        // opensearch.yml in the config dir (written by opensearch.sh) adds the security settings.
        Environment env = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), home.resolve("config"), () -> "node-1");

        List<Class<? extends Plugin>> plugins = new ArrayList<>();
        for (String name : REQUIRED_PLUGINS) {
            plugins.add(Class.forName(name).asSubclass(Plugin.class));
        }
        for (String name : RECOMMENDED_PLUGINS) {
            try {
                plugins.add(Class.forName(name).asSubclass(Plugin.class));
            } catch (ClassNotFoundException e) {
                System.out.println("SecureOpenSearch: optional module not on classpath, skipped: " + name);
            }
        }

        EmbeddedNode node = new EmbeddedNode(env, plugins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                System.out.println("SecureOpenSearch: stopping");
                node.close();
                if (!node.awaitClose(20, TimeUnit.SECONDS)) {
                    System.out.println("SecureOpenSearch: node did not close within 20s");
                }
                System.out.println("SecureOpenSearch: stopped");
            } catch (IOException | InterruptedException | RuntimeException e) {
                e.printStackTrace();
            } finally {
                System.out.flush();
                stopped.countDown();
            }
        }, "secure-opensearch-shutdown"));

        node.start();

        HttpServerTransport http = node.injector().getInstance(HttpServerTransport.class);
        TransportAddress publish = http.boundAddress().publishAddress();
        String url = "http://" + publish.getAddress() + ":" + publish.getPort();
        String auth = "Basic " + Base64.getEncoder().encodeToString(adminCredentials.getBytes(StandardCharsets.UTF_8));

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        // The security index is created from the config files in the background after start; until
        // then every request answers 503 "not initialized".
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            HttpResponse<String> r = send(client, auth, "GET", url + "/_plugins/_security/authinfo", null);
            if (r.statusCode() == 200) break;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("security not initialised: HTTP " + r.statusCode() + ": " + r.body());
            }
            Thread.sleep(500);
        }
        request(client, auth, "PUT", url + "/_cluster/settings",
            "{\"persistent\":{\"cluster.default_number_of_replicas\":0}}");
        request(client, auth, "GET", url + "/_cluster/health?wait_for_status=yellow&timeout=60s", null);

        System.out.println("OPENSEARCH_READY " + url);
        System.out.flush();

        stopped.await();
    }

    private static HttpResponse<String> send(HttpClient client, String auth, String method, String url, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90))
            .header("Authorization", auth);
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void request(HttpClient client, String auth, String method, String url, String json)
            throws IOException, InterruptedException {
        HttpResponse<String> resp = send(client, auth, method, url, json);
        if (resp.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " -> HTTP " + resp.statusCode() + ": " + resp.body());
        }
    }
}
