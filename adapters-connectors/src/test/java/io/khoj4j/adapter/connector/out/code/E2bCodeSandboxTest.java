package io.khoj4j.adapter.connector.out.code;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.CodeSandbox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * E2B against WireMock speaking its real wire formats: the sandbox API, envd's files and Connect listing, and the
 * code interpreter's JSON lines; refusals, rate limits, server errors, malformed answers and a program out of time,
 * with the sandbox killed every time one was started.
 */
class E2bCodeSandboxTest {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private E2bCodeSandbox sandbox;

  @BeforeEach
  void start() {
    server.start();
    sandbox = sandbox(Duration.ofSeconds(3));
    server.stubFor(post(urlEqualTo("/sandboxes"))
        .willReturn(json(
            201,
            "{\"sandboxID\":\"sb1\",\"clientID\":\"c1\",\"templateID\":\"t\","
                + "\"envdVersion\":\"0.2.0\",\"envdAccessToken\":\"envd-token\"}")));
    server.stubFor(delete(urlEqualTo("/sandboxes/sb1")).willReturn(aResponse().withStatus(204)));
    server.stubFor(post(urlPathEqualTo("/sbx/49983/sb1/files"))
        .willReturn(json(
            200, "[{\"name\":\"cups.csv\",\"type\":\"file\",\"path\":\"/home/user/cups.csv\"}]")));
    listingIs(Scenario.STARTED, "ran", "[\"cups.csv\"]");
    listingIs("ran", "ran", "[\"cups.csv\", \"totals.csv\"]");
    server.stubFor(get(urlPathEqualTo("/sbx/49983/sb1/files"))
        .withQueryParam("path", equalTo("/home/user/totals.csv"))
        .willReturn(aResponse().withBody("cups,3\n")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private E2bCodeSandbox sandbox(Duration timeLimit) {
    return new E2bCodeSandbox(
        new E2bCodeSandbox.Settings(
            URI.create(server.baseUrl()),
            "e2b-key",
            null,
            server.baseUrl() + "/sbx/{port}/{id}",
            timeLimit),
        Clock.systemUTC());
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private void listingIs(String state, String next, String names) {
    StringBuilder entries = new StringBuilder();
    for (String name : names.replaceAll("[\\[\\]\" ]", "").split(",")) {
      entries
          .append(entries.isEmpty() ? "" : ",")
          .append("{\"name\":\"")
          .append(name)
          .append("\",\"type\":\"FILE_TYPE_FILE\",")
          .append("\"path\":\"/home/user/")
          .append(name)
          .append("\"}");
    }
    entries.append(
        ",{\"name\":\".cache\",\"type\":\"FILE_TYPE_DIRECTORY\",\"path\":\"/home/user/.cache\"}");
    server.stubFor(post(urlEqualTo("/sbx/49983/sb1/filesystem.Filesystem/ListDir"))
        .inScenario("listing")
        .whenScenarioStateIs(state)
        .willSetStateTo(next)
        .willReturn(json(200, "{\"entries\":[" + entries + "]}")));
  }

  private void executeAnswers(ResponseDefinitionBuilder response) {
    server.stubFor(post(urlEqualTo("/sbx/49999/sb1/execute")).willReturn(response));
  }

  private static CodeSandbox.Program program() {
    return new CodeSandbox.Program(
        "print(3)",
        List.of(new CodeSandbox.File("cups.csv", "a\nb\nc\n".getBytes(StandardCharsets.UTF_8))));
  }

  private void verifyKilled() {
    server.verify(deleteRequestedFor(urlEqualTo("/sandboxes/sb1"))
        .withHeader("X-API-KEY", equalTo("e2b-key")));
  }

  @Test
  void aProgramRunsWithItsFilesAndGivesItsOutputFilesAndImages() {
    executeAnswers(aResponse()
        .withHeader("Content-Type", "application/x-ndjson")
        .withBody(String.join(
            "\n",
            "{\"type\":\"number_of_executions\",\"execution_count\":1}",
            "{\"type\":\"stdout\",\"text\":\"3\\n\",\"timestamp\":1}",
            "{\"type\":\"result\",\"png\":\"" + Base64.getEncoder().encodeToString(PNG)
                + "\",\"text\":\"<Figure>\",\"is_main_result\":false}",
            "{\"type\":\"end_of_execution\"}",
            "")));

    CodeSandbox.Run run = sandbox.run(program());

    assertThat(run.success()).isTrue();
    assertThat(run.stdout()).isEqualTo("3\n");
    assertThat(run.stderr()).isEmpty();
    assertThat(run.outputFiles())
        .extracting(CodeSandbox.File::name)
        .containsExactly("totals.csv", "image_1.png");
    assertThat(new String(run.outputFiles().getFirst().data(), StandardCharsets.UTF_8))
        .isEqualTo("cups,3\n");
    assertThat(run.outputFiles().get(1).data()).isEqualTo(PNG);
    assertThat(run.runtime()).isPresent();
    server.verify(postRequestedFor(urlEqualTo("/sandboxes"))
        .withHeader("X-API-KEY", equalTo("e2b-key"))
        .withRequestBody(equalToJson("{\"templateID\":\"pmt2o0ghpang8gbiys57\",\"timeout\":63}")));
    server.verify(postRequestedFor(urlPathEqualTo("/sbx/49983/sb1/files"))
        .withQueryParam("path", equalTo("/home/user/cups.csv"))
        .withHeader("X-Access-Token", equalTo("envd-token"))
        .withHeader("Content-Type", containing("multipart/form-data; boundary="))
        .withRequestBody(containing("filename=\"cups.csv\""))
        .withRequestBody(containing("a\nb\nc\n")));
    server.verify(postRequestedFor(urlEqualTo("/sbx/49999/sb1/execute"))
        .withHeader("X-Access-Token", equalTo("envd-token"))
        .withHeader("E2b-Sandbox-Id", equalTo("sb1"))
        .withRequestBody(equalToJson("{\"code\":\"print(3)\",\"language\":\"python\"}")));
    server.verify(getRequestedFor(urlPathEqualTo("/sbx/49983/sb1/files"))
        .withQueryParam("path", equalTo("/home/user/totals.csv")));
    verifyKilled();
  }

  @Test
  void anOutputFileOverItsSizeIsNotKeptAndTheRunSaysSo() {
    // a program can write gigabytes; they were read whole into the server's memory
    listingIs("ran", "ran", "[\"cups.csv\", \"totals.csv\", \"huge.bin\"]");
    server.stubFor(get(urlPathEqualTo("/sbx/49983/sb1/files"))
        .withQueryParam("path", equalTo("/home/user/huge.bin"))
        .willReturn(
            aResponse().withBody(new byte[(int) E2bCodeSandbox.MAX_OUTPUT_FILE_BYTES + 1])));
    executeAnswers(aResponse()
        .withHeader("Content-Type", "application/x-ndjson")
        .withBody("{\"type\":\"end_of_execution\"}\n"));

    CodeSandbox.Run run = sandbox.run(program());

    assertThat(run.outputFiles()).extracting(CodeSandbox.File::name).containsExactly("totals.csv");
    assertThat(run.stderr()).contains("The output file huge.bin was not kept");
    verifyKilled();
  }

  @Test
  void aProgramThatRaisesIsAFailedRunWithItsError() {
    executeAnswers(aResponse()
        .withBody(String.join(
            "\n",
            "{\"type\":\"stdout\",\"text\":\"before\\n\",\"timestamp\":1}",
            "{\"type\":\"error\",\"name\":\"ZeroDivisionError\",\"value\":\"division by zero\","
                + "\"traceback\":\"Traceback: line 1\"}",
            "{\"type\":\"end_of_execution\"}")));

    CodeSandbox.Run run = sandbox.run(program());

    assertThat(run.success()).isFalse();
    assertThat(run.stdout()).isEqualTo("before\n");
    assertThat(run.stderr()).contains("ZeroDivisionError: division by zero").contains("Traceback");
    verifyKilled();
  }

  @Test
  void aProgramOutOfTimeIsStoppedAndTheSandboxKilled() {
    sandbox = sandbox(Duration.ofSeconds(1));
    executeAnswers(
        aResponse().withBody("{\"type\":\"stdout\",\"text\":\"late\"}").withFixedDelay(3_000));

    CodeSandbox.Run run = sandbox.run(program());

    assertThat(run.success()).isFalse();
    assertThat(run.stderr()).contains("did not finish within 1 s");
    verifyKilled();
  }

  @Test
  void aRefusedKeyOrARateLimitStartsNoSandbox() {
    server.stubFor(post(urlEqualTo("/sandboxes"))
        .willReturn(json(401, "{\"code\":401,\"message\":\"Invalid API key\"}")));
    assertThatThrownBy(() -> sandbox.run(program()))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("E2B refused the API key");

    server.stubFor(post(urlEqualTo("/sandboxes"))
        .willReturn(json(429, "{\"code\":429}").withHeader("Retry-After", "30")));
    assertThatThrownBy(() -> sandbox.run(program()))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("429, retry after 30 s");
    server.verify(0, deleteRequestedFor(urlEqualTo("/sandboxes/sb1")));
  }

  @Test
  void aFailingOrMalformedInterpreterIsAnUpstreamFailureAndTheSandboxIsKilled() {
    executeAnswers(aResponse().withStatus(500).withBody("boom"));
    assertThatThrownBy(() -> sandbox.run(program()))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("E2B failed with status 500");
    verifyKilled();

    server.resetRequests();
    server.setScenarioState("listing", Scenario.STARTED);
    executeAnswers(aResponse().withBody("this is not json\n"));
    assertThatThrownBy(() -> sandbox.run(program()))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("unreadable");
    verifyKilled();
  }

  @Test
  void aSandboxWithoutAnIdIsAnUpstreamFailure() {
    server.stubFor(post(urlEqualTo("/sandboxes")).willReturn(json(201, "{\"clientID\":\"c1\"}")));

    assertThatThrownBy(() -> sandbox.run(program()))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("no sandboxID");
  }
}
