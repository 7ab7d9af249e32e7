package io.khoj4j.bootstrap;

import io.khoj4j.application.port.in.chat.ChatUseCase;
import io.khoj4j.application.port.out.automation.AutomationMailer;
import io.khoj4j.application.port.out.automation.AutomationRepository;
import io.khoj4j.application.port.out.automation.AutomationScheduler;
import io.khoj4j.application.port.out.automation.CronCalendar;
import io.khoj4j.application.port.out.chat.ChatModelGateway;
import io.khoj4j.application.port.out.chat.ChatModelSelection;
import io.khoj4j.application.port.out.chat.ModelReplyReader;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.user.UserRepository;
import io.khoj4j.application.service.automation.CreateAutomationService;
import io.khoj4j.application.service.automation.DeleteAutomationService;
import io.khoj4j.application.service.automation.ListAutomationsService;
import io.khoj4j.application.service.automation.RunAutomationService;
import io.khoj4j.application.service.automation.TriggerAutomationService;
import io.khoj4j.application.service.automation.UpdateAutomationService;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** Automations: one service per use case (create, list, update, delete, trigger, and the scheduled run). */
@ApplicationScoped
public class AutomationProducers {

  /** {@code khoj.automation.*}. */
  @ConfigMapping(prefix = "khoj.automation")
  public interface AutomationSettings {
    /** Automations one user may have. */
    @WithDefault("50")
    int maxPerUser();

    /** A run found later than this after it was due (the server was down) is skipped until the next occurrence. */
    @WithDefault("1h")
    Duration missedRunGrace();
  }

  @Produces
  @Singleton
  CreateAutomationService createAutomation(
      AutomationRepository automations,
      ConversationRepository conversations,
      AutomationScheduler scheduler,
      CronCalendar calendar,
      UnitOfWork unitOfWork,
      IdGenerator ids,
      Clock clock,
      AutomationSettings settings) {
    return new CreateAutomationService(
        automations,
        conversations,
        scheduler,
        calendar,
        unitOfWork,
        ids,
        clock,
        settings.maxPerUser());
  }

  @Produces
  @Singleton
  ListAutomationsService listAutomations(
      AutomationRepository automations, CronCalendar calendar, Clock clock) {
    return new ListAutomationsService(automations, calendar, clock);
  }

  @Produces
  @Singleton
  UpdateAutomationService updateAutomation(
      AutomationRepository automations,
      AutomationScheduler scheduler,
      CronCalendar calendar,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new UpdateAutomationService(automations, scheduler, calendar, unitOfWork, clock);
  }

  @Produces
  @Singleton
  DeleteAutomationService deleteAutomation(
      AutomationRepository automations,
      AutomationScheduler scheduler,
      CronCalendar calendar,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new DeleteAutomationService(automations, scheduler, calendar, unitOfWork, clock);
  }

  @Produces
  @Singleton
  TriggerAutomationService triggerAutomation(
      AutomationRepository automations, AutomationScheduler scheduler, Clock clock) {
    return new TriggerAutomationService(automations, scheduler, clock);
  }

  @Produces
  @Singleton
  RunAutomationService runAutomation(
      AutomationRepository automations,
      ConversationRepository conversations,
      UserRepository users,
      ChatUseCase chat,
      AutomationMailer mailer,
      ChatModelSelection models,
      ChatModelGateway gateway,
      ModelReplyReader replies,
      CronCalendar calendar,
      UnitOfWork unitOfWork,
      Clock clock,
      AutomationSettings settings) {
    return new RunAutomationService(
        automations,
        conversations,
        users,
        chat,
        mailer,
        new RunAutomationService.NotificationModel(models, gateway, replies),
        calendar,
        unitOfWork,
        clock,
        settings.missedRunGrace());
  }
}
