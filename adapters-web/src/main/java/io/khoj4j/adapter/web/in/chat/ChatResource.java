package io.khoj4j.adapter.web.in.chat;

import io.khoj4j.adapter.web.error.FieldProblem;
import io.khoj4j.adapter.web.error.NulFreeStrings;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.security.CurrentUser;
import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.in.chat.ChatEventSink;
import io.khoj4j.application.port.in.chat.ChatOutcome;
import io.khoj4j.application.port.in.chat.ChatUseCase;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand;
import io.khoj4j.application.port.in.usage.AdmitUsageUseCase;
import io.khoj4j.domain.chat.AttachedFile;
import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.chat.ConversationCommand;
import io.khoj4j.domain.user.UserId;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * Khoj's {@code POST /api/chat}. With {@code "stream": true} (Obsidian, desktop) the answer is a {@code text/plain}
 * stream of events, each followed by the delimiter; without it (Emacs) one JSON object. A client that disconnects
 * stops the turn and the model call, in both forms: the turn's sink reports it cancelled once the connection is
 * closed (or, streamed, once the event stream is dropped), and the turn checks that between its steps and while a
 * model answers.
 */
@Path("/api/chat")
@Authenticated
public class ChatResource {

  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(ChatResource.class);
  static final int MAX_IMAGES = 10;
  static final long MAX_IMAGE_BYTES = 20L << 20;

  private final CurrentUser currentUser;
  private final ChatUseCase chat;
  private final AdmitUsageUseCase usage;

  public ChatResource(CurrentUser currentUser, ChatUseCase chat, AdmitUsageUseCase usage) {
    this.currentUser = currentUser;
    this.chat = chat;
    this.usage = usage;
  }

  /** Counts a valid message against the user's chat limits (429 when spent); images are counted and weighed too. */
  static void admitMessage(
      AdmitUsageUseCase usage, ChatCommand command, AdmitUsageCommand.Channel channel) {
    usage.admit(new AdmitUsageCommand.ChatMessage(
        command.user(), channel, command.images().size(), imageBytes(command.images())));
  }

  /**
   * A {@code /research} turn also counts against the daily research budget; a refusal is the answer. The command is
   * read as the turn reads it ({@code /Research} is research, {@code /researchers} is not).
   */
  static Optional<String> researchRefusal(AdmitUsageUseCase usage, ChatCommand command) {
    if (ConversationCommand.parse(command.q()).command() != ConversationCommand.RESEARCH) {
      return Optional.empty();
    }
    try {
      usage.admit(new AdmitUsageCommand.Research(command.user()));
      return Optional.empty();
    } catch (QuotaExceededException refused) {
      return Optional.of(refused.getMessage());
    }
  }

  /** Decoded size of data-URI images already checked by {@link #command}. */
  static long imageBytes(List<String> images) {
    long bytes = 0;
    for (String image : images) {
      int comma = image.indexOf(";base64,");
      bytes += Base64.getDecoder().decode(image.substring(comma + 8).strip()).length;
    }
    return bytes;
  }

