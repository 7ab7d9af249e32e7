package io.khoj4j.adapter.web.in;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Khoj's {@code {"status": "ok"}} acknowledgement, and its {@code {"status": ..., "message": ...}} form (no
 * {@code message} when there is none), shared by every resource that answers with them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusResponse(String status, String message) {

  /** The acknowledgement Khoj sends after a successful change. */
  public static StatusResponse ok() {
    return new StatusResponse("ok", null);
  }

  public static StatusResponse ok(String message) {
    return new StatusResponse("ok", message);
  }

  public static StatusResponse error(String message) {
    return new StatusResponse("error", message);
  }
}
