package io.khoj4j.domain.chat;

/**
 * A note an answer drew on, as Khoj sends it: the search query that found it, the note's text (Khoj's clients read
 * it from a field named {@code compiled}), its file and link.
 */
public record NoteReference(String query, String compiled, String file, String uri) {}
