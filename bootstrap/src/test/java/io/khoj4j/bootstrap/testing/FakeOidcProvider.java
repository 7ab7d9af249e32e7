package io.khoj4j.bootstrap.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * A stand-in OpenID Connect provider on WireMock: discovery, JWKS with an RSA key made when the test starts, an
 * authorization endpoint (never called: the test plays the browser), and a token endpoint that answers any code
 * with an ID token and an access token for {@link #PERSON_EMAIL}. Tests mint their own bearer JWTs with
 * {@link #token}.
 */
public class FakeOidcProvider implements QuarkusTestResourceLifecycleManager {

  public static final String CLIENT_ID = "khoj4j-web";
  public static final String PERSON_SUBJECT = "person-42";
  public static final String PERSON_EMAIL = "sso-person@example.org";

  private static final KeyPair KEYS = rsa();
  private static final KeyPair OTHER_KEYS = rsa();
  private static volatile String issuer;

  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    issuer = server.baseUrl() + "/realms/home";
    server.stubFor(get(urlPathEqualTo("/realms/home/.well-known/openid-configuration"))
        .willReturn(json("""
            {"issuer":"%1$s","authorization_endpoint":"%1$s/auth","token_endpoint":"%1$s/token",
             "jwks_uri":"%1$s/certs","response_types_supported":["code"],"subject_types_supported":["public"],
             "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer))));
    server.stubFor(get(urlPathEqualTo("/realms/home/certs")).willReturn(json(jwks())));
    server.stubFor(post(urlPathEqualTo("/realms/home/token")).willReturn(json("""
        {"access_token":"%s","id_token":"%s","token_type":"Bearer","expires_in":300}"""
        .formatted(
            token(PERSON_SUBJECT, PERSON_EMAIL, true),
            Jwt.issuer(issuer).subject(PERSON_SUBJECT).audience(CLIENT_ID).claim("email", PERSON_EMAIL)
                .claim("email_verified", true).claim("given_name", "Sso").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300)).jws().keyId("k1").sign(KEYS.getPrivate())))));
    return Map.of(
        "khoj.oidc.enabled", "true",
        "quarkus.oidc.auth-server-url", issuer,
        "quarkus.oidc.client-id", CLIENT_ID,
        "quarkus.oidc.credentials.secret", "client-secret",
        "quarkus.oidc.authentication.cookie-force-secure", "false");
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }

  /** A bearer access token for {@code subject}, signed with the provider's key. */
  public static String token(String subject, String email, boolean emailVerified) {
    return sign(subject, email, emailVerified, Instant.now().plusSeconds(300), KEYS.getPrivate());
  }

  public static String expiredToken(String subject, String email) {
    return sign(subject, email, true, Instant.now().minusSeconds(3600), KEYS.getPrivate());
  }

  public static String tokenSignedByAnotherKey(String subject, String email) {
    return sign(subject, email, true, Instant.now().plusSeconds(300), OTHER_KEYS.getPrivate());
  }

  private static String sign(String subject, String email, boolean verified, Instant expiry, PrivateKey key) {
    var claims = Jwt.issuer(issuer).subject(subject).audience(CLIENT_ID).issuedAt(expiry.minusSeconds(600))
        .expiresAt(expiry).claim("email_verified", verified);
    if (email != null) {
      claims.claim("email", email);
    }
    return claims.jws().keyId("k1").sign(key);
  }

  private static String jwks() {
    RSAPublicKey pub = (RSAPublicKey) KEYS.getPublic();
    return """
        {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"k1","n":"%s","e":"%s"}]}"""
        .formatted(b64(pub.getModulus()), b64(pub.getPublicExponent()));
  }

  private static String b64(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
