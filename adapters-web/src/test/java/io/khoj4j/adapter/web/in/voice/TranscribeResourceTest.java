package io.khoj4j.adapter.web.in.voice;

import static io.khoj4j.adapter.web.WebSlice.alice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.application.port.in.voice.TranscribeAudioCommand;
import io.khoj4j.application.port.in.voice.TranscribeAudioUseCase;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.junit.jupiter.api.Test;

class TranscribeResourceTest {

  private final List<TranscribeAudioCommand> asked = new ArrayList<>();

  private final TranscribeResource resource =
      new TranscribeResource(alice(), new TranscribeAudioUseCase() {
        @Override
        public String transcribe(TranscribeAudioCommand command) {
          asked.add(command);
          return "heard";
        }

        @Override
        public long maxAudioBytes() {
          return 10L * 1024 * 1024;
        }
      });

  @Test
  void anUploadOverTheLimitIsRefusedByItsSizeWithoutBeingRead() {
    // its bytes are not there to read: reading them would fail otherwise than with the refusal
    FileUpload huge = new FileUpload() {
      @Override
      public String name() {
        return "file";
      }

      @Override
      public Path filePath() {
        return Path.of("/nonexistent/big.webm");
      }

      @Override
      public String fileName() {
        return "big.webm";
      }

      @Override
      public long size() {
        return 190L * 1024 * 1024;
      }

      @Override
      public String contentType() {
        return "audio/webm";
      }

      @Override
      public String charSet() {
        return null;
      }

      @Override
      public MultivaluedMap<String, String> getHeaders() {
        return null;
      }
    };

    assertThatThrownBy(() -> resource.transcribe(huge))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Audio size larger than 10Mb limit (" + 190L * 1024 * 1024 + " bytes sent).");
    assertThat(asked).isEmpty();
  }
}
