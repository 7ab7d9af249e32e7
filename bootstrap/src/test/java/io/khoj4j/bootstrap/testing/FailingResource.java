package io.khoj4j.bootstrap.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only route that fails the way a bug would, to check what the client sees and what is logged. */
@Path("/test-only/failure")
@PermitAll
public class FailingResource {

  @GET
  public String fail() {
    throw new IllegalStateException("secret internal detail that must not reach the client");
  }
}
