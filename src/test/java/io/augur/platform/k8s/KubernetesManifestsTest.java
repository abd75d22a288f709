package io.augur.platform.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.knative.serving.v1.RevisionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every manifest under k8s/ with the fabric8 Kubernetes model (and its Knative model for the
 * Knative Service) and checks that it fits the application: probe paths are the health endpoints, ports
 * match the HTTP port, selectors match the pod labels, the referenced ConfigMap and Secret exist, the
 * migration Job runs the same image in the {@code migrate} mode. Each overlay is also rendered with
 * {@code kubectl kustomize} when kubectl is installed.
 */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class, "Service", Service.class, "ConfigMap", ConfigMap.class,
            "Secret", Secret.class, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "PodDisruptionBudget", PodDisruptionBudget.class, "Job", Job.class);

    /** The model class of a manifest: a Knative Service is told from a Kubernetes one by its apiVersion. */
    private static Class<? extends HasMetadata> typeOf(JsonNode node) {
        if (node.path("apiVersion").asText().startsWith("serving.knative.dev/")) {
            assertEquals("Service", node.path("kind").asText(), "Knative kind");
            return io.fabric8.knative.serving.v1.Service.class;
        }
        return KINDS.get(node.path("kind").asText());
    }

    @Test
    void baseFitsTheApplication() throws IOException {
        checkBundle(parse(Files.readString(Path.of("k8s/base/deployment.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/service.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/hpa.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/pdb.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/configmap.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/job-migrate.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/secret.yaml"))));
    }

    @Test
    void knativeServiceFitsTheApplication() throws IOException {
        checkKnative(parse(Files.readString(Path.of("k8s/overlays/knative/knative-service.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/configmap.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/job-migrate.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/secret.yaml"))), false);
    }

    /**
     * The JVM overlay sizes the heap to its container: a share of the memory limit that leaves room for
     * what the JVM holds outside the heap (class metadata and the mapped AOT cache, compiled code, thread
     * stacks, GC structures, Netty's buffers; see docs/performance.md), and it keeps the image's AOT cache:
     * the cache is set through JDK_JAVA_OPTIONS in the image, which the overlay must not replace (its
     * JAVA_OPTS_APPEND replaces the image's own).
     */
    @Test
    void jvmOverlaySizesTheHeapToTheContainerAndKeepsTheAotCache() throws IOException {
        Container c = YAML.readValue(Path.of("k8s/overlays/jvm/deployment-resources.yaml").toFile(), Deployment.class)
                .getSpec().getTemplate().getSpec().getContainers().getFirst();
        String opts = c.getEnv().stream().filter(e -> e.getName().equals("JAVA_OPTS_APPEND")).findFirst()
                .orElseThrow(() -> new AssertionError("JAVA_OPTS_APPEND with the heap setting")).getValue();
        assertTrue(c.getEnv().stream().noneMatch(e -> e.getName().equals("JDK_JAVA_OPTIONS")),
                "JDK_JAVA_OPTIONS carries the image's AOT cache; the overlay must not replace it");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)").matcher(opts);
        assertTrue(m.find(), "heap as a share of the container's memory: " + opts);
        double percent = Double.parseDouble(m.group(1));
        long limit = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(c.getResources().getLimits()
                .get("memory")).longValue();
        long heap = (long) (limit * percent / 100);
        assertTrue(heap >= 256L << 20, "heap " + (heap >> 20) + " MiB: room for a 2M-battle arena fit");
        assertTrue(limit - heap >= JVM_NON_HEAP_MIB << 20, "the limit " + (limit >> 20) + " MiB less the heap "
                + (heap >> 20) + " MiB leaves " + JVM_NON_HEAP_MIB + " MiB for the JVM outside its heap");
        assertTrue(opts.contains("-XX:+ExitOnOutOfMemoryError"), "an exhausted heap restarts the pod: " + opts);

        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertTrue(dockerfile.contains("ENV JDK_JAVA_OPTIONS=\"-XX:AOTCache=/deployments/app.aot\""),
                "the image starts with its AOT cache whatever JAVA_OPTS_APPEND says");
        assertTrue(dockerfile.contains("/deployments/app.aot /deployments/app.aot"), "the image holds the trained cache");
    }

    /**
     * Room for the JVM's memory outside the heap with the AOT cache: 277 MiB resident less 108 MiB of
     * committed heap, about 170 MiB (109 MiB of it the mapped cache), after ready and a first request with
     * the container's settings (Parallel GC, 60% of 768 Mi; native memory tracking, docs/performance.md),
     * plus half again for the code cache and thread stacks of a JVM under load.
     */
    private static final long JVM_NON_HEAP_MIB = 256;

    /** The native overlays bound the young generation too: start-up garbage is collected early (RSS). */
    @Test
    void nativeOverlaysBoundHeapAndYoungGeneration() throws IOException {
        for (Container c : List.of(
                YAML.readValue(Path.of("k8s/overlays/native/deployment-resources.yaml").toFile(), Deployment.class)
                        .getSpec().getTemplate().getSpec().getContainers().getFirst(),
                YAML.readValue(Path.of("k8s/overlays/knative/knative-service.yaml").toFile(),
                        io.fabric8.knative.serving.v1.Service.class).getSpec().getTemplate().getSpec().getContainers()
                        .getFirst())) {
            assertHeapBounded(c.getArgs(), c);
            long heap = megabytes(c.getArgs(), "-Xmx");
            long young = megabytes(c.getArgs(), "-Xmn");
            assertTrue(young > 0 && young <= heap / 4, "young generation " + young + " MB of a " + heap + " MB heap");
        }
    }

    private static long megabytes(List<String> args, String option) {
        String a = args.stream().filter(x -> x.startsWith(option)).findFirst()
                .orElseThrow(() -> new AssertionError(option + " in " + args));
        assertTrue(a.toLowerCase().endsWith("m"), "in megabytes: " + a);
        return Long.parseLong(a.substring(option.length(), a.length() - 1));
    }

    @Test
    void everyManifestFileParsesAsAKubernetesObjectOrKustomization() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("k8s"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        assertTrue(files.size() >= 10, "manifests found: " + files);
        for (Path f : files) {
            JsonNode node = YAML.readTree(f.toFile());
            String kind = node.path("kind").asText();
            if (kind.equals("Kustomization")) {
                for (JsonNode r : node.path("resources")) {
                    assertTrue(Files.exists(f.getParent().resolve(r.asText())), f + " names a missing " + r);
                }
                for (JsonNode p : node.path("patches")) {
                    assertTrue(Files.exists(f.getParent().resolve(p.path("path").asText())), f + " patch " + p);
                }
            } else {
                assertNotNull(typeOf(node), f + ": unexpected kind " + kind);
                HasMetadata object = YAML.treeToValue(node, typeOf(node));
                assertEquals("augur", object.getMetadata().getName().replace("-config", "").replace("-database", "")
                        .replace("-migrate", ""), f + ": names start with augur");
            }
        }
    }

    @Test
    void overlaysRenderWithKustomize() throws Exception {
        assumeTrue(commandExists("kubectl"), "skipped: kubectl is not installed");
        for (String overlay : List.of("native", "jvm")) {
            Process p = new ProcessBuilder("kubectl", "kustomize", "k8s/overlays/" + overlay).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize timed out");
            assertEquals(0, p.exitValue(), () -> "kubectl kustomize k8s/overlays/" + overlay + ": " + out);
            List<HasMetadata> objects = parse(out);
            checkBundle(objects);
            Deployment d = only(objects, Deployment.class);
            String image = d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
            assertTrue(image.contains("augur-" + overlay), overlay + " overlay sets its image, got " + image);
            if (overlay.equals("native")) {
                assertHeapBounded(d.getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs(),
                        d.getSpec().getTemplate().getSpec().getContainers().getFirst());
            }
        }
        Process p = new ProcessBuilder("kubectl", "kustomize", "k8s/overlays/knative").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize timed out");
        assertEquals(0, p.exitValue(), () -> "kubectl kustomize k8s/overlays/knative: " + out);
        checkKnative(parse(out), true);
    }

    /**
     * The Knative overlay: one Knative Service (no Deployment, Service, HPA or PDB of the base) with
     * bounded concurrency, scale to zero and a maximum scale, the health probes, and the migration Job.
     */
    private static void checkKnative(List<HasMetadata> objects, boolean rendered) throws IOException {
        io.fabric8.knative.serving.v1.Service ksvc = only(objects, io.fabric8.knative.serving.v1.Service.class);
        ConfigMap config = only(objects, ConfigMap.class);
        Secret secret = only(objects, Secret.class);
        Job job = only(objects, Job.class);
        if (rendered) {
            assertTrue(objects.stream().noneMatch(o -> o instanceof Deployment || o instanceof Service
                    || o instanceof HorizontalPodAutoscaler || o instanceof PodDisruptionBudget),
                    "the Knative Service replaces the base's Deployment, Service, HPA and PDB: " + objects);
        }
        Map<String, String> annotations = ksvc.getSpec().getTemplate().getMetadata().getAnnotations();
        assertEquals("0", annotations.get("autoscaling.knative.dev/min-scale"), "scales to zero");
        int maxScale = Integer.parseInt(annotations.get("autoscaling.knative.dev/max-scale"));
        assertTrue(maxScale >= 1 && maxScale <= 10, "bounded scale: " + maxScale);
        RevisionSpec spec = ksvc.getSpec().getTemplate().getSpec();
        long hard = spec.getContainerConcurrency();
        int soft = Integer.parseInt(annotations.get("autoscaling.knative.dev/target"));
        assertTrue(hard > 0 && soft > 0 && soft <= hard, "concurrency bounded: target " + soft + ", hard " + hard);
        long budget = java.time.Duration.parse("PT" + applicationProperty("augur.compute.time-budget")).toSeconds();
        assertTrue(spec.getTimeoutSeconds() > budget, "Knative's request timeout outlasts the compute budget");

        Container c = spec.getContainers().getFirst();
        int appPort = Integer.parseInt(applicationProperty("quarkus.http.port"));
        assertEquals(appPort, c.getPorts().getFirst().getContainerPort());
        assertTrue(List.of("http1", "h2c").contains(c.getPorts().getFirst().getName()), "Knative port name");
        assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertTrue(c.getEnvFrom().stream().anyMatch(e -> e.getConfigMapRef() != null
                && e.getConfigMapRef().getName().equals(config.getMetadata().getName())));
        assertTrue(c.getEnvFrom().stream().anyMatch(e -> e.getSecretRef() != null
                && e.getSecretRef().getName().equals(secret.getMetadata().getName())));
        assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(Boolean.TRUE, c.getSecurityContext().getRunAsNonRoot());
        assertHeapBounded(c.getArgs(), c);
        if (rendered) {
            assertTrue(c.getImage().contains("augur-native"), "the native binary: " + c.getImage());
        }
        checkJob(job, c.getImage(), config, secret);
    }

    /** A heap limit well inside the container's memory limit (not the native default of 80% of RAM). */
    private static void assertHeapBounded(List<String> args, Container c) {
        String xmx = args.stream().filter(a -> a.startsWith("-Xmx")).findFirst()
                .orElseThrow(() -> new AssertionError("native heap limit (-Xmx) in " + args));
        long heap = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(
                new io.fabric8.kubernetes.api.model.Quantity(xmx.substring(4).toUpperCase().replace("M", "Mi")))
                .longValue();
        long limit = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(c.getResources().getLimits()
                .get("memory")).longValue();
        assertTrue(heap <= 0.75 * limit, "heap " + heap + " leaves room in the container limit " + limit);
    }

    /** The migration Job: the service's image in the migrate mode, the same settings, and bounded retries. */
    private static void checkJob(Job job, String image, ConfigMap config, Secret secret) {
        Container m = job.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertEquals("migrate", m.getArgs().getFirst(), "the migrate run mode");
        assertEquals(image, m.getImage(), "the same image as the service");
        assertTrue(List.of("OnFailure", "Never").contains(job.getSpec().getTemplate().getSpec().getRestartPolicy()));
        assertNotNull(job.getSpec().getBackoffLimit());
        assertNotNull(job.getSpec().getActiveDeadlineSeconds());
        assertTrue(m.getEnvFrom().stream().anyMatch(e -> e.getConfigMapRef() != null
                && e.getConfigMapRef().getName().equals(config.getMetadata().getName())));
        assertTrue(m.getEnvFrom().stream().anyMatch(e -> e.getSecretRef() != null
                && e.getSecretRef().getName().equals(secret.getMetadata().getName())));
        assertEquals(Boolean.TRUE, m.getSecurityContext().getReadOnlyRootFilesystem());
        assertNotNull(m.getResources().getLimits().get("memory"));
    }

    private static void checkBundle(List<HasMetadata> objects) throws IOException {
        Deployment deployment = only(objects, Deployment.class);
        Service service = only(objects, Service.class);
        ConfigMap config = only(objects, ConfigMap.class);
        Secret secret = only(objects, Secret.class);
        HorizontalPodAutoscaler hpa = only(objects, HorizontalPodAutoscaler.class);
        PodDisruptionBudget pdb = only(objects, PodDisruptionBudget.class);
        Job job = only(objects, Job.class);

        assertTrue(deployment.getSpec().getReplicas() >= 2, "at least two replicas");
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(podLabels.entrySet().containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()),
                "deployment selector matches its pod labels");
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()),
                "service selector matches the pod labels");
        assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()),
                "PDB selector matches the pod labels");
        assertEquals(deployment.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertTrue(hpa.getSpec().getMinReplicas() >= 2);

        Container c = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        ContainerPort http = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow();
        int appPort = Integer.parseInt(applicationProperty("quarkus.http.port"));
        assertEquals(appPort, http.getContainerPort(), "container port is the application's HTTP port");
        assertEquals(Integer.toString(appPort), config.getData().get("QUARKUS_HTTP_PORT"));
        assertEquals("http", service.getSpec().getPorts().getFirst().getTargetPort().getStrVal());
        checkProbe(c.getStartupProbe(), "/q/health/started");
        checkProbe(c.getReadinessProbe(), "/q/health/ready");
        checkProbe(c.getLivenessProbe(), "/q/health/live");

        assertTrue(config.getData().get("QUARKUS_DATASOURCE_REACTIVE_URL").startsWith("postgresql://"),
                "the external database is configured, so no embedded one starts");
        assertTrue(c.getEnvFrom().stream().anyMatch(e -> e.getConfigMapRef() != null
                && e.getConfigMapRef().getName().equals(config.getMetadata().getName())));
        assertTrue(c.getEnvFrom().stream().anyMatch(e -> e.getSecretRef() != null
                && e.getSecretRef().getName().equals(secret.getMetadata().getName())));
        assertTrue(secret.getStringData().containsKey("QUARKUS_DATASOURCE_PASSWORD"));

        assertNotNull(c.getResources().getRequests().get("memory"));
        assertNotNull(c.getResources().getLimits().get("memory"));
        assertNotNull(c.getResources().getLimits().get("cpu"));
        assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(Boolean.TRUE, c.getSecurityContext().getRunAsNonRoot());
        assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation());
        assertEquals(Boolean.TRUE, deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
        assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                "a writable /tmp beside the read-only root");
        // SIGTERM: the graceful wait (computations stopped at the timeout minus the grace) plus the grace for
        // their answers, with at least 10 s left for the database client, the HTTP server and the JVM to stop
        long shutdownSeconds = java.time.Duration.parse("PT" + applicationProperty("quarkus.shutdown.timeout"))
                .plus(java.time.Duration.parse("PT" + applicationProperty("augur.compute.shutdown-grace"))).toSeconds();
        long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertTrue(shutdownSeconds + 10 <= grace, "quarkus.shutdown.timeout plus augur.compute.shutdown-grace ("
                + shutdownSeconds + " s) leaves 10 s of the pod's termination grace period (" + grace + " s)");
        checkJob(job, c.getImage(), config, secret);
        assertTrue(podLabels.entrySet().stream().noneMatch(e -> e.getValue().equals(
                job.getSpec().getTemplate().getMetadata().getLabels().get(e.getKey()))
                && e.getKey().equals("app.kubernetes.io/name")),
                "the Job's pod is not selected by the Service, PDB or Deployment");
    }

    private static void checkProbe(Probe probe, String path) {
        assertNotNull(probe, "probe on " + path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("http", probe.getHttpGet().getPort().getStrVal());
    }

    private static List<HasMetadata> parse(String multiDocument) throws IOException {
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : multiDocument.split("(?m)^---\\s*$")) {
            JsonNode node = YAML.readTree(doc);
            if (node == null || node.isMissingNode() || node.isNull()) {
                continue;
            }
            Class<? extends HasMetadata> type = typeOf(node);
            assertNotNull(type, "unexpected kind " + node.path("kind"));
            out.add(YAML.treeToValue(node, type));
        }
        return out;
    }

    private static <T> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), "one " + type.getSimpleName());
        return found.getFirst();
    }

    private static String applicationProperty(String key) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p.getProperty(key);
    }

    private static boolean commandExists(String command) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
