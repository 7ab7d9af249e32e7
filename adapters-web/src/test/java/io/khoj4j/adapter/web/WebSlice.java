package io.khoj4j.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.khoj4j.adapter.web.error.FieldProblem;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.security.AuthenticatedUser;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.domain.user.UserId;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Shared pieces of the web slice tests: a signed-in caller without Quarkus, the JSON text a returned record becomes,
 * and a check of the validation error a bad request raises.
 *
 * <p>The mapper is configured like the one Quarkus REST uses in the app (no {@code quarkus.jackson.*} setting or
 * customizer exists in adapters-web or bootstrap, so Quarkus's defaults apply): the Java-time, JDK 8 and
 * parameter-name modules, dates as ISO-8601 text (durations stay numbers), unknown properties ignored.
 */
public final class WebSlice {

  public static final UserId ALICE =
      new UserId(UUID.fromString("00000000-0000-0000-0000-00000000a11c"));

  private static final ObjectMapper JSON = JsonMapper.builder()
      .findAndAddModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private WebSlice() {}

  /** Alice, signed in, as the resources see her. */
  public static CurrentUser alice() {
    return caller(ALICE, "alice", "alice@example.org");
  }

  /** A request without credentials. */
  public static CurrentUser anonymous() {
    return new CurrentUser(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
  }

  public static CurrentUser caller(UserId id, String username, String email) {
    return new CurrentUser(QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(id.toString()))
        .addAttribute(
            AuthenticatedUser.ATTRIBUTE, new AuthenticatedUser(id, username, email, false))
        .build());
  }

  /** The JSON text the app would send for {@code value}. */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a request body as the app would. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Asserts {@code call} is refused with one validation problem at {@code location} (e.g. "query", "n"). */
  public static FieldProblem rejects(ThrowingCallable call, String... location) {
    RequestValidationException e = catchValidation(call);
    assertThat(e.problems()).extracting(FieldProblem::loc).contains(List.of(location));
    return e.problems().stream()
        .filter(p -> p.loc().equals(List.of(location)))
        .findFirst()
        .orElseThrow();
  }

  private static RequestValidationException catchValidation(ThrowingCallable call) {
    try {
      call.call();
    } catch (RequestValidationException e) {
      return e;
    } catch (Throwable t) {
      throw new AssertionError("expected a RequestValidationException, got " + t, t);
    }
    throw new AssertionError("expected a RequestValidationException, nothing was thrown");
  }
}
