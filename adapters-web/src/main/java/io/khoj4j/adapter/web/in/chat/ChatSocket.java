package io.khoj4j.adapter.web.in.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.khoj4j.adapter.web.error.RequestValidationException;
import io.khoj4j.adapter.web.in.SharedJson;
import io.khoj4j.adapter.web.security.AuthenticatedUser;
import io.khoj4j.application.error.ApplicationException;
import io.khoj4j.application.error.QuotaExceededException;
import io.khoj4j.application.port.in.chat.ChatCommand;
import io.khoj4j.application.port.in.chat.ChatEventSink;
import io.khoj4j.application.port.in.chat.ChatUseCase;
import io.khoj4j.application.port.in.usage.AdmitUsageCommand;
import io.khoj4j.application.port.in.usage.AdmitUsageUseCase;
import io.khoj4j.application.port.in.usage.ReleaseConnectionUseCase;
import io.khoj4j.application.port.in.usage.ReleaseConnectionUseCase.ReleaseConnectionCommand;
import io.khoj4j.domain.chat.ChatEvent;
import io.khoj4j.domain.user.UserId;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Khoj's {@code WS /api/chat/ws} for the web app. Each JSON event goes out as one frame followed by a frame holding
 * only the delimiter; answer text and reasoning ({@code thought}) are batched (every 100 ms or 512 characters). A new
 * message or an interrupt stops the running turn; closing the socket does too. A stopped turn is stored with what it
 * had gathered, and a new message's turn starts once the stopped one has ended, so that it carries on from it.
 */
@WebSocket(path = ChatSocket.PATH)
@Authenticated
public class ChatSocket {

  static final String PATH = "/api/chat/ws";

  private static final Logger LOG = Logger.getLogger(ChatSocket.class);
  private static final ObjectMapper JSON = SharedJson.MAPPER;
  static final long FLUSH_MILLIS = 100;
  static final int FLUSH_CHARS = 512;

  private final ChatUseCase chat;
  private final AllowedHosts allowedHosts;
  private final SecurityIdentity identity;
  private final AdmitUsageUseCase usage;
  private final ReleaseConnectionUseCase releaseConnection;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public ChatSocket(
      ChatUseCase chat,
      AllowedHosts allowedHosts,
      SecurityIdentity identity,
      AdmitUsageUseCase usage,
      ReleaseConnectionUseCase releaseConnection) {
    this.chat = chat;
    this.usage = usage;
    this.releaseConnection = releaseConnection;
    this.allowedHosts = allowedHosts;
    this.identity = identity;
  }

  /** How long a new turn waits for the one it stopped to store what it had gathered. */
  static final long STOPPED_TURN_WAIT_SECONDS = 10;

  /** Per connection: who it is, and the turn in flight (if any) with when it has ended. */
  private static final class Session {
    final UserId user;
    volatile AtomicBoolean running;
    volatile CompletableFuture<Void> ended = CompletableFuture.completedFuture(null);

    Session(UserId user) {
      this.user = user;
    }
  }

  @OnOpen
  public void open(WebSocketConnection connection) {
    String origin = AllowedHosts.originHost(connection.handshakeRequest().header("Origin"));
    if (origin == null || !allowedHosts.allows(origin)) {
      connection.closeAndAwait(new CloseReason(1008, "Origin not allowed"));
      return;
    }
    AuthenticatedUser user = identity.getAttribute(AuthenticatedUser.ATTRIBUTE);
    if (user == null) {
      connection.closeAndAwait(new CloseReason(1008, "Forbidden"));
      return;
    }
    try {
      usage.admit(new AdmitUsageCommand.Connection(user.id(), connection.id()));
    } catch (QuotaExceededException refused) {
      connection.closeAndAwait(new CloseReason(1008, refused.getMessage()));
      return;
    }
    sessions.put(connection.id(), new Session(user.id()));
  }

  @OnClose
  public void close(WebSocketConnection connection) {
    Session session = sessions.remove(connection.id());
    if (session != null) {
      if (session.running != null) {
        session.running.set(false);
      }
      releaseConnection.release(new ReleaseConnectionCommand(session.user, connection.id()));
    }
  }

  /**
   * A text message that was not UTF-8: {@link TextFrameValidation} has already sent close code 1007 and dropped the
   * connection, and the message never arrived here. A client's fault, not the server's, so it is no error log.
   */
  @OnError
  public void invalidText(CorruptedWebSocketFrameException e, WebSocketConnection connection) {
    LOG.debugf("chat socket %s failed by its client: %s", connection.id(), e.getMessage());
  }

