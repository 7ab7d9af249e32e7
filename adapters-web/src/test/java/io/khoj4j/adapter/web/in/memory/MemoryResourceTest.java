package io.khoj4j.adapter.web.in.memory;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.alice;
import static io.khoj4j.adapter.web.WebSlice.json;
import static io.khoj4j.adapter.web.WebSlice.read;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.memory.DeleteMemoryCommand;
import io.khoj4j.application.port.in.memory.ListMemoriesQuery;
import io.khoj4j.application.port.in.memory.ReplaceMemoryCommand;
import io.khoj4j.domain.memory.Memory;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slice test of {@link MemoryResource}: Khoj's memory items and its {@code {"error": ...}} bodies. */
class MemoryResourceTest {

  private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

  private final List<Object> received = new ArrayList<>();

  private final MemoryResource resource = new MemoryResource(
      alice(),
      q -> {
        received.add(q);
        return List.of(new Memory(7, ALICE, "Likes green tea", AT));
      },
      c -> {
        received.add(c);
        if (c.memoryId() == 404) {
          throw new NotFoundException("Memory not found");
        }
      },
      c -> {
        received.add(c);
        if (c.memoryId() == 404) {
          throw new NotFoundException("Memory not found");
        }
        if (c.raw().isEmpty()) {
          throw new InvalidInputException("Memory text is required");
        }
        return new Memory(c.memoryId(), ALICE, c.raw(), AT);
      });

  @Test
  void listIsKhojsItemsForTheCaller() {
    assertThat(json(resource.memories()))
        .isEqualTo(
            "[{\"id\":7,\"raw\":\"Likes green tea\",\"created_at\":\"2026-01-02T03:04:05Z\"}]");
    assertThat(received).containsExactly(new ListMemoriesQuery(ALICE));
  }

  @Test
  void deleteIs204ForTheCallersMemoryAnd404WithKhojsErrorBodyOtherwise() {
    assertThat(resource.delete("7").getStatus()).isEqualTo(204);
    Response missing = resource.delete("404");

    assertThat(missing.getStatus()).isEqualTo(404);
    assertThat(json(missing.getEntity())).isEqualTo("{\"error\":\"Memory not found\"}");
    assertThat(received)
        .containsExactly(new DeleteMemoryCommand(ALICE, 7), new DeleteMemoryCommand(ALICE, 404));
  }

  @Test
  void replaceAnswersTheNewTextForTheCaller() {
    Response response = resource.replace(
        "7", read("{\"raw\":\" Likes matcha \"}", MemoryResource.MemoryBody.class));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(json(response.getEntity())).isEqualTo("{\"id\":7,\"raw\":\"Likes matcha\"}");
    assertThat(received).containsExactly(new ReplaceMemoryCommand(ALICE, 7, "Likes matcha"));
  }

  @Test
  void replaceWithAnEmptyOrMissingTextIs400AndAnUnknownMemory404() {
    Response empty =
        resource.replace("7", read("{\"raw\":\"  \"}", MemoryResource.MemoryBody.class));
    Response noBody = resource.replace("7", null);
    Response missing = resource.replace("404", new MemoryResource.MemoryBody("x"));

    assertThat(empty.getStatus()).isEqualTo(400);
    assertThat(noBody.getStatus()).isEqualTo(400);
    assertThat(json(empty.getEntity())).isEqualTo("{\"error\":\"Memory text is required\"}");
    assertThat(missing.getStatus()).isEqualTo(404);
  }

  @Test
  void anOverlongTextIs400BeforeTheCore() {
    Response response =
        resource.replace("7", new MemoryResource.MemoryBody("m".repeat(Memory.MAX_RAW + 1)));

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(received).isEmpty();
  }

  @Test
  void anIdThatIsNoIntegerIsAValidationErrorAndNothingIsAsked() {
    rejects(() -> resource.delete("seven"), "path", "memory_id");
    rejects(() -> resource.replace("7.5", new MemoryResource.MemoryBody("x")), "path", "memory_id");
    assertThat(received).isEmpty();
  }
}
