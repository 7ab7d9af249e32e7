package io.khoj4j.adapter.connector.out.code;

import com.fasterxml.jackson.databind.JsonNode;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.CodeSandbox;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * E2B's cloud sandbox (Khoj uses it when {@code E2B_API_KEY} is set), over its HTTP APIs since E2B has no Java SDK:
 * {@code POST {api}/sandboxes} ({@code X-API-KEY}, {@code {"templateID", "timeout"}}) starts a sandbox; its envd
 * daemon (port 49983) takes the input files ({@code POST /files?path=}, multipart) and lists and serves the working
 * folder ({@code /filesystem.Filesystem/ListDir}, Connect JSON; {@code GET /files?path=}); the code interpreter (port
 * 49999) runs the program ({@code POST /execute}, answering one JSON line per event: {@code stdout}, {@code stderr},
 * {@code result}, {@code error}). Files the program wrote and images it displayed come back as output files. The
 * sandbox is always killed afterwards ({@code DELETE {api}/sandboxes/{id}}), also when something failed. A sandbox's
 * address is {@code {scheme}://{port}-{sandboxID}.{domain}}, or the {@code sandboxUrl} pattern when set (tests, a
 * self-hosted E2B).
 */
public final class E2bCodeSandbox implements CodeSandbox {

  /** Output files kept from a run: how many, how large each, how large together. */
  static final int MAX_OUTPUT_FILES = 10;

  static final long MAX_OUTPUT_FILE_BYTES = 10L * 1024 * 1024;
  static final long MAX_OUTPUT_BYTES = 25L * 1024 * 1024;

  private static final Logger LOG = Logger.getLogger(E2bCodeSandbox.class);
  private static final String VENDOR = "E2B";

  public static final URI DEFAULT_API = URI.create("https://api.e2b.app");
  /** Khoj's template: Python with the data-science packages Khoj's prompts promise. */
  public static final String DEFAULT_TEMPLATE = "pmt2o0ghpang8gbiys57";

  static final int ENVD_PORT = 49983;
  static final int INTERPRETER_PORT = 49999;
  static final String HOME = "/home/user";
  /** Kinds of a displayed result kept as files, in this order; each is also the file's extension. */
  private static final List<String> IMAGES = List.of("png", "jpeg", "svg");

