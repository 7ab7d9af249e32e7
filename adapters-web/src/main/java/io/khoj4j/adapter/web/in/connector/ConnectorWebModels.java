package io.khoj4j.adapter.web.in.connector;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Khoj's JSON for the connector routes; the names live here only. */
final class ConnectorWebModels {

  private ConnectorWebModels() {}

  record RepoModel(String name, String owner, String branch) {}

  /** {@code POST /api/content/github}: Khoj accepts {@code pat_token} and its alias {@code pat-token}. */
  record GithubRequest(
      @JsonProperty("pat_token") @JsonAlias("pat-token") String patToken, List<RepoModel> repos) {}

  record NotionRequest(String token) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record GithubConfigModel(@JsonProperty("pat_token") String patToken, List<RepoModel> repos) {}

  record NotionConfigModel(String token) {}

  /** Khoj's base user keys plus {@code current_config}. */
  record ConnectorResponse(
      String username,
      @JsonProperty("user_photo") String userPhoto,
      @JsonProperty("is_active") boolean isActive,
      @JsonProperty("has_documents") boolean hasDocuments,
      @JsonProperty("khoj_version") String khojVersion,
      @JsonProperty("current_config") Object currentConfig) {}
}
