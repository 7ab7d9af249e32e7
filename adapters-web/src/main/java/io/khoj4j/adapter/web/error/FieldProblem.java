package io.khoj4j.adapter.web.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One entry of a 422 {@code detail} list, shaped like FastAPI's so Khoj clients that print it keep working:
 * {@code {"type": "...", "loc": ["query", "t"], "msg": "...", "input": ...}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String type, List<String> loc, String msg, Object input) {}
