package io.khoj4j.adapter.connector.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailerAutomationMailerTest {

  @Test
  void markdownBecomesHtml() {
    String html = MailerAutomationMailer.html("# News\n\n- **one**\n- [two](https://example.org/two)\n\n`code`");

    assertThat(html).contains("<h1>News</h1>", "<strong>one</strong>", "href=\"https://example.org/two\">two</a>",
        "<code>code</code>");
  }

  @Test
  void htmlFromTheModelOrANoteIsShownNotRun() {
    String html = MailerAutomationMailer.html(
        "Hello <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n[click](javascript:alert(3))");

    assertThat(html).doesNotContain("<script", "<img", "javascript:");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");
  }
}
