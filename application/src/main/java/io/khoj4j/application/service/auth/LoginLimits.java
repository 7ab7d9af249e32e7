package io.khoj4j.application.service.auth;

import io.khoj4j.application.port.out.ratelimit.RateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * How many sign-in attempts an e-mail address and a client IP may make. The per-address limits follow Khoj (20 links
 * a day, 10 code checks a day); the per-client limits stop one machine from walking through many addresses.
 */
public record LoginLimits(
    RateLimit passwordPerAddress,
    RateLimit passwordPerClient,
    RateLimit linkRequestPerAddress,
    RateLimit linkRequestPerClient,
    RateLimit linkRedeemPerAddress,
    RateLimit linkRedeemPerClient) {

  public LoginLimits {
    Objects.requireNonNull(passwordPerAddress);
    Objects.requireNonNull(passwordPerClient);
    Objects.requireNonNull(linkRequestPerAddress);
    Objects.requireNonNull(linkRequestPerClient);
    Objects.requireNonNull(linkRedeemPerAddress);
    Objects.requireNonNull(linkRedeemPerClient);
  }

  public static LoginLimits defaults() {
    Duration day = Duration.ofDays(1);
    Duration quarter = Duration.ofMinutes(15);
    return new LoginLimits(
        new RateLimit("password_login_by_email", 10, quarter),
        new RateLimit("password_login_by_client", 50, quarter),
        new RateLimit("magic_link_login_by_email", 20, day),
        new RateLimit("magic_link_login_by_client", 100, day),
        new RateLimit("magic_link_verification_by_email", 10, day),
        new RateLimit("magic_link_verification_by_client", 100, day));
  }
}
