package io.khoj4j.domain.automation;

import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.user.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * A question the owner asked to have answered on a schedule. {@code queryToRun} is what each run asks (Khoj's
 * {@code /automated_task } prefix included, as its clients show it); {@code schedulingRequest} is what the user typed.
 * Every run is a turn of {@code conversationId}, in the owner's name; {@code zone} is where {@code crontime} is read,
 * and {@code place} where the owner was when they asked (each run's answer and web searches are for that place).
 */
public record Automation(
    UUID id,
    UserId owner,
    String subject,
    String queryToRun,
    String schedulingRequest,
    Crontime crontime,
    ZoneId zone,
    UUID conversationId,
    Instant createdAt,
    Place place) {

  public static final String TASK_PREFIX = "/automated_task ";
  public static final int MAX_SUBJECT = 200;
  public static final int MAX_QUERY = 10_000;

  public Automation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(queryToRun, "queryToRun");
    Objects.requireNonNull(schedulingRequest, "schedulingRequest");
    Objects.requireNonNull(crontime, "crontime");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(createdAt, "createdAt");
    place = place == null ? Place.UNKNOWN : place;
  }

  /** An automation whose owner's place is unknown. */
  public Automation(
      UUID id,
      UserId owner,
      String subject,
      String queryToRun,
      String schedulingRequest,
      Crontime crontime,
      ZoneId zone,
      UUID conversationId,
      Instant createdAt) {
    this(
        id,
        owner,
        subject,
        queryToRun,
        schedulingRequest,
        crontime,
        zone,
        conversationId,
        createdAt,
        Place.UNKNOWN);
  }

  /** Where the owner was, as their client said: each part may be null. */
  public record Place(String city, String region, String country) {

    public static final Place UNKNOWN = new Place(null, null, null);

    public Place {
      city = blankToNull(city);
      region = blankToNull(region);
      country = blankToNull(country);
    }

    public boolean known() {
      return city != null || region != null || country != null;
    }

    private static String blankToNull(String part) {
      return part == null || part.isBlank() ? null : part.strip();
    }
  }

  /** {@code query} as each run asks it: with the task prefix, once. */
  public static String taskQuery(String query) {
    return TASK_PREFIX + question(query);
  }

  /** {@code query} without the task prefix: what the chat turn answers. */
  public static String question(String query) {
    String stripped = query.strip();
    return stripped.startsWith(TASK_PREFIX.strip())
        ? stripped.substring(TASK_PREFIX.strip().length()).strip()
        : stripped;
  }

  /** The automation's conversation title, within a conversation title's length (a long subject is cut). */
  public String conversationTitle() {
    return conversationTitle(subject);
  }

  /** The title of the conversation an automation of this subject runs in. */
  public static String conversationTitle(String subject) {
    String title = "Automation: " + subject;
    return title.length() <= Conversation.MAX_TITLE
        ? title
        : title.substring(0, Conversation.MAX_TITLE - 1) + "…";
  }
}