  /**
   * Where and how: the API, the key, the template, the sandbox address pattern ({@code {port}}, {@code {id}} and
   * {@code {domain}} replaced), and the time a program may run.
   */
  public record Settings(
      URI api, String apiKey, String template, String sandboxUrl, Duration timeLimit) {
    public Settings {
      api = api == null ? DEFAULT_API : api;
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("E2B needs an API key (E2B_API_KEY)");
      }
      template = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template.strip();
      sandboxUrl =
          sandboxUrl == null || sandboxUrl.isBlank() ? "https://{port}-{id}.{domain}" : sandboxUrl;
      timeLimit = timeLimit == null ? Duration.ofSeconds(60) : timeLimit;
    }
  }

  private final Settings settings;
  private final VendorHttp http;
  private final Clock clock;

  public E2bCodeSandbox(Settings settings, Clock clock) {
    this.settings = settings;
    this.http = new VendorHttp(Duration.ofSeconds(30));
    this.clock = clock;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Run run(Program program) {
    Sandbox sandbox = start();
    try {
      for (File file : program.files()) {
        upload(sandbox, file);
      }
      Set<String> before = listHome(sandbox);
      Instant started = clock.instant();
      Execution execution = execute(sandbox, program.code());
      Duration runtime = Duration.between(started, clock.instant());
      if (execution.timedOut()) {
        return new Run(
            false,
            execution.stdout(),
            "The program did not finish within " + settings.timeLimit().toSeconds()
                + " s and was stopped.",
            List.of(),
            Optional.of(settings.timeLimit()));
      }
      List<File> outputs = new ArrayList<>();
      StringBuilder notKept = new StringBuilder();
      long kept = 0;
      for (String path : listHome(sandbox)) {
        if (before.contains(path)) {
          continue;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        // a program can write gigabytes: files are read up to a size, a number and a total
        Optional<byte[]> bytes = outputs.size() >= MAX_OUTPUT_FILES
            ? Optional.empty()
            : http.getBytesAtMost(
                VENDOR,
                filesUrl(sandbox, path),
                envdHeaders(sandbox),
                Math.min(MAX_OUTPUT_FILE_BYTES, MAX_OUTPUT_BYTES - kept));
        if (bytes.isPresent()) {
          outputs.add(new File(name, bytes.get()));
          kept += bytes.get().length;
        } else {
          notKept
              .append("\nThe output file ")
              .append(name)
              .append(" was not kept: output files are kept up to ")
              .append(MAX_OUTPUT_FILES)
              .append(" files of ")
              .append(MAX_OUTPUT_FILE_BYTES / (1024 * 1024))
              .append(" MB, ")
              .append(MAX_OUTPUT_BYTES / (1024 * 1024))
              .append(" MB in all.");
        }
      }
      outputs.addAll(execution.images());
      return new Run(
          execution.error().isEmpty(),
          execution.stdout(),
          execution.stderr() + execution.error().orElse("") + notKept,
          outputs,
          Optional.of(runtime));
    } finally {
      kill(sandbox);
    }
  }

  /** A running sandbox: its id, domain and the token its daemons want. */
  private record Sandbox(String id, String domain, Optional<String> accessToken) {}

  private Sandbox start() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("templateID", settings.template());
    // the sandbox lives a little longer than the program may run, so a lost kill still ends it
    body.put("timeout", settings.timeLimit().toSeconds() + 60);
    JsonNode created = http.postJson(VENDOR, api("/sandboxes"), apiKey(), body);
    String id = VendorHttp.text(created, "sandboxID");
    if (id.isBlank()) {
      throw new UpstreamFailureException("E2B started no sandbox (no sandboxID)", false, null);
    }
    String domain = VendorHttp.text(created, "domain");
    String token = VendorHttp.text(created, "envdAccessToken");
    return new Sandbox(
        id,
        domain.isBlank() ? defaultDomain() : domain,
        token.isBlank() ? Optional.empty() : Optional.of(token));
  }

  private void kill(Sandbox sandbox) {
    try {
      http.delete(VENDOR, api("/sandboxes/" + sandbox.id()), apiKey());
    } catch (UpstreamFailureException e) {
      LOG.warnf(
          "Could not kill E2B sandbox %s (it ends by itself at its timeout): %s",
          sandbox.id(), e.getMessage());
    }
  }

  private void upload(Sandbox sandbox, File file) {
    String boundary = "khoj4j-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String name = file.name().replace("\"", "").replace("\r", "").replace("\n", "");
    body.writeBytes(
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file.data());
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    http.postText(
        VENDOR,
        filesUrl(sandbox, HOME + "/" + name),
        envdHeaders(sandbox),
        "multipart/form-data; boundary=" + boundary,
        body.toByteArray(),
        Duration.ofSeconds(30));
  }

  /** The paths of the files directly in the working folder. */
  private Set<String> listHome(Sandbox sandbox) {
    Map<String, String> headers = new LinkedHashMap<>(envdHeaders(sandbox));
    headers.put("Connect-Protocol-Version", "1");
    JsonNode listing = VendorHttp.json(
        VENDOR,
        http.postText(
            VENDOR,
            sandboxUrl(sandbox, ENVD_PORT, "/filesystem.Filesystem/ListDir"),
            headers,
            "application/json",
            ("{\"path\":\"" + HOME + "\",\"depth\":1}").getBytes(StandardCharsets.UTF_8),
            Duration.ofSeconds(30)));
    Set<String> files = new LinkedHashSet<>();
    for (JsonNode entry : listing.path("entries")) {
      String type = VendorHttp.text(entry, "type");
      String path = VendorHttp.text(entry, "path");
      if (!path.isBlank() && (type.isBlank() || type.equals("FILE_TYPE_FILE"))) {
        files.add(path);
      }
    }
    return files;
  }

  /** What a run printed, the images it displayed, its error (name, value, traceback), or that it ran out of time. */
  private record Execution(
      String stdout, String stderr, List<File> images, Optional<String> error, boolean timedOut) {}

  private Execution execute(Sandbox sandbox, String code) {
    Map<String, String> headers = new LinkedHashMap<>(envdHeaders(sandbox));
    headers.put("E2b-Sandbox-Port", String.valueOf(INTERPRETER_PORT));
    String lines;
    try {
      lines = http.postText(
          VENDOR,
          sandboxUrl(sandbox, INTERPRETER_PORT, "/execute"),
          headers,
          "application/json",
          VendorHttp.jsonBytes(Map.of("code", code, "language", "python")),
          settings.timeLimit());
    } catch (UpstreamFailureException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        return new Execution("", "", List.of(), Optional.empty(), true);
      }
      throw e;
    }
    return events(lines);
  }

  /** The interpreter's answer: one JSON object per line. */
  private static Execution events(String lines) {
    StringBuilder stdout = new StringBuilder();
    StringBuilder stderr = new StringBuilder();
    List<File> images = new ArrayList<>();
    Optional<String> error = Optional.empty();
    for (String line : lines.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode event = VendorHttp.json(VENDOR, line);
      switch (VendorHttp.text(event, "type")) {
        case "stdout" -> stdout.append(VendorHttp.text(event, "text"));
        case "stderr" -> stderr.append(VendorHttp.text(event, "text"));
        case "error" ->
          error = Optional.of(VendorHttp.text(event, "name") + ": "
              + VendorHttp.text(event, "value") + "\n" + VendorHttp.text(event, "traceback"));
        case "result" -> images.addAll(images(event, images.size()));
        default -> {
          // number_of_executions, end_of_execution and unknown events carry nothing to keep
        }
      }
    }
    return new Execution(stdout.toString(), stderr.toString(), images, error, false);
  }

  private static List<File> images(JsonNode result, int already) {
    List<File> images = new ArrayList<>();
    for (String kind : IMAGES) {
      String data = VendorHttp.text(result, kind);
      if (data.isBlank()) {
        continue;
      }
      String name = "image_" + (already + images.size() + 1) + "." + kind;
      byte[] bytes =
          kind.equals("svg") ? data.getBytes(StandardCharsets.UTF_8) : decode(data, name);
      images.add(new File(name, bytes));
    }
    return images;
  }

  private static byte[] decode(String base64, String name) {
    try {
      return Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new UpstreamFailureException("E2B sent an image that is not base64: " + name, false, e);
    }
  }

  private Map<String, String> apiKey() {
    return Map.of("X-API-KEY", settings.apiKey());
  }

  /** The daemon's token, and the sandbox and port for an address that serves every sandbox (E2B_SANDBOX_URL). */
  private static Map<String, String> envdHeaders(Sandbox sandbox) {
    Map<String, String> headers = new LinkedHashMap<>();
    sandbox.accessToken().ifPresent(t -> headers.put("X-Access-Token", t));
    headers.put("E2b-Sandbox-Id", sandbox.id());
    headers.put("E2b-Sandbox-Port", String.valueOf(ENVD_PORT));
    return headers;
  }

  private URI api(String path) {
    return URI.create(settings.api().toString().replaceAll("/+$", "") + path);
  }

  private URI filesUrl(Sandbox sandbox, String path) {
    return sandboxUrl(
        sandbox, ENVD_PORT, "/files?" + VendorHttp.query(Map.of("path", path, "username", "user")));
  }

  private URI sandboxUrl(Sandbox sandbox, int port, String path) {
    String base = settings
        .sandboxUrl()
        .replace("{port}", String.valueOf(port))
        .replace("{id}", sandbox.id())
        .replace("{domain}", sandbox.domain());
    return URI.create(base.replaceAll("/+$", "") + path);
  }

  /** {@code e2b.app} for E2B's own API, else the API host without its {@code api.} prefix. */
  private String defaultDomain() {
    String host = settings.api().getHost();
    return host != null && host.startsWith("api.") ? host.substring(4) : "e2b.app";
  }
}