  @POST
  @Blocking
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.TEXT_PLAIN)
  public RestMulti<String> chat(ChatRequestBody body, @Context HttpServerResponse response) {
    Optional<String> malformedId = malformedConversationId(body);
    if (malformedId.isPresent()) {
      return shortAnswer(
          Boolean.TRUE.equals(body.stream()), "Conversation " + malformedId.get() + " not found");
    }
    ChatCommand command = command(currentUser.id(), body);
    admitMessage(usage, command, AdmitUsageCommand.Channel.HTTP);
    Optional<String> researchRefused = researchRefusal(usage, command);
    if (researchRefused.isPresent()) {
      return shortAnswer(Boolean.TRUE.equals(body.stream()), researchRefused.get());
    }
    if (Boolean.TRUE.equals(body.stream())) {
      return RestMulti.fromMultiData(stream(command, response::closed))
          .header("Content-Type", "text/plain; charset=utf-8")
          .build();
    }
    Aggregate aggregate = new Aggregate(response::closed);
    ChatOutcome outcome = chat.chat(command, aggregate);
    if (outcome instanceof ChatOutcome.Failed failed) {
      throw failed.error();
    }
    if (outcome instanceof ChatOutcome.Cancelled) {
      LOG.debug("chat turn cancelled: the client left before its answer");
    }
    return RestMulti.fromMultiData(Multi.createFrom().item(ChatJson.write(aggregate.json())))
        .header("Content-Type", MediaType.APPLICATION_JSON)
        .build();
  }

  private static Optional<String> malformedConversationId(ChatRequestBody body) {
    if (body == null || body.conversationId() == null || body.conversationId().isBlank()) {
      return Optional.empty();
    }
    try {
      UUID.fromString(body.conversationId().strip());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(body.conversationId());
    }
  }

  /** Khoj's short answer (no metadata, nothing stored) in either transport. */
  private static RestMulti<String> shortAnswer(boolean stream, String text) {
    if (stream) {
      List<String> events = List.of(
          ChatJson.typed("start_llm_response", ""),
          text,
          ChatJson.typed("end_llm_response", ""),
          ChatJson.typed("end_response", ""));
      return RestMulti.fromMultiData(
              Multi.createFrom().iterable(events).map(e -> e + ChatJson.DELIMITER))
          .header("Content-Type", "text/plain; charset=utf-8")
          .build();
    }
    Aggregate aggregate = new Aggregate(() -> false);
    aggregate.emit(new ChatEvent.Text(text));
    return RestMulti.fromMultiData(Multi.createFrom().item(ChatJson.write(aggregate.json())))
        .header("Content-Type", MediaType.APPLICATION_JSON)
        .build();
  }

  /**
   * The turn runs on a worker thread; every event leaves at once, followed by Khoj's delimiter. The turn is cancelled
   * when the stream is dropped or the connection closed, whichever is seen first.
   */
  private Multi<String> stream(ChatCommand command, BooleanSupplier connectionClosed) {
    return Multi.createFrom()
        .emitter(
            emitter -> {
              AtomicBoolean gone = new AtomicBoolean();
              emitter.onTermination(() -> gone.set(true));
              Infrastructure.getDefaultWorkerPool().execute(() -> {
                ManagedContext requestContext = Arc.container().requestContext();
                requestContext.activate();
                try {
                  chat.chat(command, new ChatEventSink() {
                    @Override
                    public void emit(ChatEvent event) {
                      if (!gone.get()) {
                        emitter.emit(ChatJson.event(event) + ChatJson.DELIMITER);
                      }
                    }

                    @Override
                    public boolean cancelled() {
                      return gone.get() || emitter.isCancelled() || connectionClosed.getAsBoolean();
                    }
                  });
                  emitter.complete();
                } catch (RuntimeException e) {
                  LOG.errorf(e, "chat turn failed: %s", e.getMessage());
                  emitter.emit(ChatJson.typed("status", "Something went wrong on the server.")
                      + ChatJson.DELIMITER);
                  emitter.fail(e);
                } finally {
                  requestContext.terminate();
                }
              });
            },
            BackPressureStrategy.BUFFER);
  }

  /**
   * Collects a turn into Khoj's non-streaming JSON answer. Nothing is sent before the end, so the only sign that the
   * client left is its closed connection: the turn asks for it at each step and stops.
   */
  static final class Aggregate implements ChatEventSink {
    private final BooleanSupplier clientLeft;
    private final StringBuilder response = new StringBuilder();
    private Object references = Map.of();
    private Object usage = Map.of();
    private final List<String> images = new ArrayList<>();
    private String mermaidjsDiagram;

    Aggregate(BooleanSupplier clientLeft) {
      this.clientLeft = clientLeft;
    }

    @Override
    public synchronized void emit(ChatEvent event) {
      switch (event) {
        case ChatEvent.Text t -> response.append(t.delta());
        case ChatEvent.References r -> references = ChatJson.references(r);
        case ChatEvent.Usage u -> usage = ChatJson.usage(u.usage());
        case ChatEvent.GeneratedAssets a -> {
          images.addAll(a.images());
          if (a.mermaidjsDiagram() != null) {
            mermaidjsDiagram = a.mermaidjsDiagram();
          }
        }
        default -> {}
      }
    }

    @Override
    public boolean cancelled() {
      return clientLeft.getAsBoolean();
    }

    synchronized ChatJson.Answer json() {
      return new ChatJson.Answer(
          response.toString(),
          references,
          usage,
          List.copyOf(images),
          List.of(),
          mermaidjsDiagram == null ? List.of() : mermaidjsDiagram);
    }
  }

  static final int MAX_TURN_ID_CHARS = 100;
  static final int MAX_TITLE_CHARS = 200;

  static ChatCommand command(UserId user, ChatRequestBody body) {
    checkTexts(body);
    int n = body.n() == null ? 7 : body.n();
    if (n < 1 || n > 200) {
      throw RequestValidationException.of(
          "body", "n", "Input should be between 1 and 200", body.n());
    }
    List<String> images = checkedImages(body.images());
    List<AttachedFile> files = files(body.files());
    Optional<UUID> conversation =
        body.conversationId() == null || body.conversationId().isBlank()
            ? Optional.empty()
            : Optional.of(UUID.fromString(body.conversationId().strip()));
    return new ChatCommand(
        user,
        NulFreeStrings.strip(PercentDecoding.decode(body.q())),
        n,
        Optional.ofNullable(body.d()),
        conversation,
        Optional.ofNullable(body.title()),
        Optional.ofNullable(body.turnId()),
        Boolean.TRUE.equals(body.createNew()),
        new ChatCommand.Location(
            body.city(), body.region(), body.country(), body.countryCode(), body.timezone()),
        images,
        files);
  }

  /** The query is required; it, the turn id and the title have the lengths the store keeps. */
  private static void checkTexts(ChatRequestBody body) {
    if (body == null || body.q() == null) {
      throw RequestValidationException.missing("body", "q");
    }
    if (body.q().length() > ChatCommand.MAX_QUERY_CHARS) {
      throw RequestValidationException.of(
          "body",
          "q",
          "String should have at most " + ChatCommand.MAX_QUERY_CHARS + " characters",
          body.q().length());
    }
    // The store keeps at most 100 characters of a turn id and 200 of a title: refuse longer ones up
    // front rather
    // than fail (500, or a 1011 close on the socket) when the turn is saved.
    if (body.turnId() != null && body.turnId().length() > MAX_TURN_ID_CHARS) {
      throw RequestValidationException.of(
          "body",
          "turn_id",
          "String should have at most " + MAX_TURN_ID_CHARS + " characters",
          body.turnId().length());
    }
    if (body.title() != null && body.title().length() > MAX_TITLE_CHARS) {
      throw RequestValidationException.of(
          "body",
          "title",
          "String should have at most " + MAX_TITLE_CHARS + " characters",
          body.title().length());
    }
  }

  /**
   * Images as {@code data:image/...;base64} URIs, within Khoj's count and total size per message. Khoj's web app
   * sends each one percent-encoded ({@code data%3Aimage%2Fpng%3Bbase64%2C...}) and Khoj decodes each before reading
   * it; a URI that is not encoded decodes to itself (base64 has no {@code %}).
   */
  private static List<String> checkedImages(List<String> given) {
    List<String> images = given == null
        ? List.of()
        : given.stream().map(i -> i == null ? null : PercentDecoding.decode(i)).toList();
    if (images.size() > MAX_IMAGES) {
      throw new QuotaExceededException("Those are way too many images for me! I can handle up to "
          + MAX_IMAGES + " images per message.");
    }
    long imageBytes = 0;
    for (String image : images) {
      int comma = image == null ? -1 : image.indexOf(";base64,");
      if (image == null || !image.startsWith("data:image/") || comma < 0) {
        throw RequestValidationException.of(
            "body", "images", "Images must be data:image/...;base64 URIs", null);
      }
      try {
        imageBytes += Base64.getDecoder().decode(image.substring(comma + 8).strip()).length;
      } catch (IllegalArgumentException e) {
        throw RequestValidationException.of("body", "images", "Image is not valid base64", null);
      }
    }
    if (imageBytes > MAX_IMAGE_BYTES) {
      throw new QuotaExceededException(
          "Those images are way too large for me! I can handle up to 20MB of images per message.");
    }
    return images;
  }

  private static List<AttachedFile> files(List<ChatRequestBody.AttachedFileBody> given) {
    List<AttachedFile> files = new ArrayList<>();
    if (given != null) {
      for (ChatRequestBody.AttachedFileBody f : given) {
        if (f == null || f.name() == null || f.content() == null) {
          throw new RequestValidationException(List.of(new FieldProblem(
              "missing", List.of("body", "files"), "Each file needs a name and content", null)));
        }
        files.add(new AttachedFile(
            f.name(),
            f.content(),
            f.fileType(),
            f.size() == null ? f.content().length() : f.size()));
      }
    }
    return files;
  }
}
