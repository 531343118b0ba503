package io.ghlcredly.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ghlcredly.app.cli.RootCommand;
import io.ghlcredly.app.config.AppConfig;
import io.ghlcredly.app.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/**
 * The Dockerfile, the compose example, the example configuration and the systemd unit cannot be run
 * here (no Docker, no systemd), so this keeps them consistent with each other, the build and the
 * README.
 */
class PackagingFilesTest {
  private static final Path ROOT = Path.of("..");
  private static final Path COMPOSE = ROOT.resolve("deploy/docker-compose.yml");
  private static final Path EXAMPLE_CONFIG = ROOT.resolve("deploy/ghl-credly.example.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern README_ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\|");
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)");
  private static final String SERVICE = "ghl-credly";
  private static final String SECOND_SERVICE = "ghl-credly-2";
  private static final String INSTANCE_NAME = "GCS_SERVER_INSTANCE_NAME";

  @Test
  void dockerfileCopiesTheShadedJarAndRunsIt() throws Exception {
    Map<String, List<String>> docker = dockerInstructions();
    String jar = "app/target/" + shadedJarName() + ".jar";

    List<String> copy =
        docker.getOrDefault("COPY", List.of()).stream()
            .map(PackagingFilesTest::words)
            .filter(words -> words.get(0).equals("--from=build"))
            .findFirst()
            .orElseThrow();
    assertThat(copy.get(1)).endsWith("/" + jar);
    String installed = copy.get(2);
    List<String> command = commandLine(docker);
    assertThat(command.subList(0, 1)).containsExactly("java");
    assertThat(command.get(command.indexOf("-jar") + 1)).isEqualTo(installed);
    assertThat(docker.get("FROM"))
        .hasSize(2)
        .satisfies(from -> assertThat(from.get(0)).contains("temurin-21").endsWith("AS build"))
        .satisfies(from -> assertThat(from.get(1)).isEqualTo("eclipse-temurin:21-jre"));
    assertThat(only(docker, "USER")).isNotIn("root", "0");
    assertThat(only(docker, "VOLUME")).isEqualTo("/data");
  }

  @Test
  void dockerAndComposeRunServeWithTheMountedConfiguration() throws Exception {
    List<String> imageArgs = argumentsAfterJar(commandLine(dockerInstructions()));
    JsonNode service = composeService();
    List<String> composeArgs = new ArrayList<>();
    service.path("command").forEach(arg -> composeArgs.add(arg.asText()));

    assertThat(composeArgs).isEqualTo(imageArgs);
    assertThat(subcommand(imageArgs)).isEqualTo("serve");
    String configPath = imageArgs.get(imageArgs.indexOf("-c") + 1);
    assertThat(volumes(service))
        .containsEntry(configPath, "./ghl-credly.example.yaml")
        .containsEntry("/data", "app-data");
  }

  @Test
  void everyFileUsesTheSamePortAndHealthEndpoint() throws Exception {
    Map<String, List<String>> docker = dockerInstructions();
    int port = Integer.parseInt(only(docker, "EXPOSE"));
    JsonNode service = composeService();
    String dockerHealth = only(docker, "HEALTHCHECK");
    List<String> composeHealth = new ArrayList<>();
    service.path("healthcheck").path("test").forEach(arg -> composeHealth.add(arg.asText()));

    assertThat(port).isEqualTo(loadExampleConfig().server().port());
    assertThat(service.path("ports").get(0).asText()).endsWith(":" + port);
    assertThat(dockerHealth).contains("http://127.0.0.1:" + port + "/health/live");
    assertThat(composeHealth).contains("http://127.0.0.1:" + port + "/health/live");
  }

  @Test
  void composeRunsASecondInstanceLikeTheFirstOnTheSameDatabaseAndKey() throws Exception {
    JsonNode first = composeService();
    JsonNode second = YAML.readTree(COMPOSE.toFile()).path("services").path(SECOND_SERVICE);
    Map<String, String> firstEnvironment = environment(first);
    Map<String, String> secondEnvironment = environment(second);

    for (String same : List.of("build", "image", "command", "volumes", "healthcheck")) {
      assertThat(second.path(same)).as(same).isEqualTo(first.path(same));
    }
    assertThat(second.path("depends_on").path(SERVICE).path("condition").asText())
        .isEqualTo("service_healthy");
    assertThat(second.path("ports").get(0).asText())
        .isNotEqualTo(first.path("ports").get(0).asText());
    assertThat(secondEnvironment.get(INSTANCE_NAME))
        .isNotBlank()
        .isNotEqualTo(firstEnvironment.get(INSTANCE_NAME));
    secondEnvironment.remove(INSTANCE_NAME);
    firstEnvironment.remove(INSTANCE_NAME);
    assertThat(secondEnvironment).isEqualTo(firstEnvironment);
  }

  @Test
  void composeRunsPostgres16WithAVolumeAndTheServicePointsAtIt() throws Exception {
    JsonNode compose = YAML.readTree(COMPOSE.toFile());
    JsonNode db = compose.path("services").path("db");
    AppConfig config = loadExampleConfig();

    assertThat(db.path("image").asText()).isEqualTo("postgres:16");
    assertThat(volumes(db)).containsEntry("/var/lib/postgresql/data", "db-data");
    assertThat(db.path("healthcheck").path("test").toString()).contains("pg_isready");
    assertThat(compose.path("volumes").has("db-data")).isTrue();
    assertThat(compose.path("volumes").has("app-data")).isTrue();
    assertThat(composeService().path("depends_on").path("db").path("condition").asText())
        .isEqualTo("service_healthy");
    URI database = URI.create(config.storage().url().substring("jdbc:".length()));
    assertThat(database.getScheme()).isEqualTo("postgresql");
    assertThat(compose.path("services").has(database.getHost())).isTrue();
    assertThat(database.getPath())
        .isEqualTo("/" + db.path("environment").path("POSTGRES_DB").asText());
    assertThat(config.storage().username())
        .isEqualTo(db.path("environment").path("POSTGRES_USER").asText());
  }

  @Test
  void composeSettingsAndExampleKeysAreInTheReadmeReference() throws Exception {
    Set<String> documented = readmeConfigurationKeys();
    Map<String, String> overrides = ConfigLoader.overrideVariables();
    Set<String> composeKeys = new TreeSet<>();
    for (String variable : composeEnvironment().keySet()) {
      if (variable.startsWith("GCS_") && !variable.equals("GCS_LOG_FORMAT")) {
        assertThat(overrides).as(variable).containsKey(variable);
        composeKeys.add(overrides.get(variable));
      }
    }
    Set<String> exampleKeys = new TreeSet<>();
    flatten("", YAML.readTree(EXAMPLE_CONFIG.toFile()), exampleKeys);

    assertThat(composeKeys).isNotEmpty();
    assertThat(documented).containsAll(composeKeys).containsAll(exampleKeys);
  }

  @Test
  void secretsComeFromTheEnvironmentThatComposePasses() throws Exception {
    Set<String> referenced = new TreeSet<>();
    Matcher reference = REFERENCE.matcher(Files.readString(EXAMPLE_CONFIG));
    while (reference.find()) {
      referenced.add(reference.group(1));
    }
    Map<String, String> composeEnvironment = composeEnvironment();
    Map<String, String> dotEnv = envExample();
    Set<String> composeNeeds = new TreeSet<>();
    for (String value : composeEnvironment.values()) {
      Matcher needed = REFERENCE.matcher(value);
      while (needed.find()) {
        composeNeeds.add(needed.group(1));
      }
    }

    assertThat(referenced)
        .contains("ADMIN_TOKEN", "POSTGRES_PASSWORD", "GHL_PRIVATE_TOKEN", "GHL_LOCATION_ID");
    assertThat(composeEnvironment.keySet()).containsAll(referenced);
    assertThat(dotEnv.keySet()).containsAll(composeNeeds);
    assertThat(Files.readString(ROOT.resolve(".dockerignore"))).contains("deploy/.env");
  }

  @Test
  void exampleConfigurationLoadsWithTheComposeEnvironment() throws Exception {
    AppConfig config = loadExampleConfig();

    assertThat(config.storage().url()).startsWith("jdbc:postgresql://db:5432/");
    assertThat(config.server().adminToken()).isNotNull();
    assertThat(config.storage().password()).isNotNull();
    assertThat(config.secrets().keyFile()).isEqualTo(Path.of("/data/secret.key"));
    assertThat(config.jobs().workers()).isEqualTo(4);
    // It receives webhooks, so it reconciles the token's location to find those GHL never sent.
    assertThat(config.ghl().reconcile().enabled()).isTrue();
    assertThat(config.ghl().privateTokenLocation()).isEqualTo(envExample().get("GHL_LOCATION_ID"));
  }

  @Test
  void envExampleLeavesTheAdminTokenToBeMadeSoNoCopyCarriesAKnownOne() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("deploy/.env.example"));
    int token = lines.indexOf("ADMIN_TOKEN=");

    assertThat(token).as("ADMIN_TOKEN= with no value").isPositive();
    assertThat(lines.get(token - 1)).startsWith("#").contains("openssl rand -base64 32");
    assertThat(Files.readString(COMPOSE)).contains("set ADMIN_TOKEN in deploy/.env");
  }

  @Test
  void systemdUnitRunsTheLauncherTheInstallerPutsInPlace() throws IOException {
    String install = commands(ROOT.resolve("deploy/install.sh"));
    String prefix = matching(install, "prefix=\"\\$\\{GCS_PREFIX:-([^}]+)}\"");
    List<String> execStart = Arrays.asList(unit().getOrDefault("ExecStart", "").split(" ", -1));

    assertThat(execStart.get(0)).isEqualTo(prefix + "/ghl-credly");
    for (String installed :
        List.of("ghl-credly", "bin/find-jdk", "bin/jvm-options", "lib/ghl-credly.jar")) {
      assertThat(install)
          .as("install.sh installs " + installed)
          .containsPattern(
              "install -m \\d+ \"\\$release/"
                  + Pattern.quote(installed)
                  + "\" \"\\$prefix/"
                  + Pattern.quote(installed)
                  + "\"");
    }
  }

  @Test
  void theReleaseHoldsWhatTheInstallerCopiesAndNothingIsBuiltOnTheHost() throws IOException {
    String install = commands(ROOT.resolve("deploy/install.sh"));
    String release = commands(ROOT.resolve("deploy/build-release.sh"));
    Set<String> read = new TreeSet<>();
    Matcher path = Pattern.compile("\\$release/([A-Za-z0-9./_-]+)").matcher(install);
    while (path.find()) {
      read.add(path.group(1));
    }

    assertThat(read).contains("lib/ghl-credly.jar", "ghl-credly", "deploy/ghl-credly.service");
    for (String file : read) {
      assertThat(release)
          .as("build-release.sh puts " + file + " in the release")
          .satisfiesAnyOf(
              text -> assertThat(text).contains("\"$release/" + file + "\""),
              text -> assertThat(text).contains("\"$release/" + parent(file) + "/\""));
    }
    assertThat(install).doesNotContainPattern("\\bmvnw?\\b").doesNotContain("build-release.sh ");
    assertThat(commands(ROOT.resolve("ghl-credly")))
        .as("the launcher builds only in a source checkout")
        .containsPattern(
            "if \\[ -f \"\\$root/lib/ghl-credly.jar\" \\]; then\\s+jar=\"\\$root/lib/ghl-credly.jar\"");
  }

  @Test
  void theLauncherRunsAReleaseOnAJavaRuntimeAndNeverCallsMaven(@TempDir Path release)
      throws Exception {
    Files.createDirectories(release.resolve("bin"));
    Files.createDirectories(release.resolve("lib"));
    for (String file : List.of("ghl-credly", "bin/find-jdk", "bin/jvm-options")) {
      Files.copy(ROOT.resolve(file), release.resolve(file));
    }
    probeJar(release.resolve("lib/ghl-credly.jar"));
    // Sources newer than the jar would make a checkout rebuild; a release must not care.
    Files.writeString(release.resolve("Newer.java"), "class Newer {}");
    Path tools = Files.createDirectories(release.resolve("fake-tools"));
    Path called = release.resolve("maven-called");
    Path mvn = tools.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\ntouch '" + called + "'\nexit 1\n");
    mvn.toFile().setExecutable(true);

    ProcessBuilder launch =
        new ProcessBuilder(release.resolve("ghl-credly").toString(), "serve", "--flag")
            .redirectErrorStream(true);
    launch.environment().put("PATH", tools + ":" + System.getenv("PATH"));
    launch.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = launch.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output).contains("launched serve --flag").contains("-Xmx160m");
    assertThat(called).doesNotExist();
  }

  @Test
  void composeRunsAnImageBuiltElsewhereWhenToldAndTheReadmeSaysHow() throws IOException {
    assertThat(composeService().path("image").asText())
        .isEqualTo("${GCS_IMAGE:-ghl-credly-sync:latest}");
    assertThat(Files.readString(ROOT.resolve("README.md")))
        .contains("docker compose pull && docker compose up -d --no-build")
        .contains("deploy/build-release.sh", "deploy/install.sh");
  }

  @Test
  void theInstallerRefusesASourceCheckout() throws Exception {
    assertThat(ROOT.resolve("lib/ghl-credly.jar")).doesNotExist();
    Process install =
        new ProcessBuilder(ROOT.resolve("deploy/install.sh").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(install.waitFor()).isEqualTo(1);
    assertThat(output).contains("not a source checkout", "build-release.sh");
  }

  /** What {@code main} prints when the launcher runs it. */
  public static final class LauncherProbe {
    private LauncherProbe() {}

    public static void main(String[] args) {
      System.out.println("launched " + String.join(" ", args));
      System.out.println("jvm options " + ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
  }

  /** A jar whose main class is {@link LauncherProbe}: stands in for the release's jar. */
  private static void probeJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
    String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        InputStream in = PackagingFilesTest.class.getClassLoader().getResourceAsStream(entry)) {
      assertThat(in).as(entry).isNotNull();
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
      out.closeEntry();
    }
  }

  /** A shell script without its comment lines. */
  private static String commands(Path script) throws IOException {
    return Files.readAllLines(script).stream()
        .filter(line -> !line.strip().startsWith("#"))
        .reduce("", (all, line) -> all + line + "\n");
  }

  private static String matching(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as(regex).isTrue();
    return matcher.group(1);
  }

  private static String parent(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "" : file.substring(0, slash);
  }

  private static Map<String, String> unit() throws IOException {
    Map<String, String> unit = new LinkedHashMap<>();
    for (String line : Files.readAllLines(ROOT.resolve("deploy/ghl-credly.service"))) {
      int equals = line.indexOf('=');
      if (!line.startsWith("#") && equals > 0) {
        unit.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return unit;
  }

  @Test
  void systemdUnitRunsServeThroughTheLauncherHardened() throws IOException {
    Map<String, String> unit = unit();
    List<String> execStart = Arrays.asList(unit.getOrDefault("ExecStart", "").split(" ", -1));

    assertThat(Path.of(execStart.get(0)).getFileName()).isEqualTo(Path.of("ghl-credly"));
    assertThat(Files.isExecutable(ROOT.resolve("ghl-credly"))).isTrue();
    assertThat(subcommand(execStart.subList(1, execStart.size()))).isEqualTo("serve");
    assertThat(unit)
        .containsEntry("Restart", "on-failure")
        .containsEntry("NoNewPrivileges", "true")
        .containsEntry("ProtectSystem", "strict")
        .containsEntry("ReadWritePaths", unit.get("WorkingDirectory"))
        .containsKeys("EnvironmentFile", "TimeoutStopSec", "User");
    assertThat(unit.get("User")).isNotEqualTo("root");
  }

  // ---- reading the files

  private static String shadedJarName() throws Exception {
    NodeList names =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(ROOT.resolve("app/pom.xml").toFile())
            .getElementsByTagName("finalName");
    assertThat(names.getLength()).isEqualTo(1);
    Element name = (Element) names.item(0);
    return name.getTextContent().strip();
  }

  /** Instruction → its arguments, one entry per occurrence; continuation lines joined. */
  private static Map<String, List<String>> dockerInstructions() throws IOException {
    String text = Files.readString(ROOT.resolve("Dockerfile")).replaceAll("\\\\\\n\\s*", " ");
    Map<String, List<String>> instructions = new HashMap<>();
    for (String line : text.lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] parts = trimmed.split("\\s+", 2);
      instructions
          .computeIfAbsent(parts[0], name -> new ArrayList<>())
          .add(parts.length > 1 ? parts[1].strip() : "");
    }
    return instructions;
  }

  private static String only(Map<String, List<String>> docker, String instruction) {
    List<String> found = docker.getOrDefault(instruction, List.of());
    assertThat(found).as(instruction).hasSize(1);
    return found.get(0);
  }

  private static List<String> words(String text) {
    return Arrays.asList(text.split("\\s+", -1));
  }

  /** ENTRYPOINT followed by CMD, both in exec (JSON) form. */
  private static List<String> commandLine(Map<String, List<String>> docker) throws IOException {
    List<String> command = new ArrayList<>();
    for (String instruction : List.of("ENTRYPOINT", "CMD")) {
      JSON.readTree(only(docker, instruction)).forEach(arg -> command.add(arg.asText()));
    }
    return command;
  }

  private static List<String> argumentsAfterJar(List<String> command) {
    return command.subList(command.indexOf("-jar") + 2, command.size());
  }

  /** The subcommand picocli picks for these arguments (a parse error fails the test). */
  private static String subcommand(List<String> args) {
    CommandLine.ParseResult parsed =
        RootCommand.commandLine().parseArgs(args.toArray(String[]::new));
    assertThat(parsed.hasSubcommand()).as(args.toString()).isTrue();
    return parsed.subcommand().commandSpec().name();
  }

  private static JsonNode composeService() throws IOException {
    JsonNode service = YAML.readTree(COMPOSE.toFile()).path("services").path(SERVICE);
    assertThat(service.isObject()).as("services.%s", SERVICE).isTrue();
    return service;
  }

  private static Map<String, String> composeEnvironment() throws IOException {
    return environment(composeService());
  }

  private static Map<String, String> environment(JsonNode service) {
    Map<String, String> environment = new LinkedHashMap<>();
    service
        .path("environment")
        .properties()
        .forEach(entry -> environment.put(entry.getKey(), entry.getValue().asText()));
    return environment;
  }

  /** Container path → source, from "source:target[:mode]" entries. */
  private static Map<String, String> volumes(JsonNode service) {
    Map<String, String> volumes = new HashMap<>();
    for (JsonNode volume : service.path("volumes")) {
      String[] parts = volume.asText().split(":", -1);
      volumes.put(parts[1], parts[0]);
    }
    return volumes;
  }

  private static Map<String, String> envExample() throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(ROOT.resolve("deploy/.env.example"))) {
      int equals = line.indexOf('=');
      if (!line.startsWith("#") && equals > 0) {
        env.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return env;
  }

  /**
   * The example configuration as the container sees it: the compose environment, with the values
   * compose takes from deploy/.env (here: .env.example) filled in.
   */
  private static AppConfig loadExampleConfig() throws IOException {
    // Filled in as the file asks: its all-zero organization id is refused as a placeholder.
    Map<String, String> dotEnv = new HashMap<>(envExample());
    dotEnv.put("CREDLY_ORGANIZATION_ID", "7c3e9b52-4f1a-4d8e-9a61-2b5f0c8d4e17");
    Map<String, String> env = new HashMap<>();
    composeEnvironment()
        .forEach(
            (name, value) -> {
              Matcher reference = REFERENCE.matcher(value);
              env.put(name, reference.find() ? dotEnv.getOrDefault(reference.group(1), "") : value);
            });
    // Left empty on purpose (see envExampleLeavesTheAdminTokenToBeMade...): what openssl makes.
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    env.put("ADMIN_TOKEN", Base64.getEncoder().encodeToString(random));
    return ConfigLoader.load(EXAMPLE_CONFIG, env);
  }

  /** Dotted keys of the scalars; lists (rules, key lists) count as their own key. */
  private static void flatten(String prefix, JsonNode node, Set<String> keys) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              entry ->
                  flatten(
                      prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(),
                      entry.getValue(),
                      keys));
    } else {
      keys.add(prefix);
    }
  }

  private static Set<String> readmeConfigurationKeys() throws IOException {
    Set<String> documented = new TreeSet<>();
    boolean inReference = false;
    for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
      if (line.startsWith("#")) {
        inReference = line.equals("### Configuration reference");
        continue;
      }
      Matcher row = README_ROW.matcher(line);
      if (inReference && row.find()) {
        documented.add(row.group(1));
      }
    }
    return documented;
  }
}
