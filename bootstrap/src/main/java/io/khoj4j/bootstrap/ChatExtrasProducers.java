package io.khoj4j.bootstrap;

import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.feedback.FeedbackNotifier;
import io.khoj4j.application.port.out.feedback.FeedbackRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.application.service.chat.feedback.GiveFeedbackService;
import io.khoj4j.application.service.chat.starter.SuggestStartersService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** What surrounds the chat turn: feedback on answers and conversation starters. */
@ApplicationScoped
public class ChatExtrasProducers {

  @Produces
  @Singleton
  GiveFeedbackService giveFeedback(
      FeedbackRepository feedback,
      FeedbackNotifier notifier,
      UserRepository users,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock) {
    return new GiveFeedbackService(feedback, notifier, users, unitOfWork, ids, clock);
  }

  @Produces
  @Singleton
  SuggestStartersService suggestStarters(
      EntryRepository entries, ConversationRepository conversations) {
    return new SuggestStartersService(entries, conversations);
  }
}
