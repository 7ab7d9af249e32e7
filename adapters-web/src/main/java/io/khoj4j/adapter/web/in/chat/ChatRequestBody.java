package io.khoj4j.adapter.web.in.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Khoj's chat request body; unknown fields (e.g. Obsidian's {@code agent_slug}) are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatRequestBody(
    String q,
    Integer n,
    Double d,
    Boolean stream,
    String title,
    @JsonProperty("conversation_id") String conversationId,
    @JsonProperty("turn_id") String turnId,
    String city,
    String region,
    String country,
    @JsonProperty("country_code") String countryCode,
    String timezone,
    List<String> images,
    List<AttachedFileBody> files,
    @JsonProperty("create_new") Boolean createNew) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AttachedFileBody(
      String name,
      String content,
      @JsonProperty("file_type") String fileType,
      Long size) {}
}
