package io.khoj4j.adapter.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Khoj's error body: {@code {"detail": "..."}}. {@code detail} is a string, or FastAPI's list of field problems on a
 * 422. Server errors also carry the request id that is in the log line and the {@code X-Request-Id} header.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(
    Object detail, @JsonProperty("request_id") String requestId) {

  public static ErrorResponse of(String detail) {
    return new ErrorResponse(detail, null);
  }
}
