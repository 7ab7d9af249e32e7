package io.khoj4j.adapter.web.in;

/** Khoj's {@code {"status": "ok"}} acknowledgement, shared by every resource that answers with it. */
public record StatusResponse(String status) {

  /** The acknowledgement Khoj sends after a successful change. */
  public static StatusResponse ok() {
    return new StatusResponse("ok");
  }
}
