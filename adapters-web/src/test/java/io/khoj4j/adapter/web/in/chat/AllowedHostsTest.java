package io.khoj4j.adapter.web.in.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {

  @Test
  void loopbackNamesAreAlwaysAllowedAndNothingElseWithoutADomain() {
    AllowedHosts hosts = new AllowedHosts(Optional.empty(), Optional.empty());

    assertThat(hosts.allows("localhost")).isTrue();
    assertThat(hosts.allows("127.0.0.1")).isTrue();
    assertThat(hosts.allows("[::1]")).isTrue();
    assertThat(hosts.allows("khoj.example.org")).isFalse();
    assertThat(hosts.allows(null)).isFalse();
  }

  @Test
  void thePublicAndTheInternalDomainAreBothAllowedWithTheirSubdomains() {
    AllowedHosts hosts =
        new AllowedHosts(Optional.of("Khoj.Example.org"), Optional.of(" 192.168.1.10 "));

    assertThat(hosts.allows("khoj.example.org")).isTrue();
    assertThat(hosts.allows("app.khoj.example.org")).isTrue();
    assertThat(hosts.allows("192.168.1.10")).isTrue(); // KHOJ_ALLOWED_DOMAIN, a LAN address
    assertThat(hosts.allows("192.168.1.11")).isFalse();
    assertThat(hosts.allows("evilkhoj.example.org")).isFalse();
    assertThat(hosts.allows("khoj.example.org.evil.net")).isFalse();
  }

  @Test
  void theInternalDomainAloneIsEnough() {
    AllowedHosts hosts = new AllowedHosts(Optional.empty(), Optional.of("khoj.lan"));

    assertThat(hosts.allows("khoj.lan")).isTrue();
    assertThat(hosts.allows("other.lan")).isFalse();
  }
}
