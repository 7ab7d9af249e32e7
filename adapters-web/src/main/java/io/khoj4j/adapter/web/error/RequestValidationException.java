package io.khoj4j.adapter.web.error;

import java.util.List;

/** A request parameter or body field that does not parse or breaks its rule: answered with 422. */
public final class RequestValidationException extends RuntimeException {

  private final transient List<FieldProblem> problems;

  public RequestValidationException(List<FieldProblem> problems) {
    super(problems.isEmpty() ? "invalid request" : problems.getFirst().msg());
    this.problems = List.copyOf(problems);
  }

  public static RequestValidationException of(
      String where, String field, String message, Object input) {
    return new RequestValidationException(
        List.of(new FieldProblem("value_error", List.of(where, field), message, input)));
  }

  public static RequestValidationException missing(String where, String field) {
    return new RequestValidationException(
        List.of(new FieldProblem("missing", List.of(where, field), "Field required", null)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
