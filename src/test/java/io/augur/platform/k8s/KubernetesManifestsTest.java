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
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every manifest under k8s/ with the fabric8 Kubernetes model (and its Knative model for the
 * Knative Service) and checks that it fits the application: probe paths are the health endpoints, ports
 * match the HTTP port, selectors match the pod labels, the referenced ConfigMap and Secret exist, the
 * migration Job runs the same image in the {@code migrate} mode. Each overlay is also rendered with
 * {@code kubectl kustomize} when kubectl is installed (in a copy of k8s/ holding a database.env made for the test,
 * since the real one is git-ignored).
 *
 * <p>Issue 11 item 5: a NetworkPolicy admitting only the ingress controller to the HTTP port and Prometheus to the
 * management port; a PodMonitor scraping the management port; no Secret with a value committed (the Secret is
 * generated from the git-ignored database.env); the ConfigMap generated (its name carries a content hash, so an
 * edit rolls the pods); a /tmp emptyDir larger than the upload limit, where uploads are spooled; user and group
 * ids those of the image each overlay runs (read from the Dockerfiles).
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
        if (GENERIC.contains(node.path("kind").asText())) {
            return GenericKubernetesResource.class;
        }
        return KINDS.get(node.path("kind").asText());
    }

    /** Kinds without a fabric8 model on the test class path, read as generic resources. */
    private static final List<String> GENERIC = List.of("NetworkPolicy", "PodMonitor");
    private static final Pattern GENERATED_NAME = Pattern.compile("(augur-(config|database))-[a-z0-9]{10}");

    @Test
    void baseFitsTheApplication() throws IOException {
        List<HasMetadata> objects = parse(Files.readString(Path.of("k8s/base/deployment.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/service.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/hpa.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/pdb.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/job-migrate.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/networkpolicy.yaml")) + "\n---\n"
                + Files.readString(Path.of("k8s/base/podmonitor.yaml")));
        objects.addAll(generated());
        checkBundle(objects, false);
        checkIds(objects, "Dockerfile.native-micro");
    }

    @Test
    void knativeServiceFitsTheApplication() throws IOException {
        List<HasMetadata> objects = parse(Files.readString(Path.of("k8s/overlays/knative/knative-service.yaml"))
                + "\n---\n" + Files.readString(Path.of("k8s/base/job-migrate.yaml")));
        objects.addAll(generated());
        checkKnative(objects, false);
    }

    /** What the base's generators make, as kustomize would (without the hash): the ConfigMap and the Secret. */
    private static List<HasMetadata> generated() throws IOException {
        ConfigMap config = new ConfigMap();
        config.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("augur-config").build());
        config.setData(envFile(Path.of("k8s/base/config.env")));
        Secret secret = new Secret();
        secret.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("augur-database").build());
        secret.setStringData(envFile(Path.of("k8s/base/database.env.example")));
        return new ArrayList<>(List.of(config, secret));
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                String[] kv = line.split("=", 2);
                entries.put(kv[0].strip(), kv.length > 1 ? kv[1] : "");
            }
        }
        return entries;
    }

    /**
     * No credentials are committed: no manifest is a Secret, the Secret is generated from database.env, which is
     * git-ignored, and its committed template holds no values.
     */
    @Test
    void theDatabaseSecretIsGeneratedFromAnIgnoredFile() throws Exception {
        try (Stream<Path> s = Files.walk(Path.of("k8s"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                for (String doc : Files.readString(f).split("(?m)^---\\s*$")) {
                    JsonNode node = YAML.readTree(doc);
                    assertTrue(node == null || !"Secret".equals(node.path("kind").asText()), f + " commits a Secret");
                }
            }
        }
        JsonNode kustomization = YAML.readTree(Path.of("k8s/base/kustomization.yaml").toFile());
        JsonNode generator = kustomization.path("secretGenerator").get(0);
        assertEquals("augur-database", generator.path("name").asText());
        assertEquals("database.env", generator.path("envs").get(0).asText());
        assertTrue(Files.readAllLines(Path.of("k8s/.gitignore")).contains("base/database.env"),
                "k8s/.gitignore ignores base/database.env");
        envFile(Path.of("k8s/base/database.env.example")).forEach((key, value) -> assertTrue(value.isBlank(),
                "the committed template has no value for " + key));
        assertTrue(envFile(Path.of("k8s/base/database.env.example")).keySet().containsAll(
                List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")));
        if (commandExists("git")) {
            Process p = new ProcessBuilder("git", "ls-files", "k8s").redirectErrorStream(true).start();
            String tracked = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertTrue(!tracked.contains("database.env\n"), "database.env is not tracked: " + tracked);
        }
        JsonNode config = kustomization.path("configMapGenerator").get(0);
        assertEquals("augur-config", config.path("name").asText(), "the ConfigMap is generated");
        assertTrue(!kustomization.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false),
                "generated names carry the content hash, so an edit rolls the pods");
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
            if (kind.isEmpty() && node.has("nameReference")) {
                continue; // a kustomize transformer configuration (configurations: in a kustomization)
            }
            if (kind.equals("Kustomization")) {
                for (JsonNode g : node.path("configMapGenerator")) {
                    for (JsonNode env : g.path("envs")) {
                        assertTrue(Files.exists(f.getParent().resolve(env.asText())), f + " generator " + env);
                    }
                }
                for (JsonNode r : node.path("resources")) {
                    assertTrue(Files.exists(f.getParent().resolve(r.asText())), f + " names a missing " + r);
                }
                for (JsonNode p : node.path("patches")) {
                    assertTrue(!p.has("path") || Files.exists(f.getParent().resolve(p.path("path").asText())),
                            f + " patch " + p);
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
            List<HasMetadata> objects = parse(render(overlay));
            checkBundle(objects, true);
            checkIds(objects, overlay.equals("jvm") ? "Dockerfile.jvm" : "Dockerfile.native-micro");
            Deployment d = only(objects, Deployment.class);
            String image = d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
            assertTrue(image.contains("augur-" + overlay), overlay + " overlay sets its image, got " + image);
            if (overlay.equals("native")) {
                assertHeapBounded(d.getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs(),
                        d.getSpec().getTemplate().getSpec().getContainers().getFirst());
            }
        }
        checkKnative(parse(render("knative")), true);
    }

    /** {@code kubectl kustomize} of an overlay, in a copy of k8s/ with a database.env made for the test. */
    private static String render(String overlay) throws Exception {
        Path copy = Files.createTempDirectory("augur-k8s-");
        try {
            try (Stream<Path> s = Files.walk(Path.of("k8s"))) {
                for (Path f : s.toList()) {
                    Path target = copy.resolve(Path.of("k8s").relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else if (!f.getFileName().toString().equals("database.env")) {
                        Files.copy(f, target);
                    }
                }
            }
            Files.writeString(copy.resolve("base/database.env"),
                    "QUARKUS_DATASOURCE_USERNAME=augur\nQUARKUS_DATASOURCE_PASSWORD=test-only\n");
            Process p = new ProcessBuilder("kubectl", "kustomize", copy.resolve("overlays/" + overlay).toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize timed out");
            assertEquals(0, p.exitValue(), () -> "kubectl kustomize k8s/overlays/" + overlay + ": " + out);
            assertTrue(!out.contains("test-only") || !out.contains("stringData"), "the Secret is rendered as data");
            return out;
        } finally {
            try (Stream<Path> s = Files.walk(copy)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
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
        int managementPort = Integer.parseInt(applicationProperty("quarkus.management.port"));
        assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertEquals(managementPort, c.getReadinessProbe().getHttpGet().getPort().getIntVal(), "on the management port");
        assertEquals(managementPort, c.getLivenessProbe().getHttpGet().getPort().getIntVal(), "on the management port");
        Matcher nativeUser = Pattern.compile("(?m)^USER (\\d+)").matcher(
                Files.readString(Path.of("src/main/docker/Dockerfile.native-micro")));
        assertTrue(nativeUser.find());
        assertEquals(nativeUser.group(1), String.valueOf(c.getSecurityContext().getRunAsUser()), "the image's user");
        assertEquals(0L, c.getSecurityContext().getRunAsGroup(), "the image's group (root)");
        if (rendered) {
            checkNetworkPolicy(only(objects, GenericKubernetesResource.class, "NetworkPolicy"),
                    ksvc.getSpec().getTemplate().getMetadata().getLabels(), 8012, managementPort,
                    List.of("8012", Integer.toString(managementPort)));
            checkPodMonitor(only(objects, GenericKubernetesResource.class, "PodMonitor"),
                    ksvc.getSpec().getTemplate().getMetadata().getLabels(), Integer.toString(managementPort));
        }
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

    private static void checkBundle(List<HasMetadata> objects, boolean rendered) throws IOException {
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
        ContainerPort management = c.getPorts().stream().filter(p -> "management".equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("a management port"));
        int managementPort = Integer.parseInt(applicationProperty("quarkus.management.port"));
        assertEquals(managementPort, management.getContainerPort(), "the management interface's port");
        assertEquals(Integer.toString(managementPort), config.getData().get("QUARKUS_MANAGEMENT_PORT"));
        // the service listens on localhost unless told: in a pod both ports must be on the pod's interfaces
        assertEquals("0.0.0.0", config.getData().get("QUARKUS_HTTP_HOST"));
        assertEquals("0.0.0.0", config.getData().get("QUARKUS_MANAGEMENT_HOST"));
        assertTrue(service.getSpec().getPorts().stream().noneMatch(p -> p.getTargetPort().getStrVal() != null
                && p.getTargetPort().getStrVal().equals("management") || p.getTargetPort().getIntVal() != null
                && p.getTargetPort().getIntVal() == managementPort), "the Service does not expose the management port");
        checkProbe(c.getStartupProbe(), "/q/health/started");
        checkProbe(c.getReadinessProbe(), "/q/health/ready");
        checkProbe(c.getLivenessProbe(), "/q/health/live");
        checkNetworkPolicy(only(objects, GenericKubernetesResource.class, "NetworkPolicy"), podLabels, http.getContainerPort(),
                managementPort, List.of("http", "management"));
        checkPodMonitor(only(objects, GenericKubernetesResource.class, "PodMonitor"), podLabels, "management");
        checkTmp(deployment.getSpec().getTemplate().getSpec(), c, config);
        if (rendered) {
            for (HasMetadata generatedObject : List.of(config, secret)) {
                Matcher m = GENERATED_NAME.matcher(generatedObject.getMetadata().getName());
                assertTrue(m.matches(), "generated with a content hash: " + generatedObject.getMetadata().getName());
            }
        }

        assertTrue(config.getData().get("QUARKUS_DATASOURCE_REACTIVE_URL").startsWith("postgresql://"),
                "the external database is configured, so no embedded one starts");
        assertTrue(c.getEnvFrom().stream().anyMatch(e -> e.getConfigMapRef() != null
                && e.getConfigMapRef().getName().equals(config.getMetadata().getName())));
        assertTrue(c.getEnvFrom().stream().anyMatch(e -> e.getSecretRef() != null
                && e.getSecretRef().getName().equals(secret.getMetadata().getName())));
        assertTrue(secret.getStringData() != null && secret.getStringData().containsKey("QUARKUS_DATASOURCE_PASSWORD")
                || secret.getData() != null && secret.getData().containsKey("QUARKUS_DATASOURCE_PASSWORD"));

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

    /** The health endpoints are on the management interface. */
    private static void checkProbe(Probe probe, String path) {
        assertNotNull(probe, "probe on " + path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("management", probe.getHttpGet().getPort().getStrVal());
    }

    /**
     * Ingress only, in two rules: from the ingress controller's namespace to the HTTP port, and from Prometheus to
     * the management port; no rule without a source (which would admit everyone) and none admitting both ports.
     */
    private static void checkNetworkPolicy(GenericKubernetesResource policy, Map<String, String> podLabels, int httpPort,
            int managementPort, List<String> portNames) {
        JsonNode spec = YAML.valueToTree(policy.getAdditionalProperties().get("spec"));
        Map<String, String> selector = YAML.convertValue(spec.path("podSelector").path("matchLabels"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
        assertTrue(selector != null && !selector.isEmpty() && podLabels.entrySet().containsAll(selector.entrySet()),
                "the NetworkPolicy selects the service's pods: " + selector);
        assertTrue(spec.path("policyTypes").toString().contains("Ingress"), "an ingress policy");
        JsonNode rules = spec.path("ingress");
        assertEquals(2, rules.size(), "two ingress rules: " + rules);
        List<String> admitted = new ArrayList<>();
        for (JsonNode rule : rules) {
            assertTrue(rule.path("from").size() > 0, "every rule names its sources: " + rule);
            for (JsonNode from : rule.path("from")) {
                assertTrue(from.has("namespaceSelector") && from.path("namespaceSelector").path("matchLabels").size() > 0
                        && !from.has("ipBlock"), "sources are namespaces (and pods) by label: " + from);
            }
            assertEquals(1, rule.path("ports").size(), "one port per rule: " + rule);
            admitted.add(rule.path("ports").get(0).path("port").asText());
        }
        assertEquals(portNames, admitted, "the ingress controller to the HTTP port (" + httpPort
                + "), Prometheus to the management port (" + managementPort + ")");
        JsonNode prometheus = rules.get(1).path("from").get(0);
        assertTrue(prometheus.toString().contains("prometheus") || prometheus.toString().contains("monitoring"),
                "the management port admits Prometheus only: " + prometheus);
    }

    private static void checkPodMonitor(GenericKubernetesResource monitor, Map<String, String> podLabels, String port) {
        assertTrue(monitor.getApiVersion().startsWith("monitoring.coreos.com/"), monitor.getApiVersion());
        JsonNode spec = YAML.valueToTree(monitor.getAdditionalProperties().get("spec"));
        Map<String, String> selector = YAML.convertValue(spec.path("selector").path("matchLabels"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), "the PodMonitor selects the pods");
        JsonNode endpoint = spec.path("podMetricsEndpoints").get(0);
        assertEquals("/q/metrics", endpoint.path("path").asText());
        assertEquals(port, endpoint.has("port") ? endpoint.path("port").asText() : endpoint.path("targetPort").asText(),
                "scrapes the management port");
    }

    /** A /tmp emptyDir larger than the upload limit, and uploads spooled there. */
    private static void checkTmp(io.fabric8.kubernetes.api.model.PodSpec pod, Container c, ConfigMap config)
            throws IOException {
        String volume = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow(() -> new AssertionError("/tmp is mounted")).getName();
        Quantity size = pod.getVolumes().stream().filter(v -> v.getName().equals(volume)).findFirst().orElseThrow()
                .getEmptyDir().getSizeLimit();
        long upload = parseMemory(applicationProperty("augur.http.upload-max-body-size"));
        assertTrue(Quantity.getAmountInBytes(size).longValue() >= 2 * upload,
                "the /tmp emptyDir (" + size + ") holds two uploads at the limit (" + upload + " bytes)");
        String uploads = config.getData().get("QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY");
        assertTrue(uploads != null && uploads.startsWith("/tmp/"), "uploads are spooled to /tmp: " + uploads);
    }

    private static long parseMemory(String size) {
        Matcher m = Pattern.compile("(\\d+)([KMG]?)").matcher(size.strip().toUpperCase());
        assertTrue(m.matches(), size);
        long unit = switch (m.group(2)) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            case "G" -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(m.group(1)) * unit;
    }

    /**
     * The pods run as the image's user and group: the last USER of the Dockerfile and the group its files are
     * chowned to (root = 0); fsGroup is that group, so the emptyDir is writable by it.
     */
    private static void checkIds(List<HasMetadata> objects, String dockerfile) throws IOException {
        String text = Files.readString(Path.of("src/main/docker", dockerfile));
        Matcher user = Pattern.compile("(?m)^USER (\\d+)\\s*$").matcher(text);
        String uid = null;
        while (user.find()) {
            uid = user.group(1);
        }
        Matcher chown = Pattern.compile("--chown=(\\d+):(\\w+)").matcher(text);
        assertTrue(chown.find(), dockerfile + " chowns its files to a user and group");
        String gid = chown.group(2).equals("root") ? "0" : chown.group(2);
        assertEquals(uid, chown.group(1), dockerfile + ": files owned by the user it runs as");
        List<PodSecurityContext> contexts = List.of(
                only(objects, Deployment.class).getSpec().getTemplate().getSpec().getSecurityContext(),
                only(objects, Job.class).getSpec().getTemplate().getSpec().getSecurityContext());
        for (PodSecurityContext sc : contexts) {
            assertEquals(uid, String.valueOf(sc.getRunAsUser()), dockerfile + " runs as " + uid);
            assertEquals(gid, String.valueOf(sc.getRunAsGroup()), dockerfile + " group " + gid);
            assertEquals(gid, String.valueOf(sc.getFsGroup()), "fsGroup is the image's group " + gid);
        }
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

    private static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type, String kind) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast)
                .filter(o -> o.getKind().equals(kind)).toList();
        assertEquals(1, found.size(), "one " + kind);
        return found.getFirst();
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
