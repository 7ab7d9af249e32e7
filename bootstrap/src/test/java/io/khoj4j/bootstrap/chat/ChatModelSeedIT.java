package io.khoj4j.bootstrap.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.khoj4j.application.port.in.model.ConfigureChatModelsCommand;
import io.khoj4j.application.port.in.model.ConfigureChatModelsUseCase;
import io.khoj4j.application.port.in.model.SeedChatModelsCommand;
import io.khoj4j.application.port.in.model.SeedChatModelsUseCase;
import io.khoj4j.application.port.out.model.ChatModelRepository;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.domain.chat.AiModelApi;
import io.khoj4j.domain.chat.ChatModel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seeding from the environment against PostgreSQL, the real secret box and the real model listing: one row per API
 * and model however often the server starts, vendor keys sealed at rest, administrators' changes kept.
 */
@QuarkusTest
class ChatModelSeedIT {

  private static final List<String> SEEDED_APIS = List.of("OpenAI-compatible", "Anthropic");

  @Inject
  SeedChatModelsUseCase seed;

  @Inject
  ConfigureChatModelsUseCase configure;

  @Inject
  ChatModelRepository repository;

  @Inject
  UnitOfWork unitOfWork;

  @Inject
  DataSource dataSource;

  private final WireMockServer server = new WireMockServer(options().dynamicPort());
  private Optional<Long> defaultBefore;

  @BeforeEach
  void start() {
    server.start();
    server.stubFor(
        get(urlEqualTo("/v1/models"))
            .willReturn(
                okJson(
                    "{\"object\":\"list\",\"data\":["
                        + "{\"id\":\"llama3.2:latest\",\"object\":\"model\",\"created\":1730000000,\"owned_by\":\"library\"},"
                        + "{\"id\":\"qwen2.5:7b\",\"object\":\"model\",\"created\":1730000001,\"owned_by\":\"library\"}]}")));
    removeSeededApis();
    defaultBefore = repository.defaultModelId();
  }

  @AfterEach
  void stop() {
    server.stop();
    removeSeededApis();
    unitOfWork.run(() -> repository.setDefaultModel(
        defaultBefore.filter(id -> repository.model(id).isPresent())));
  }

  private void removeSeededApis() {
    unitOfWork.run(() -> SEEDED_APIS.forEach(
        name -> repository.apiByName(name).ifPresent(api -> repository.deleteApi(api.id()))));
  }

  private List<List<String>> rows(String sql, String... params) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setString(i + 1, params[i]);
      }
      List<List<String>> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
            row.add(rs.getString(col));
          }
          out.add(row);
        }
      }
      return out;
    }
  }

  @Test
  void startingTwiceKeepsOneRowOfEachTheKeysSealedAndTheAdministratorsChanges() throws Exception {
    SeedChatModelsCommand env = new SeedChatModelsCommand(
        Optional.of("sk-seed-secret-123"),
        Optional.of(server.baseUrl() + "/v1"),
        Optional.of("sk-ant-seed-456"),
        Optional.empty(),
        Optional.of("qwen2.5:7b"));

    seed.seed(env);
    AiModelApi local = repository.apiByName("OpenAI-compatible").orElseThrow();
    ChatModel llama = repository.modelByName(local.id(), "llama3.2:latest").orElseThrow();
    configure.configure(new ConfigureChatModelsCommand.SaveModel(
        llama.id(),
        llama.name(),
        "Llama (GPU box)",
        llama.vendor(),
        32_000,
        false,
        llama.priceTier(),
        null,
        null,
        local.id()));
    seed.seed(env);

    assertThat(rows(
            "select name, base_url from ai_model_apis where name in ('OpenAI-compatible', 'Anthropic') "
                + "order by name"))
        .containsExactly(
            Arrays.asList("Anthropic", null),
            List.of("OpenAI-compatible", server.baseUrl() + "/v1"));
    assertThat(rows(
            "select m.name, count(*) from chat_models m join ai_model_apis a on a.id = m.ai_model_api_id "
                + "where a.name = ? group by m.name order by m.name",
            "OpenAI-compatible"))
        .containsExactly(List.of("llama3.2:latest", "1"), List.of("qwen2.5:7b", "1"));
    assertThat(rows(
            "select count(*) from chat_models m join ai_model_apis a on a.id = m.ai_model_api_id "
                + "where a.name = ?",
            "Anthropic"))
        .containsExactly(List.of("2"));
    for (List<String> sealed : rows("select api_key_sealed from ai_model_apis where name in "
        + "('OpenAI-compatible', 'Anthropic')")) {
      assertThat(sealed.getFirst())
          .startsWith("v1.")
          .doesNotContain("sk-seed")
          .doesNotContain("sk-ant");
    }
    assertThat(
            rows("select friendly_name, max_prompt_size from chat_models where id = " + llama.id()))
        .containsExactly(List.of("Llama (GPU box)", "32000"));
    assertThat(repository.defaultModelId().flatMap(repository::model).map(ChatModel::name))
        .contains("qwen2.5:7b");
    server.verify(
        2,
        getRequestedFor(urlEqualTo("/v1/models"))
            .withHeader("Authorization", equalTo("Bearer sk-seed-secret-123")));
  }
}
