package io.khoj4j.adapter.connector.out.code;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.CodeSandbox;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Terrarium against a local stub of its wire format. */
class TerrariumCodeSandboxTest {

  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
  private CodeSandbox sandbox;

  @BeforeEach
  void start() {
    server.start();
    sandbox = new TerrariumCodeSandbox(
        URI.create("http://127.0.0.1:" + server.port() + "/"), Duration.ofSeconds(20));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private static CodeSandbox.Program program() {
    return new CodeSandbox.Program(
        "print(open('in.csv').read())",
        List.of(new CodeSandbox.File("in.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void sendsTheProgramWithItsFilesAndReadsTheRun() {
    server.stubFor(post("/")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
        {"success":true,"std_out":"a,b\\n1,2\\n","std_err":"","code_runtime":42,"final_expression":null,
         "output_files":[{"filename":"chart.png","b64_data":"iVBORw=="}]}""")));

    CodeSandbox.Run run = sandbox.run(program());

    assertThat(run.success()).isTrue();
    assertThat(run.stdout()).isEqualTo("a,b\n1,2\n");
    assertThat(run.runtime()).contains(Duration.ofMillis(42));
    assertThat(run.outputFiles()).singleElement().satisfies(f -> {
      assertThat(f.name()).isEqualTo("chart.png");
      assertThat(f.data()).containsExactly(0x89, 'P', 'N', 'G');
    });
    server.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("""
        {"code":"print(open('in.csv').read())","files":[{"filename":"in.csv","b64_data":"YSxiCjEsMgo="}]}""")));
  }

  @Test
  void aFailingProgramIsAFailedRunWithItsError() {
    server.stubFor(post("/")
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
        {"success":false,"error":{"type":"ZeroDivisionError","message":"division by zero"},"std_out":"",
         "std_err":"","code_runtime":3}""")));

    CodeSandbox.Run run = sandbox.run(program());

    assertThat(run.success()).isFalse();
    assertThat(run.stderr()).isEqualTo("ZeroDivisionError: division by zero");
    assertThat(run.outputFiles()).isEmpty();
  }

  @Test
  void aProgramPastTheTimeLimitIsStoppedAndReportedAsAFailedRun() {
    sandbox = new TerrariumCodeSandbox(
        URI.create("http://127.0.0.1:" + server.port()), Duration.ofMillis(500));
    server.stubFor(post("/").willReturn(aResponse().withFixedDelay(3_000).withBody("{}")));
    server.stubFor(get("/stop").willReturn(aResponse().withStatus(200)));

    CodeSandbox.Run run = sandbox.run(program());

    assertThat(run.success()).isFalse();
    assertThat(run.stderr()).contains("did not finish within");
    server.verify(getRequestedFor(urlEqualTo("/stop")));
  }

  @Test
  void sandboxFailuresAreUpstreamFailures() {
    server.stubFor(post("/").willReturn(aResponse().withStatus(500)));
    assertThatThrownBy(() -> sandbox.run(program()))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("Terrarium failed with status 500");

    server.stubFor(
        post("/").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));
    assertThatThrownBy(() -> sandbox.run(program())).hasMessageContaining("(429, retry after 5 s)");

    server.stubFor(
        post("/").willReturn(aResponse().withStatus(200).withBody("Traceback (most recent call")));
    assertThatThrownBy(() -> sandbox.run(program())).hasMessageContaining("unreadable answer");

    server.stubFor(post("/").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    assertThatThrownBy(() -> sandbox.run(program())).hasMessageContaining("could not be reached");

    server.stubFor(
        post("/")
            .willReturn(
                aResponse()
                    .withBody(
                        "{\"success\":true,\"output_files\":[{\"filename\":\"x\",\"b64_data\":\"%%%\"}]}")));
    assertThatThrownBy(() -> sandbox.run(program())).hasMessageContaining("not base64");
  }
}
