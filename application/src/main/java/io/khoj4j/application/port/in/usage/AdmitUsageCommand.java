package io.khoj4j.application.port.in.usage;

import io.khoj4j.application.error.InvalidInputException;
import io.khoj4j.domain.user.UserId;
import java.util.Objects;

/** Something a user is about to do that counts against a limit (Khoj's §7.3). */
public sealed interface AdmitUsageCommand {

  UserId user();

  /** How a refusal reaches the user: Khoj words chat refusals a little differently on its WebSocket. */
  enum Channel {
    HTTP,
    WEBSOCKET
  }

  /** A chat message, with the images it carries (count and decoded bytes). */
  record ChatMessage(UserId user, Channel channel, int images, long imageBytes)
      implements AdmitUsageCommand {
    public ChatMessage {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(channel, "channel");
      if (images < 0 || imageBytes < 0) {
        throw new InvalidInputException("image counts must not be negative");
      }
    }
  }

  /** A {@code /research} turn, or a turn for which the model picked research. */
  record Research(UserId user) implements AdmitUsageCommand {
    public Research {
      Objects.requireNonNull(user, "user");
    }
  }

  /** One audio file to transcribe. */
  record Transcription(UserId user) implements AdmitUsageCommand {
    public Transcription {
      Objects.requireNonNull(user, "user");
    }
  }

  /** One text to read aloud: Khoj counts it in the chat's minute and day, with its own ceilings. */
  record Speech(UserId user) implements AdmitUsageCommand {
    public Speech {
      Objects.requireNonNull(user, "user");
    }
  }

  /**
   * An upload of {@code bytes} to index (the sum of the request's file parts). When admitted, its bytes stay reserved
   * in the user's index under {@code uploadId} until {@link ReleaseUploadUseCase} is called after indexing, so
   * concurrent uploads cannot all pass the total size check together.
   */
  record Upload(UserId user, String uploadId, long bytes) implements AdmitUsageCommand {
    public Upload {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(uploadId, "uploadId");
      if (bytes < 0) {
        throw new InvalidInputException("upload size must not be negative");
      }
    }
  }

  /** A WebSocket connection, named so that it can be released when it closes. */
  record Connection(UserId user, String connectionId) implements AdmitUsageCommand {
    public Connection {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(connectionId, "connectionId");
    }
  }
}
