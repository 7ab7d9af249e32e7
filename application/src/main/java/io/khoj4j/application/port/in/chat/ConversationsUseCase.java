package io.khoj4j.application.port.in.chat;

import io.khoj4j.domain.chat.PublicConversation;
import io.khoj4j.domain.chat.Conversation;
import java.util.List;
import java.util.UUID;

/**
 * Everything around chat turns. Another user's conversation is {@code NotFound}, never visible.
 */
public interface ConversationsUseCase {

  ConversationView history(ConversationRequest.History request);

  void delete(ConversationRequest.Delete request);

  List<Conversation> sessions(ConversationRequest.Sessions request);

  Conversation create(ConversationRequest.Create request);

  void setTitle(ConversationRequest.SetTitle request);

  /** The user's title if set, else a generated one (stored as the automatic title). */
  String generateTitle(ConversationRequest.GenerateTitle request);

  void deleteTurn(ConversationRequest.DeleteTurn request);

  /** The updated filters; files must be among the user's indexed files. */
  List<String> fileFilters(ConversationRequest.FileFilters request);

  /** Publishes a snapshot; returns its public slug. */
  String share(ConversationRequest.Share request);

  void unshare(ConversationRequest.Unshare request);

  /** Anyone may read a public copy. */
  PublicConversation publicCopy(String slug);

  UUID fork(ConversationRequest.Fork request);

  List<ConversationView> export(ConversationRequest.Export request);

  long count(ConversationRequest.Stats request);
}
