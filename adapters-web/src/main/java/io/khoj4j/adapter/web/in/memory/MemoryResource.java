package io.khoj4j.adapter.web.in.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.memory.DeleteMemoryCommand;
import io.khoj4j.application.port.in.memory.DeleteMemoryUseCase;
import io.khoj4j.application.port.in.memory.ListMemoriesQuery;
import io.khoj4j.application.port.in.memory.ListMemoriesUseCase;
import io.khoj4j.application.port.in.memory.ReplaceMemoryCommand;
import io.khoj4j.application.port.in.memory.ReplaceMemoryUseCase;
import io.khoj4j.domain.memory.Memory;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Khoj's {@code /api/memories}: the facts the server keeps about the caller, listed, corrected and deleted. Khoj's
 * error bodies here are {@code {"error": ...}}: 404 "Memory not found" (also for another user's memory), 400 for an
 * empty text.
 */
@Path("/api/memories")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MemoryResource {

  public record MemoryItem(
      long id, String raw, @JsonProperty("created_at") String createdAt) {}

  public record ReplacedMemory(long id, String raw) {}

  public record MemoryBody(String raw) {}

  private final CurrentUser currentUser;
  private final ListMemoriesUseCase list;
  private final DeleteMemoryUseCase delete;
  private final ReplaceMemoryUseCase replace;

  public MemoryResource(
      CurrentUser currentUser,
      ListMemoriesUseCase list,
      DeleteMemoryUseCase delete,
      ReplaceMemoryUseCase replace) {
    this.currentUser = currentUser;
    this.list = list;
    this.delete = delete;
    this.replace = replace;
  }

  @GET
  public List<MemoryItem> memories() {
    return list.list(new ListMemoriesQuery(currentUser.id())).stream()
        .map(m -> new MemoryItem(m.id(), m.raw(), m.createdAt().toString()))
        .toList();
  }

  @DELETE
  @Path("/{memoryId}")
  public Response delete(@PathParam("memoryId") String memoryId) {
    try {
      delete.delete(new DeleteMemoryCommand(currentUser.id(), id(memoryId)));
      return Response.noContent().build();
    } catch (NotFoundException e) {
      return error(404, e.getMessage());
    }
  }

  @PUT
  @Path("/{memoryId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response replace(@PathParam("memoryId") String memoryId, MemoryBody body) {
    long id = id(memoryId);
    try {
      Memory m = replace.replace(
          new ReplaceMemoryCommand(currentUser.id(), id, body == null ? null : body.raw()));
      return Response.ok(new ReplacedMemory(m.id(), m.raw()), MediaType.APPLICATION_JSON_TYPE)
          .build();
    } catch (NotFoundException e) {
      return error(404, e.getMessage());
    } catch (InvalidInputException e) {
      return error(400, e.getMessage());
    }
  }

  private static long id(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw RequestValidationException.of(
          "path",
          "memory_id",
          "Input should be a valid integer, unable to parse string as an integer",
          value);
    }
  }

  private static Response error(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("error", message))
        .build();
  }
}
