package io.khoj4j.application.service.chat.starter;

import io.khoj4j.application.port.in.chat.SuggestStartersQuery;
import io.khoj4j.application.port.in.chat.SuggestStartersUseCase;
import io.khoj4j.application.port.out.content.EntryRepository;
import io.khoj4j.application.port.out.conversation.ConversationRepository;
import io.khoj4j.domain.chat.ChatMessage;
import io.khoj4j.domain.chat.Conversation;
import io.khoj4j.domain.chat.Speaker;
import io.khoj4j.domain.content.IndexedFile;
import io.khoj4j.domain.user.UserId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Khoj serves three random questions from a table an administrator fills (the same for everyone). khoj4j draws them
 * from the caller's own data, without a model call (the web client asks on every page load): the topics of their most
 * recently synced notes (a file's first heading, else its name) and the questions they asked most recently. Notes and
 * questions alternate, notes first; the same text is never offered twice; a user with neither gets none. Both
 * repositories are scoped by the owner, so another user's notes or questions can never appear.
 */
public final class SuggestStartersService implements SuggestStartersUseCase {

  /** Recent files and conversations looked at. */
  static final int RECENT = 5;
  /** Longest topic or question offered, in characters: a starter is a one-line suggestion. */
  static final int MAX_LENGTH = 120;

  private static final Pattern MARKDOWN_HEADING =
      Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$", Pattern.MULTILINE);
  private static final Pattern ORG_HEADING = Pattern.compile(
      "^\\*+\\s+(?:(?:TODO|DONE)\\s+)?(?:\\[#.\\]\\s+)?(.+?)(?:\\s+:[\\w@:]+:)?\\s*$",
      Pattern.MULTILINE);

  private final EntryRepository entries;
  private final ConversationRepository conversations;

  public SuggestStartersService(EntryRepository entries, ConversationRepository conversations) {
    this.entries = entries;
    this.conversations = conversations;
  }

  @Override
  public List<String> suggest(SuggestStartersQuery query) {
    Iterator<String> notes = noteTopics(query.userId()).iterator();
    Iterator<String> asked = recentQuestions(query.userId()).iterator();
    Set<String> starters = new LinkedHashSet<>();
    Set<String> seen = new java.util.HashSet<>();
    while (starters.size() < MAX_STARTERS && (notes.hasNext() || asked.hasNext())) {
      for (Iterator<String> source : List.of(notes, asked)) {
        if (starters.size() < MAX_STARTERS && source.hasNext()) {
          String next = source.next();
          if (seen.add(next.toLowerCase(Locale.ROOT))) {
            starters.add(next);
          }
        }
      }
    }
    return List.copyOf(starters);
  }

  private List<String> noteTopics(UserId owner) {
    List<String> topics = new ArrayList<>();
    for (IndexedFile file : entries.listFiles(owner, 0, RECENT)) {
      String topic = topicOf(file);
      if (!topic.isBlank()) {
        topics.add("What do my notes say about " + topic + "?");
      }
    }
    return topics;
  }

  /** The file's first heading (markdown or org), else its name without folders and extension. */
  static String topicOf(IndexedFile file) {
    String text = file.rawText() == null ? "" : file.rawText();
    String head = text.length() > 20_000 ? text.substring(0, 20_000) : text;
    for (Pattern p : List.of(MARKDOWN_HEADING, ORG_HEADING)) {
      Matcher m = p.matcher(head);
      if (m.find() && !clean(m.group(1)).isBlank()) {
        return clean(m.group(1));
      }
    }
    String name = file.name() == null ? "" : file.name().replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return clean(dot > 0 ? name.substring(0, dot) : name).replace('_', ' ');
  }

  private List<String> recentQuestions(UserId owner) {
    List<String> questions = new ArrayList<>();
    for (Conversation c : conversations.list(owner, RECENT)) {
      List<ChatMessage> messages = conversations.messages(owner, c.id());
      for (int i = messages.size() - 1; i >= 0; i--) {
        ChatMessage m = messages.get(i);
        String text = clean(m.message());
        // slash commands and automation runs are instructions, not questions a person would ask
        // again
        if (m.by() == Speaker.YOU
            && !text.isBlank()
            && !text.startsWith("/")
            && m.message().length() <= MAX_LENGTH) {
          questions.add(text);
        }
      }
    }
    return questions;
  }

  private static String clean(String text) {
    String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return oneLine.length() > MAX_LENGTH ? oneLine.substring(0, MAX_LENGTH).strip() + "…" : oneLine;
  }
}
