package io.khoj4j.adapter.connector.out.web.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.adapter.connector.out.web.fetch.AddressPolicy;
import io.khoj4j.application.error.UpstreamFailureException;
import io.khoj4j.application.port.out.tools.WebReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FallbackWebReaderTest {

  private final List<String> asked = new ArrayList<>();

  private WebReader reader(String name, String text) {
    return new WebReader() {
      @Override
      public boolean available() {
        return true;
      }

      @Override
      public Page read(URI url) {
        asked.add(name);
        if (text == null) {
          throw new UpstreamFailureException(name + " failed", true, null);
        }
        return new Page(url, text);
      }
    };
  }

  @Test
  void triesVendorsInOrderThenReadsDirectly() {
    WebReader readers = new FallbackWebReader(
        List.of(reader("exa", null), reader("olostep", " ")),
        Optional.of(reader("direct", "text")),
        AddressPolicy.publicOnly());

    assertThat(readers.read(URI.create("https://tea.example/")).text()).isEqualTo("text");
    assertThat(asked).containsExactly("exa", "olostep", "direct");
  }

  @Test
  void anIntranetPageOnTheAllowListIsReadDirectlyOnly() {
    WebReader readers = new FallbackWebReader(
        List.of(reader("exa", "vendor")),
        Optional.of(reader("direct", "intranet")),
        AddressPolicy.allowing(List.of("wiki.corp")));

    assertThat(readers.read(URI.create("http://wiki.corp/page")).text()).isEqualTo("intranet");
    assertThat(asked).containsExactly("direct");
  }

  @Test
  void refusedAddressesReachNoReaderAtAll() {
    WebReader readers = new FallbackWebReader(
        List.of(reader("exa", "vendor")),
        Optional.of(reader("direct", "x")),
        AddressPolicy.publicOnly());

    assertThatThrownBy(() -> readers.read(URI.create("http://169.254.169.254/latest/meta-data/")))
        .isInstanceOf(UpstreamFailureException.class)
        .hasMessageContaining("metadata");
    assertThatThrownBy(() -> readers.read(URI.create("file:///etc/passwd")))
        .hasMessageContaining("only http");
    assertThat(asked).isEmpty();
  }

  @Test
  void whenAllFailTheReasonsAreJoined() {
    WebReader readers = new FallbackWebReader(
        List.of(reader("exa", null)),
        Optional.of(reader("direct", null)),
        AddressPolicy.publicOnly());

    assertThatThrownBy(() -> readers.read(URI.create("https://tea.example/")))
        .hasMessage("exa failed; direct failed");
  }
}