  @OnTextMessage
  public void message(WebSocketConnection connection, String frame) {
    Session session = sessions.get(connection.id());
    if (session == null) {
      return;
    }
    JsonNode message;
    try {
      message = JSON.readTree(frame);
    } catch (Exception e) {
      send(connection, ChatJson.write(new ErrorFrame("Messages must be JSON")));
      return;
    }
    if ("interrupt".equals(message.path("type").asText())) {
      boolean wasRunning = stopRunning(session);
      // the web app's stop button sends an empty query: only a query with text is a new
      // instruction,
      // and only for a turn that runs
      send(
          connection,
          ChatJson.write(new TypeFrame(
              !wasRunning || message.path("query").asText("").isBlank()
                  ? "interrupt_acknowledged"
                  : "interrupt_message_acknowledged")));
      return;
    }
    ChatCommand command;
    try {
      ChatRequestBody body = JSON.treeToValue(message, ChatRequestBody.class);
      if (body.q() == null) {
        send(
            connection,
            ChatJson.write(new ErrorFrame("Missing required field 'q' in chat message")));
        return;
      }
      command = ChatResource.command(session.user, body);
      ChatResource.admitMessage(usage, command, AdmitUsageCommand.Channel.WEBSOCKET);
      Optional<String> researchRefused = ChatResource.researchRefusal(usage, command);
      if (researchRefused.isPresent()) {
        send(connection, ChatJson.write(new ErrorFrame(researchRefused.get())));
        return;
      }
    } catch (RequestValidationException | ApplicationException e) {
      send(connection, ChatJson.write(new ErrorFrame(e.getMessage())));
      return;
    } catch (Exception e) {
      send(connection, ChatJson.write(new ErrorFrame("Malformed chat message")));
      return;
    }
    stopRunning(session);
    AtomicBoolean running = new AtomicBoolean(true);
    session.running = running;
    CompletableFuture<Void> previous = session.ended;
    CompletableFuture<Void> ended = new CompletableFuture<>();
    session.ended = ended;
    Infrastructure.getDefaultWorkerPool().execute(() -> {
      try {
        awaitStopped(previous);
        runTurn(connection, command, running);
      } finally {
        running.set(false);
        ended.complete(null);
      }
    });
  }

  /**
   * Waits (a bounded time) for the turn a new message stopped: it stores its question with what it had gathered, which
   * the new turn carries on from.
   */
  private static void awaitStopped(CompletableFuture<Void> previous) {
    try {
      previous.get(STOPPED_TURN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.debugf("the stopped turn did not end in time: %s", e.toString());
    }
  }

  /** Stops the session's turn; whether one was running. */
  private static boolean stopRunning(Session session) {
    AtomicBoolean previous = session.running;
    return previous != null && previous.getAndSet(false);
  }

  private void runTurn(WebSocketConnection connection, ChatCommand command, AtomicBoolean running) {
    ManagedContext requestContext = Arc.container().requestContext();
    requestContext.activate();
    DeltaBatcher deltas = new DeltaBatcher(connection);
    try {
      chat.chat(command, new ChatEventSink() {
        @Override
        public void emit(ChatEvent event) {
          if (!cancelled()) {
            switch (event) {
              case ChatEvent.Text t -> deltas.add(Delta.TEXT, t.delta());
              case ChatEvent.Thought t -> deltas.add(Delta.THOUGHT, t.text());
              default -> {
                deltas.flush();
                sendEvent(connection, ChatJson.event(event));
              }
            }
          }
        }

        @Override
        public boolean cancelled() {
          return !running.get() || !connection.isOpen();
        }
      });
    } catch (RuntimeException e) {
      if (!connection.isOpen()) {
        // The client left while an event was on its way: the turn is over, and that is no server
        // error.
        LOG.debugf("chat socket %s closed during its turn: %s", connection.id(), e.getMessage());
        return;
      }
      LOG.errorf(e, "chat over WebSocket failed: %s", e.getMessage());
      if (connection.isOpen()) {
        send(connection, ChatJson.write(new ErrorFrame("Internal server error")));
        connection.closeAndAwait(new CloseReason(1011, "Internal server error"));
      }
    } finally {
      requestContext.terminate();
    }
  }

  /** The two kinds of streamed deltas Khoj batches on the socket. */
  private enum Delta {
    TEXT,
    THOUGHT
  }

  /**
   * Collects answer text and reasoning deltas and sends each run in batches (every 100 ms or 512 characters), each
   * followed by its delimiter frame: text as raw text, reasoning as one {@code thought} event. A change of kind, or
   * any other event, sends what is buffered first, so the order of the stream is kept.
   */
  private final class DeltaBatcher {
    private final WebSocketConnection connection;
    private final StringBuilder buffer = new StringBuilder();
    private Delta kind = Delta.TEXT;
    private long lastFlush = System.nanoTime();

    DeltaBatcher(WebSocketConnection connection) {
      this.connection = connection;
    }

    synchronized void add(Delta delta, String text) {
      if (delta != kind) {
        flush();
        kind = delta;
      }
      buffer.append(text);
      if (buffer.length() >= FLUSH_CHARS
          || System.nanoTime() - lastFlush >= FLUSH_MILLIS * 1_000_000) {
        flush();
      }
    }

    synchronized void flush() {
      lastFlush = System.nanoTime();
      if (!buffer.isEmpty()) {
        String joined = buffer.toString();
        buffer.setLength(0);
        sendEvent(
            connection,
            kind == Delta.TEXT ? joined : ChatJson.event(new ChatEvent.Thought(joined)));
      }
    }
  }

  private static void sendEvent(WebSocketConnection connection, String payload) {
    send(connection, payload);
    send(connection, ChatJson.DELIMITER);
  }

  private static void send(WebSocketConnection connection, String payload) {
    if (connection.isOpen()) {
      connection.sendTextAndAwait(payload);
    }
  }

  /** Khoj's {@code {"error": ...}} frame: why a message was not taken. */
  record ErrorFrame(String error) {}

  /** Khoj's {@code {"type": ...}} frame, e.g. an interrupt's acknowledgement. */
  record TypeFrame(String type) {}
}
