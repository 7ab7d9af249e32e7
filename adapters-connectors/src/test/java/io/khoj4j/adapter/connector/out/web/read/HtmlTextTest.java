package io.khoj4j.adapter.connector.out.web.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void writesTheMainContentAsMarkdownWithoutPageFurniture() {
    String html = """
        <html><head><title>Tea guide</title><style>p{color:red}</style><script>var x = 1;</script></head>
        <body><nav><a href="/">Home</a></nav><header>Site header</header>
        <main>
          <h1>Green tea</h1>
          <p>Green tea has <strong>catechins</strong> and <em>some</em> caffeine. See <a href="/more">more</a>.</p>
          <h2>Brewing</h2>
          <ul><li>Water at 80&nbsp;°C</li><li>Steep <code>2 min</code></li></ul>
          <ol><li>Warm the pot</li><li>Add leaves</li></ol>
          <blockquote>Tea is patience.</blockquote>
          <pre>def brew():
            return "tea"</pre>
          <table><tr><th>Type</th><th>Temp</th></tr><tr><td>Sencha</td><td>75</td></tr></table>
          <img src="x.png" alt="a cup">
          <p hidden>secret</p>
        </main>
        <aside>Ads</aside><footer>Copyright</footer></body></html>""";

    String md = HtmlText.markdown(html, "https://tea.example/guide/");

    assertThat(md)
        .startsWith("# Green tea")
        .contains(
            "Green tea has **catechins** and *some* caffeine. See [more](https://tea.example/more).")
        .contains("## Brewing")
        .containsPattern("- Water at 80\\s°C\n- Steep `2 min`")
        .contains("1. Warm the pot\n2. Add leaves")
        .contains("> Tea is patience.")
        .contains("```\ndef brew():\n    return \"tea\"\n```")
        .contains("| Type | Temp |\n| Sencha | 75 |")
        .doesNotContain(
            "Home", "Site header", "Ads", "Copyright", "var x", "color:red", "secret", "x.png");
  }

  @Test
  void usesTheTitleWhenThePageHasNoHeadingAndTheMetaCharsetWhenNoneIsDeclared() {
    byte[] html =
        "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9</title></head><body><p>cr\u00e8me</p></body></html>"
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));

    assertThat(HtmlText.markdown(html, null, "https://x.example/"))
        .isEqualTo("# Caf\u00e9\n\ncr\u00e8me");
    assertThat(HtmlText.markdown(
            "<p>a</p>".getBytes(StandardCharsets.UTF_8), "UTF-8", "https://x.example/"))
        .isEqualTo("a");
  }

  @Test
  void aPageWithoutTextGivesBlankText() {
    assertThat(HtmlText.markdown(
            "<html><body><script>1</script><img src=a></body></html>", "https://x/"))
        .isBlank();
  }
}
