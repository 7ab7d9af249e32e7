package io.khoj4j.application.port.in.chat;

/** Answers one chat message, streaming its events to the sink as they happen. Blocks until the turn ends. */
public interface ChatUseCase {

  ChatOutcome chat(ChatCommand command, ChatEventSink sink);
}
