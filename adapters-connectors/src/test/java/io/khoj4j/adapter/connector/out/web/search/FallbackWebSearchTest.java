package io.khoj4j.adapter.connector.out.web.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.WebSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FallbackWebSearchTest {

  private final List<String> asked = new ArrayList<>();
  private static final WebSearch.Query QUERY = new WebSearch.Query("tea", 10, Optional.empty());

  private WebSearch finding(String name, String link) {
    return provider(
        name,
        () -> new WebSearch.Results(
            "tea", List.of(new WebSearch.Hit(name, link, "")), Optional.empty()));
  }

  private WebSearch empty(String name) {
    return provider(name, () -> new WebSearch.Results("tea", List.of(), Optional.empty()));
  }

  private WebSearch failing(String name) {
    return provider(name, () -> {
      throw new UpstreamFailureException(name + " failed with status 500", true, null);
    });
  }

  private WebSearch provider(String name, java.util.function.Supplier<WebSearch.Results> answer) {
    return new WebSearch() {
      @Override
      public boolean available() {
        return true;
      }

      @Override
      public Results search(Query query) {
        asked.add(name);
        return answer.get();
      }
    };
  }

  @Test
  void theFirstProviderThatFindsSomethingAnswers() {
    WebSearch search = new FallbackWebSearch(List.of(
        failing("serper"),
        empty("exa"),
        finding("searxng", "https://a/"),
        finding("never", "https://b/")));

    assertThat(search.search(QUERY).organic())
        .extracting(WebSearch.Hit::link)
        .containsExactly("https://a/");
    assertThat(asked).containsExactly("serper", "exa", "searxng");
  }

  @Test
  void whenEveryProviderFailsTheTurnIsToldWhy() {
    WebSearch search = new FallbackWebSearch(List.of(failing("serper"), failing("searxng")));

    assertThatThrownBy(() -> search.search(QUERY))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessage("serper failed with status 500; searxng failed with status 500");
  }

  @Test
  void whenProvidersOnlyFoundNothingTheResultsAreEmpty() {
    WebSearch search = new FallbackWebSearch(List.of(failing("serper"), empty("searxng")));

    assertThat(search.search(QUERY).isEmpty()).isTrue();
  }

  @Test
  void withoutProvidersItIsNotAvailable() {
    assertThat(new FallbackWebSearch(List.of()).available()).isFalse();
    assertThat(new FallbackWebSearch(List.of(empty("a"))).available()).isTrue();
  }
}
