package io.khoj4j.adapter.web.in.chat;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * RFC 6455 §5.6 and §8.1: a text message that is not valid UTF-8 fails the WebSocket connection, with close code 1007.
 * Vert.x decodes text frames leniently (bad bytes become U+FFFD, and the message would be handled), and Netty's
 * validator is only added by Netty's own WebSocket handler, which Vert.x does not use. So the upgrade request to the
 * chat socket puts Netty's {@link Utf8FrameValidator} into the connection's pipeline, in front of Vert.x's handler:
 * after the upgrade every text frame and its continuations pass it, across frame boundaries, and a message with an
 * invalid sequence is answered with a close frame 1007, the connection closed, and the frame never reaches
 * {@link ChatSocket}.
 *
 * <p>This reaches into Vert.x's connection ({@code ConnectionBase}, an internal class) for the Netty channel; the
 * framing test ({@code ChatSocketFramingIT}) fails if a Vert.x upgrade moves it.
 */
@ApplicationScoped
class TextFrameValidation {

  static final String HANDLER_NAME = "khoj4j-utf8-text-frames";
  /** Before authentication and the WebSocket route, so the validator is in place whatever they decide. */
  static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 5;

  void register(@Observes Router router) {
    router.route(ChatSocket.PATH).order(ORDER).handler(context -> {
      install(context.request());
      context.next();
    });
  }

  private static void install(HttpServerRequest request) {
    if (request.version() == HttpVersion.HTTP_2
        || !"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      return;
    }
    if (request.connection() instanceof ConnectionBase connection) {
      ChannelPipeline pipeline = connection.channel().pipeline();
      if (pipeline.get(HANDLER_NAME) == null) {
        pipeline.addBefore(
            connection.channelHandlerContext().name(), HANDLER_NAME, new Utf8FrameValidator(true));
      }
    }
  }
}
