package io.khoj4j.adapter.web.in.voice;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.alice;
import static io.khoj4j.adapter.web.WebSlice.json;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.adapter.web.Upload;
import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.voice.TranscribeAudioCommand;
import io.khoj4j.application.port.in.voice.VoiceNotConfiguredException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slice test of {@link TranscribeResource}: the recording handed to the core, Khoj's {@code {"text"}} and 501. */
class TranscribeResourceTest {

  @TempDir
  Path dir;

  private final List<TranscribeAudioCommand> received = new ArrayList<>();
  private RuntimeException failure;

  private final TranscribeResource resource = new TranscribeResource(alice(), c -> {
    received.add(c);
    if (failure != null) {
      throw failure;
    }
    return "Buy green tea";
  });

  @Test
  void theRecordingIsTranscribedForTheCallerAndAnsweredAsText() {
    Response response =
        resource.transcribe(Upload.of(dir, "memo.webm", "audio/webm", "OggS-bytes"));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(json(response.getEntity())).isEqualTo("{\"text\":\"Buy green tea\"}");
    TranscribeAudioCommand command = received.getFirst();
    assertThat(command.userId()).isEqualTo(ALICE);
    assertThat(command.clip().fileName()).isEqualTo("memo.webm");
    assertThat(command.clip().mediaType()).isEqualTo("audio/webm");
    assertThat(new String(command.clip().bytes(), StandardCharsets.UTF_8)).isEqualTo("OggS-bytes");
  }

  @Test
  void aRequestWithoutTheFilePartIsAValidationError() {
    rejects(() -> resource.transcribe(null), "body", "file");
    assertThat(received).isEmpty();
  }

  @Test
  void withoutATranscriptionServerItIs501AsObsidianExpects() {
    failure = new VoiceNotConfiguredException("Speech-to-text is not configured on this server.");

    Response response = resource.transcribe(Upload.of(dir, "memo.webm", "audio/webm", "x"));

    assertThat(response.getStatus()).isEqualTo(501);
    assertThat(json(response.getEntity()))
        .isEqualTo("{\"detail\":\"Speech-to-text is not configured on this server.\"}");
  }

  @Test
  void otherRefusalsOfTheCoreAreLeftToTheErrorMappers() {
    failure = new QuotaExceededException("Too many transcriptions today");

    assertThatThrownBy(() -> resource.transcribe(Upload.of(dir, "memo.webm", "audio/webm", "x")))
        .isInstanceOf(QuotaExceededException.class);
  }
}
