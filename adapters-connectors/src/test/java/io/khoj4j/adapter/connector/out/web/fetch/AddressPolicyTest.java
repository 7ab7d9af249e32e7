package io.khoj4j.adapter.connector.out.web.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

  private final AddressPolicy policy = AddressPolicy.publicOnly();

  /** Checks a URL as the fetcher does before connecting: its spelling, then a literal address. */
  private void open(AddressPolicy p, String url) throws RefusedAddressException {
    AddressPolicy.Target target = p.target(URI.create(url));
    if (target.literal().isPresent()) {
      p.check(target.host(), target.literal().get());
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://127.0.0.1/|loopback",
        "http://127.255.255.254:8080/x|loopback",
        "http://0.0.0.0/|unspecified",
        "http://10.1.2.3/|private",
        "http://172.16.0.1/|private",
        "http://172.31.255.255/|private",
        "http://192.168.1.1/|private",
        "http://100.64.0.1/|carrier-grade NAT",
        "http://100.127.255.254/|carrier-grade NAT",
        "http://169.254.1.1/|link-local",
        "http://169.254.169.254/latest/meta-data/|metadata",
        "http://100.100.100.200/|metadata",
        "http://224.0.0.1/|multicast",
        "http://239.255.255.250/|multicast",
        "http://255.255.255.255/|reserved",
        "http://240.0.0.1/|reserved",
        "http://192.0.2.10/|documentation",
        "http://198.18.0.1/|reserved",
        "http://[::1]/|loopback",
        "http://[::]/|unspecified",
        "http://[fe80::1]/|link-local",
        "http://[fc00::1]/|unique local",
        "http://[fd12:3456::1]/|unique local",
        "http://[fd00:ec2::254]/|metadata",
        "http://[ff02::1]/|multicast",
        "http://[fec0::1]/|site-local",
        "http://[::127.0.0.1]/|IPv4-compatible",
        "http://[::ffff:127.0.0.1]/|IPv4-mapped",
        "http://[::ffff:7f00:1]/|IPv4-mapped",
        "http://[::ffff:8.8.8.8]/|IPv4-mapped",
        "http://[64:ff9b::7f00:1]/|NAT64",
        "http://[64:ff9b::a00:1]/|NAT64",
        "http://[2002:7f00:1::]/|6to4",
        "http://[2002:c0a8:101::1]/|6to4",
        "http://[2001:db8::1]/|documentation",
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/|Teredo",
      })
  void refusesEveryNonPublicAddressClass(String url, String why) {
    assertThatThrownBy(() -> open(policy, url))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining(why)
        .hasMessageContaining("may not be fetched");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://2130706433/|127.0.0.1",
        "http://017700000001/|127.0.0.1",
        "http://0x7f000001/|127.0.0.1",
        "http://0x7f.0x0.0x0.0x1/|127.0.0.1",
        "http://0177.0.0.1/|127.0.0.1",
        "http://0177.0000.0000.0001/|127.0.0.1",
        "http://127.1/|127.0.0.1",
        "http://127.0.1/|127.0.0.1",
        "http://0x7f.1/|127.0.0.1",
        "http://0/|0.0.0.0",
        "http://0xA9FEA9FE/|169.254.169.254",
        "http://2852039166/|169.254.169.254",
        "http://10.010.10.10/|10.8.10.10",
        "http://0x08.0x08.0x08.0x08/|8.8.8.8",
        "http://134744072/|8.8.8.8",
      })
  void refusesUnusualSpellingsOfIpAddressesWhateverTheyMean(String url, String meant) {
    assertThatThrownBy(() -> open(policy, url))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("unusual spelling of the IP address " + meant);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://256.1.1.1/",
        "http://1.2.3.4.5/",
        "http://0x1ffffffff/",
        "http://99999999999/",
        "http://example.123/",
        "http://08.1.1.1/"
      })
  void refusesHostsThatEndInANumberButAreNoAddress(String url) {
    assertThatThrownBy(() -> open(policy, url))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("not a valid");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.com/f",
        "file:///etc/passwd",
        "gopher://example.com/",
        "jar:http://x/!/a",
        "javascript:alert(1)",
        "data:text/html,hi",
        "dict://example.com:11211/"
      })
  void refusesSchemesOtherThanHttp(String url) {
    assertThatThrownBy(() -> open(policy, url))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("only http and https");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http:///path", "http://[fe80::1%25eth0]/", "http://exa_mple%2ecom/"})
  void refusesHostsItCannotCheck(String url) {
    assertThatThrownBy(() -> open(policy, url)).isInstanceOf(RefusedAddressException.class);
  }

  @Test
  void refusesAFullWidthSpellingOfAnAddress() {
    // IDNA maps full-width digits to ASCII: the spelling must not hide 127.0.0.1
    assertThatThrownBy(() -> open(policy, "http://\uFF11\uFF12\uFF17.\uFF10.\uFF10.\uFF11/"))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("127.0.0.1 is a loopback address");
    // a non-ASCII name java.net.URI cannot carry is refused rather than guessed at
    assertThatThrownBy(() -> open(policy, "http://b\u00fccher.example/"))
        .isInstanceOf(RefusedAddressException.class)
        .hasMessageContaining("no host name");
  }

  @Test
  void aTrailingDotOrUserInfoDoesNotHideTheAddress() throws Exception {
    assertThatThrownBy(() -> open(policy, "http://127.0.0.1./")).hasMessageContaining("loopback");
    assertThatThrownBy(() -> open(policy, "http://example.com@127.0.0.1/"))
        .hasMessageContaining("loopback");
    assertThat(policy.target(URI.create("HTTP://LOCALHOST.:80/")).host()).isEqualTo("localhost");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://93.184.216.34/",
        "http://8.8.8.8:8080/a?b=c",
        "https://[2606:4700::1111]/",
        "https://example.com/page",
        "https://EXAMPLE.com./x",
        "http://sub-domain.example.co.uk/",
        "https://xn--bcher-kva.example/",
        "http://100.63.255.255/",
        "http://100.128.0.1/",
        "http://172.32.0.1/",
        "http://[64:ff9b::808:808]/",
        "http://[2002:808:808::1]/"
      })
  void opensPublicAddressesAndNames(String url) throws Exception {
    open(policy, url);
  }

  @Test
  void checksEachResolvedAddressOfAName() throws Exception {
    policy.check("example.com", InetAddress.getByName("93.184.216.34"));
    assertThatThrownBy(() -> policy.check("evil.example", InetAddress.getByName("10.0.0.5")))
        .hasMessage("evil.example (10.0.0.5) is a private address and may not be fetched");
    assertThatThrownBy(() -> policy.check("evil.example", InetAddress.getByName("::1")))
        .hasMessageContaining("loopback");
  }

  @Test
  void theAllowListOpensNetworksAndHostNamesButNeverMetadata() throws Exception {
    AddressPolicy allowing = AddressPolicy.allowing(
        List.of("10.1.0.0/16", "192.168.5.7", "wiki.corp", ".intranet.example", "fd00:1::/32"));
    allowing.check("anything.example", InetAddress.getByName("10.1.200.3"));
    open(allowing, "http://10.1.2.3/");
    open(allowing, "http://192.168.5.7/");
    open(allowing, "http://[fd00:1::5]/");
    allowing.check("wiki.corp", InetAddress.getByName("127.0.0.1"));
    allowing.check("docs.intranet.example", InetAddress.getByName("172.20.0.1"));
    allowing.check("intranet.example", InetAddress.getByName("172.20.0.1"));

    assertThatThrownBy(() -> open(allowing, "http://10.2.0.1/")).hasMessageContaining("private");
    assertThatThrownBy(() -> open(allowing, "http://192.168.5.8/")).hasMessageContaining("private");
    assertThatThrownBy(
            () -> allowing.check("wiki.corp.evil.example", InetAddress.getByName("10.9.9.9")))
        .hasMessageContaining("private");
    assertThatThrownBy(() -> allowing.check("xintranet.example", InetAddress.getByName("10.9.9.9")))
        .hasMessageContaining("private");
    assertThatThrownBy(() -> allowing.check("wiki.corp", InetAddress.getByName("169.254.169.254")))
        .hasMessageContaining("metadata");
    assertThatThrownBy(() ->
            open(AddressPolicy.allowing(List.of("169.254.0.0/16")), "http://169.254.169.254/"))
        .hasMessageContaining("metadata");
    // an allowed name does not excuse an unusual spelling
    assertThatThrownBy(() -> open(AddressPolicy.allowing(List.of("10.0.0.0/8")), "http://10.1/"))
        .hasMessageContaining("unusual spelling");
  }

  @Test
  void tellsWhetherAUrlIsOnTheAllowList() {
    AddressPolicy allowing = AddressPolicy.allowing(List.of("10.0.0.0/8", "wiki.corp"));
    assertThat(allowing.allowListed(URI.create("http://wiki.corp/page"))).isTrue();
    assertThat(allowing.allowListed(URI.create("http://10.3.4.5/"))).isTrue();
    assertThat(allowing.allowListed(URI.create("https://example.com/"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "not a host!", "1.2.3", "10.0.0.0/x", "example.123"})
  void refusesAMalformedAllowList(String entry) {
    assertThatThrownBy(() -> AddressPolicy.allowing(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
