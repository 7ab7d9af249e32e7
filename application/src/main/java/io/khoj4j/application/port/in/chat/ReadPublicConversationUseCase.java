package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.chat.PublicConversation;

/** A published snapshot, by its slug; anyone may read it. */
public interface ReadPublicConversationUseCase {

  PublicConversation read(ReadPublicConversationQuery query);
}
