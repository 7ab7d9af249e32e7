package io.khoj4j.application.port.in.chat;

/** Publish a snapshot of a conversation. */
public interface ShareConversationUseCase {

  /** Publishes a snapshot; returns its public slug. */
  String share(ShareConversationCommand command);
}
