package io.khoj4j.bootstrap.testing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a payload the way Stripe documents it (HMAC-SHA256 of {@code "<t>.<payload>"} with the endpoint's secret),
 * written here from the documentation rather than with the library under test.
 */
public final class StripeSignatures {

  private StripeSignatures() {}

  public static String header(String payload, String secret, long epochSeconds) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] sig = mac.doFinal((epochSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(sig);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
