package io.khoj4j.adapter.web.in.voice;

import static io.khoj4j.adapter.web.WebSlice.ALICE;
import static io.khoj4j.adapter.web.WebSlice.alice;
import static io.khoj4j.adapter.web.WebSlice.json;
import static io.khoj4j.adapter.web.WebSlice.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.voice.SpeakTextCommand;
import io.khoj4j.application.port.in.voice.SpokenAudio;
import io.khoj4j.application.port.in.voice.VoiceNotConfiguredException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slice test of {@link SpeechResource}: the text handed to the core, the audio streamed, and Khoj's 503. */
class SpeechResourceTest {

  private final List<SpeakTextCommand> received = new ArrayList<>();
  private RuntimeException failure;

  private final SpeechResource resource = new SpeechResource(alice(), c -> {
    received.add(c);
    if (failure != null) {
      throw failure;
    }
    return new SpokenAudio() {
      @Override
      public String mediaType() {
        return "audio/mpeg";
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write("ID3-frames".getBytes(StandardCharsets.UTF_8));
      }

      @Override
      public void close() {}
    };
  });

  @Test
  void theCallersTextIsReadAloudAndTheAudioStreamedAsMpeg() throws IOException {
    Response response = resource.speech("**Green** tea");

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getMediaType().toString()).isEqualTo("audio/mpeg");
    ByteArrayOutputStream audio = new ByteArrayOutputStream();
    ((StreamingOutput) response.getEntity()).write(audio);
    assertThat(audio.toString(StandardCharsets.UTF_8)).isEqualTo("ID3-frames");
    assertThat(received).containsExactly(new SpeakTextCommand(ALICE, "**Green** tea"));
  }

  @Test
  void aMissingTextIsAValidationErrorAndNothingIsSpoken() {
    rejects(() -> resource.speech(null), "query", "text");
    assertThat(received).isEmpty();
  }

  @Test
  void withoutASpeechProviderItIs503AsInKhoj() {
    failure = new VoiceNotConfiguredException("Text-to-speech is not configured on this server.");

    Response response = resource.speech("tea");

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(json(response.getEntity()))
        .isEqualTo("{\"detail\":\"Text-to-speech is not configured on this server.\"}");
  }

  @Test
  void nothingToSayIsTheCoresRefusalBeforeAnyAudio() {
    failure = new InvalidInputException("There is no text to read aloud.");

    assertThatThrownBy(() -> resource.speech("  ")).isInstanceOf(InvalidInputException.class);
  }
}
