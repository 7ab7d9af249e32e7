package io.khoj4j.application.service.migration;

import io.khoj4j.application.port.out.migration.KhojSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A Khoj server in memory; keys compare as text. {@code failConversationsOnce} simulates an interrupted run. */
final class FakeKhojSource implements KhojSource {

  final List<User> users = new ArrayList<>();
  final List<Token> tokens = new ArrayList<>();
  final List<ModelApi> apis = new ArrayList<>();
  final List<ChatModel> models = new ArrayList<>();
  final List<File> files = new ArrayList<>();
  final List<Agent> agents = new ArrayList<>();
  final List<Conversation> conversations = new ArrayList<>();
  final List<PublicConversation> shared = new ArrayList<>();
  final List<Identity> identities = new ArrayList<>();
  final List<Connector> connectors = new ArrayList<>();
  final List<Subscription> subscriptions = new ArrayList<>();
  final List<Memory> memories = new ArrayList<>();
  final List<Automation> automations = new ArrayList<>();
  final List<Leftover> leftovers = new ArrayList<>();
  final List<SearchModel> searchModels = new ArrayList<>();
  /** Vectors by user key, file name and search model key, joined with '|'. */
  final Map<String, List<Vector>> vectors = new HashMap<>();

  int conversationFailures;
  int closed;

  private static <T> List<T> page(List<T> all, Function<T, String> key, String after, int limit) {
    return all.stream()
        .filter(t -> key.apply(t).compareTo(after) > 0)
        .sorted(Comparator.comparing(key))
        .limit(limit)
        .toList();
  }

  @Override
  public List<SearchModel> searchModels() {
    return List.copyOf(searchModels);
  }

  @Override
  public List<Vector> fileVectors(String userKey, String fileName, String searchModelKey) {
    return vectors.getOrDefault(userKey + "|" + fileName + "|" + searchModelKey, List.of());
  }

  @Override
  public List<Automation> automations(String after, int limit) {
    return page(automations, Automation::key, after, limit);
  }

  @Override
  public List<User> users(String after, int limit) {
    return page(users, User::key, after, limit);
  }

  @Override
  public List<Token> tokens(String after, int limit) {
    return page(tokens, Token::key, after, limit);
  }

  @Override
  public List<ModelApi> modelApis() {
    return List.copyOf(apis);
  }

  @Override
  public List<ChatModel> chatModels() {
    return List.copyOf(models);
  }

  @Override
  public List<File> files(String after, int limit) {
    return page(files, File::key, after, limit);
  }

  @Override
  public List<Agent> agents(String after, int limit) {
    return page(agents, Agent::key, after, limit);
  }

  @Override
  public List<Conversation> conversations(String after, int limit) {
    if (conversationFailures > 0) {
      conversationFailures--;
      throw new IllegalStateException("connection to the Khoj database lost");
    }
    return page(conversations, Conversation::key, after, limit);
  }

  @Override
  public List<PublicConversation> publicConversations(String after, int limit) {
    return page(shared, PublicConversation::key, after, limit);
  }

  @Override
  public List<Identity> identities(String after, int limit) {
    return page(identities, Identity::key, after, limit);
  }

  @Override
  public List<Connector> connectors(String after, int limit) {
    return page(connectors, Connector::key, after, limit);
  }

  @Override
  public List<Subscription> subscriptions(String after, int limit) {
    return page(subscriptions, Subscription::key, after, limit);
  }

  @Override
  public List<Memory> memories(String after, int limit) {
    return page(memories, Memory::key, after, limit);
  }

  @Override
  public List<Leftover> leftovers() {
    return List.copyOf(leftovers);
  }

  @Override
  public void close() {
    closed++;
  }
}
