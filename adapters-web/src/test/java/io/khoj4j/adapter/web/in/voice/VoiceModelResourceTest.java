package io.khoj4j.adapter.web.in.voice;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.alice;
import static io.khoj4j.adapter.web.WebSlice.json;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.application.error.NotFoundException;
import io.khoj4j.application.port.in.voice.SelectVoiceCommand;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slice test of {@link VoiceModelResource}: Khoj's 202 on a pick, its 404 body for an unknown voice. */
class VoiceModelResourceTest {

  private final List<SelectVoiceCommand> received = new ArrayList<>();

  private final VoiceModelResource resource = new VoiceModelResource(alice(), c -> {
    received.add(c);
    if (!c.voiceId().equals("v1")) {
      throw new NotFoundException("Voice model not found");
    }
  });

  @Test
  void aConfiguredVoiceIsPickedForTheCallerWith202() {
    Response response = resource.select("v1");

    assertThat(response.getStatus()).isEqualTo(202);
    assertThat(json(response.getEntity())).isEqualTo("{\"status\":\"ok\"}");
    assertThat(received).containsExactly(new SelectVoiceCommand(ALICE, "v1"));
  }

  @Test
  void anUnknownVoiceIsKhojs404StatusError() {
    Response response = resource.select("v9");

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(json(response.getEntity()))
        .isEqualTo("{\"status\":\"error\",\"message\":\"Voice model not found\"}");
  }

  @Test
  void aMissingBlankOrOverlongIdIsAValidationErrorAndNothingIsPicked() {
    rejects(() -> resource.select(null), "query", "id");
    rejects(() -> resource.select(" "), "query", "id");
    rejects(() -> resource.select("v".repeat(201)), "query", "id");
    assertThat(received).isEmpty();
  }
}
