package io.khoj4j.adapter.llm.out.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Replies shaped like those models really give when asked for JSON. */
class JacksonModelReplyReaderTest {

  private final JacksonModelReplyReader reader = new JacksonModelReplyReader();

  @Test
  void cleanJson() {
    assertThat(reader.strings("{\"queries\": [\"tea in Kyoto\", \"matcha\"]}", "queries"))
        .containsExactly("tea in Kyoto", "matcha");
  }

  @Test
  void aCodeFenceAroundTheObject() {
    assertThat(reader.strings("```json\n{\"queries\": [\"a \\\"b\\\"\", \"c\"]}\n```", "queries"))
        .containsExactly("a \"b\"", "c");
    assertThat(reader.strings("```\n{\"source\": [\"notes\"]}\n```", "source"))
        .containsExactly("notes");
  }

  @Test
  void anObjectFieldAsCompactJsonAndNothingForOtherValues() {
    String plan = "```json\n{\"tool\": \"shop/stock\", \"arguments\": {'tea': \"sencha\", "
        + "\"grams\": [50, 100],},}\n```";
    assertThat(reader.object(plan, "arguments"))
        .contains("{\"tea\":\"sencha\",\"grams\":[50,100]}");
    assertThat(reader.object(plan, "tool")).isEmpty();
    assertThat(reader.object(plan, "missing")).isEmpty();
    assertThat(reader.object("no json here", "arguments")).isEmpty();
  }

  @Test
  void proseBeforeTheObject() {
    assertThat(reader.string(
            "Sure! Here is the JSON you asked for:\n{\"description\": \"a red fox\", "
                + "\"shape\": \"landscape\"}",
            "shape"))
        .contains("landscape");
  }

  @Test
  void trailingCommas() {
    assertThat(reader.strings("{\"queries\": [\"first\", \"second\",],}", "queries"))
        .containsExactly("first", "second");
  }

  @Test
  void garbageAfterTheObject() {
    assertThat(reader.strings(
            "{\"links\": [\"https://example.org/a\"]}\nLet me know if you need more.", "links"))
        .containsExactly("https://example.org/a");
    assertThat(reader.strings("{\"queries\": [\"x\"]}}", "queries")).containsExactly("x");
  }

  @Test
  void singleQuotesAndComments() {
    assertThat(reader.strings("{'source': ['online', 'notes'] // the web first\n}", "source"))
        .containsExactly("online", "notes");
  }

  @Test
  void aSingleStringWhereAnArrayWasAskedForCountsAsOne() {
    assertThat(reader.strings("{\"source\": \"general\"}", "source")).containsExactly("general");
  }

  @Test
  void aFieldWrappedInAnotherObjectIsFound() {
    assertThat(reader.strings("{\"result\": {\"queries\": [\"nested\"]}}", "queries"))
        .containsExactly("nested");
  }

  @Test
  void blankItemsGoAndNewlinesInAnItemBecomeSpaces() {
    assertThat(
            reader.strings("{\"queries\": [\"  \", \"two\\nlines\", null, \" kept \"]}", "queries"))
        .containsExactly("two lines", "kept");
  }

  @Test
  void whatCannotBeReadGivesNothing() {
    assertThat(reader.strings("no json here", "queries")).isEmpty();
    assertThat(reader.strings("{\"queries\": [\"cut off", "queries")).isEmpty();
    assertThat(reader.strings("[\"a\", \"b\"]", "queries")).isEmpty();
    assertThat(reader.string("{\"description\": \"   \"}", "description")).isEmpty();
    assertThat(reader.string("{\"other\": \"x\"}", "description")).isEmpty();
    assertThat(reader.string("{\"description\": {\"text\": \"x\"}}", "description"))
        .isEmpty();
  }
}
