package io.khoj4j.adapter.connector.out.code;

import com.fasterxml.jackson.databind.JsonNode;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.CodeSandbox;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Terrarium, Khoj's self-hosted Python sandbox ({@code KHOJ_TERRARIUM_URL}): {@code POST {url}} with
 * {@code {"code", "files": [{filename, b64_data}]}}, answering {@code {success, std_out, std_err, output_files,
 * code_runtime}} (milliseconds). The program runs there, never inside this server. A program still running at the
 * time limit is reported as a failed run, and Terrarium is asked to stop it ({@code GET {url}/stop}), as Khoj does.
 */
public final class TerrariumCodeSandbox implements CodeSandbox {

  private final VendorHttp http;
  private final URI url;
  private final Duration timeLimit;

  public TerrariumCodeSandbox(URI url, Duration timeLimit) {
    this.http = new VendorHttp(timeLimit);
    this.url = url;
    this.timeLimit = timeLimit;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Run run(Program program) {
    List<Map<String, String>> files = new ArrayList<>();
    for (File f : program.files()) {
      files.add(
          Map.of("filename", f.name(), "b64_data", Base64.getEncoder().encodeToString(f.data())));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", program.code());
    body.put("files", files);
    JsonNode answer;
    try {
      answer = http.postJson("Terrarium", url, Map.of(), body);
    } catch (UpstreamFailureException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        stop();
        return new Run(
            false,
            "",
            "The program did not finish within " + timeLimit.toMillis() + " ms and was stopped.",
            List.of(),
            Optional.of(timeLimit));
      }
      throw e;
    }
    List<File> outputs = new ArrayList<>();
    for (JsonNode file : answer.path("output_files")) {
      String name = VendorHttp.text(file, "filename");
      if (name.isBlank()) {
        continue;
      }
      try {
        String data = VendorHttp.text(file, "b64_data").replaceAll("\\s", "");
        outputs.add(new File(name, Base64.getDecoder().decode(data)));
      } catch (IllegalArgumentException e) {
        throw new UpstreamFailureException(
            "Terrarium sent an output file that is not base64: " + name, false, e);
      }
    }
    String stderr = VendorHttp.text(answer, "std_err");
    JsonNode error = answer.path("error");
    if (stderr.isBlank() && error.isObject()) {
      stderr = (VendorHttp.text(error, "type") + ": " + VendorHttp.text(error, "message")).strip();
    }
    JsonNode runtime = answer.path("code_runtime");
    return new Run(
        answer.path("success").asBoolean(false),
        VendorHttp.text(answer, "std_out"),
        stderr,
        outputs,
        runtime.isNumber() ? Optional.of(Duration.ofMillis(runtime.asLong())) : Optional.empty());
  }

  private void stop() {
    try {
      http.getText(
          "Terrarium", URI.create(url.toString().replaceAll("/+$", "") + "/stop"), Map.of(), "*/*");
    } catch (UpstreamFailureException e) {
      // best effort: Terrarium restarts its interpreter on the next run anyway
    }
  }
}
