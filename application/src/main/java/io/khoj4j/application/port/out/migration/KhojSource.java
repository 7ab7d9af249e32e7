package io.khoj4j.application.port.out.migration;

import io.khoj4j.domain.chat.ChatMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Khoj server's data, read only, page by page: each {@code after} is the last key of the previous page (start with
 * {@link #FIRST}), each page is ordered by key. Ids are Khoj's; text is as Khoj stored it.
 */
public interface KhojSource extends AutoCloseable {

  /** The key before every key. */
  String FIRST = "";

  List<User> users(String after, int limit);

  List<Token> tokens(String after, int limit);

  List<ModelApi> modelApis();

  List<ChatModel> chatModels();

  /** The files of users (not of agents): Khoj's file objects, and, for entries without one, their joined text. */
  List<File> files(String after, int limit);

  List<Agent> agents(String after, int limit);

  List<Conversation> conversations(String after, int limit);

  List<PublicConversation> publicConversations(String after, int limit);

  /** Users' accounts at Google (Khoj's only sign-in provider). */
  List<Identity> identities(String after, int limit);

  /** Users' Notion and GitHub settings. */
  List<Connector> connectors(String after, int limit);

  List<Subscription> subscriptions(String after, int limit);

  /** Facts Khoj remembered about its users, with the vector and the search model that made it. */
  List<Memory> memories(String after, int limit);

  /** Khoj's embedding models (its search model settings); its entries and memories name the one that embedded them. */
  List<SearchModel> searchModels();

  /**
   * The vectors Khoj keeps for the pieces of one user's file (a {@link File}'s {@code userKey} and {@code name}) that
   * the search model {@code searchModelKey} made, each with the piece's compiled text.
   */
  List<Vector> fileVectors(String userKey, String fileName, String searchModelKey);

  /** Users' automations (Khoj keeps each as a scheduler job). */
  List<Automation> automations(String after, int limit);

  /** How many items the source holds of kinds this server does not import (kind → count, none when zero). */
  List<Leftover> leftovers();

  @Override
  void close();

  record User(
      String key,
      String username,
      String email,
      String firstName,
      String lastName,
      boolean verifiedEmail,
      boolean admin,
      boolean hasPassword,
      Instant joined) {}

  record Token(
      String key,
      String userKey,
      String token,
      String name,
      Instant createdAt,
      Instant accessedAt) {}

  record ModelApi(String key, String name, String apiKey, String baseUrl) {}

  record ChatModel(
      String key,
      String name,
      String friendlyName,
      String modelType,
      Integer maxPromptSize,
      boolean visionEnabled,
      String priceTier,
      String description,
      String strengths,
      String modelApiKey) {}

  /** {@code type} and {@code source} are Khoj's entry type and source ({@code markdown}, {@code computer}, ...). */
  record File(String key, String userKey, String name, String type, String source, String text) {}

  record Agent(
      String key,
      String creatorKey,
      String name,
      String personality,
      List<String> inputTools,
      List<String> outputModes,
      String chatModelKey,
      String slug,
      String color,
      String icon,
      String privacy,
      boolean hidden,
      boolean managedByAdmin,
      Set<String> files,
      Instant createdAt,
      Instant updatedAt) {}

  /** {@code unreadable} says why the messages could not be read (then there are none), else empty. */
  record Conversation(
      String key,
      String userKey,
      String slug,
      String title,
      Optional<String> agentKey,
      List<String> fileFilters,
      List<ChatMessage> messages,
      Instant createdAt,
      Instant updatedAt,
      Optional<String> unreadable) {

    public Conversation(
        String key,
        String userKey,
        String slug,
        String title,
        Optional<String> agentKey,
        List<String> fileFilters,
        List<ChatMessage> messages,
        Instant createdAt,
        Instant updatedAt) {
      this(
          key,
          userKey,
          slug,
          title,
          agentKey,
          fileFilters,
          messages,
          createdAt,
          updatedAt,
          Optional.empty());
    }
  }

  record PublicConversation(
      String key,
      String userKey,
      String slug,
      String title,
      Optional<String> agentKey,
      List<ChatMessage> messages,
      Instant createdAt,
      Optional<String> unreadable) {

    public PublicConversation(
        String key,
        String userKey,
        String slug,
        String title,
        Optional<String> agentKey,
        List<ChatMessage> messages,
        Instant createdAt) {
      this(key, userKey, slug, title, agentKey, messages, createdAt, Optional.empty());
    }
  }

  record Identity(String key, String userKey, String issuer, String subject, String picture) {}

  /** {@code kind} is {@code notion} or {@code github}; {@code repos} only for GitHub. */
  record Connector(String key, String userKey, String kind, String token, List<Repo> repos) {}

  record Repo(String owner, String name, String branch) {}

  record Subscription(
      String key,
      String userKey,
      String type,
      boolean recurring,
      Instant renewalDate,
      Instant enabledTrialAt,
      Instant createdAt) {}

  /** {@code searchModelKey} and {@code vector} are null when Khoj's row has none. */
  record Memory(
      String key,
      String userKey,
      String raw,
      Instant createdAt,
      String searchModelKey,
      float[] vector) {

    public Memory(String key, String userKey, String raw, Instant createdAt) {
      this(key, userKey, raw, createdAt, null, null);
    }
  }

  /**
   * One of Khoj's search models: {@code biEncoder} is the model's name (on Hugging Face, or at the inference endpoint
   * Khoj calls); {@code plainDocuments} says Khoj embeds documents as they are: no prompt before them, vectors at full
   * precision.
   */
  record SearchModel(String key, String name, String biEncoder, boolean plainDocuments) {}

  /** A vector Khoj stored and the text it was made from. */
  record Vector(String text, float[] values) {}

  /**
   * An automation: {@code key} is its scheduler job's id, {@code userKey} its owner's UUID, {@code crontime} read in
   * {@code timezone} (empty when the job does not say), {@code conversationKey} the conversation its runs answer in.
   * {@code unreadable} says why the job could not be read; then only the keys are set.
   */
  record Automation(
      String key,
      String userKey,
      String queryToRun,
      String schedulingRequest,
      String subject,
      String crontime,
      Optional<String> timezone,
      Optional<String> conversationKey,
      Optional<String> unreadable,
      io.khoj4j.domain.automation.Automation.Place place) {

    /** Khoj keeps the place of the request that made the automation; one made without a place has none. */
    public Automation {
      place = place == null ? io.khoj4j.domain.automation.Automation.Place.UNKNOWN : place;
    }

    public Automation(
        String key,
        String userKey,
        String queryToRun,
        String schedulingRequest,
        String subject,
        String crontime,
        Optional<String> timezone,
        Optional<String> conversationKey,
        Optional<String> unreadable) {
      this(
          key,
          userKey,
          queryToRun,
          schedulingRequest,
          subject,
          crontime,
          timezone,
          conversationKey,
          unreadable,
          null);
    }

    public static Automation unreadable(String key, String userKey, String why) {
      return new Automation(
          key, userKey, "", "", "", "", Optional.empty(), Optional.empty(), Optional.of(why));
    }
  }

  record Leftover(String kind, long count) {}
}
