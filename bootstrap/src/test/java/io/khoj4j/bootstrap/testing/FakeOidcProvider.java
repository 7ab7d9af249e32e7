package io.khoj4j.bootstrap.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in OpenID Connect provider on WireMock: discovery, JWKS with an RSA key made when the test starts, an
 * authorization endpoint that sends the browser back to the {@code redirect_uri} with a code it made up for this run
 * (and the {@code state} it was given), and a token endpoint that is as strict as a real provider: it answers with
 * an ID token (with {@link #PERSON_PICTURE} as its {@code picture}) and an access token for {@link #PERSON_EMAIL}
 * only when it receives
 * {@code grant_type=authorization_code}, that very code, the client's credentials by HTTP Basic authentication and
 * a {@code redirect_uri} on this server's {@code /auth/login}; anything else gets OAuth's {@code 400 invalid_grant}.
 * Tests mint their own bearer JWTs with {@link #token} and its siblings.
 *
 * <p>Init argument {@code audience}: the server's accepted token audiences ({@code khoj.oidc.audience}); without
 * it the server keeps its default, the client id.
 */
public class FakeOidcProvider implements QuarkusTestResourceLifecycleManager {

  public static final String CLIENT_ID = "khoj4j-web";
  public static final String CLIENT_SECRET = "client-secret";
  public static final String PERSON_SUBJECT = "person-42";
  public static final String PERSON_EMAIL = "sso-person@example.org";
  /** New on every run, so a picture stored by an earlier run in the same database cannot pass for this one. */
  public static final String PERSON_PICTURE =
      "https://pictures.example/sso-person-" + UUID.randomUUID() + ".png";

  private static final KeyPair KEYS = rsa();
  private static final KeyPair OTHER_KEYS = rsa();
  private static volatile String issuer;

  private WireMockServer server;
  private String audience;

  @Override
  public void init(Map<String, String> initArgs) {
    audience = initArgs.get("audience");
  }

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    issuer = server.baseUrl() + "/realms/home";
    String issuedCode = "code-" + UUID.randomUUID();
    server.stubFor(get(urlPathEqualTo("/realms/home/.well-known/openid-configuration"))
        .willReturn(json(200, """
            {"issuer":"%1$s","authorization_endpoint":"%1$s/auth","token_endpoint":"%1$s/token",
             "jwks_uri":"%1$s/certs","response_types_supported":["code"],"subject_types_supported":["public"],
             "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer))));
    server.stubFor(get(urlPathEqualTo("/realms/home/certs")).willReturn(json(200, jwks())));
    // The person signs in at the provider, which sends the browser back with a code and the state
    // it was given.
    server.stubFor(get(urlPathEqualTo("/realms/home/auth"))
        .withQueryParam("client_id", equalTo(CLIENT_ID))
        .withQueryParam("response_type", equalTo("code"))
        .willReturn(aResponse()
            .withStatus(302)
            .withTransformers("response-template")
            .withHeader(
                "Location",
                "{{{request.query.redirect_uri}}}?code=" + issuedCode
                    + "&state={{{request.query.state}}}")));
    server.stubFor(
        post(urlPathEqualTo("/realms/home/token")).atPriority(10).willReturn(json(400, """
            {"error":"invalid_grant","error_description":"not the code, client or redirect URI this provider issued"}
            """)));
    server.stubFor(post(urlPathEqualTo("/realms/home/token"))
        .atPriority(1)
        .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withFormParam("grant_type", equalTo("authorization_code"))
        .withFormParam("code", equalTo(issuedCode))
        .withFormParam(
            "redirect_uri", matching("https?://(localhost|127\\.0\\.0\\.1):\\d+/auth/login"))
        .willReturn(json(200, """
            {"access_token":"%s","id_token":"%s","token_type":"Bearer","expires_in":300}""".formatted(
                token(PERSON_SUBJECT, PERSON_EMAIL, true),
                Jwt.issuer(issuer)
                    .subject(PERSON_SUBJECT)
                    .audience(CLIENT_ID)
                    .claim("email", PERSON_EMAIL)
                    .claim("email_verified", true)
                    .claim("given_name", "Sso")
                    .claim("picture", PERSON_PICTURE)
                    .issuedAt(Instant.now())
                    .expiresAt(Instant.now().plusSeconds(300))
                    .jws()
                    .keyId("k1")
                    .sign(KEYS.getPrivate())))));
    Map<String, String> config = new HashMap<>(Map.of(
        "khoj.oidc.enabled", "true",
        "quarkus.oidc.auth-server-url", issuer,
        "quarkus.oidc.client-id", CLIENT_ID,
        "quarkus.oidc.credentials.secret", CLIENT_SECRET,
        "quarkus.oidc.authentication.cookie-force-secure", "false"));
    if (audience != null) {
      config.put("khoj.oidc.audience", audience);
    }
    return config;
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }

  /** A bearer access token for {@code subject} meant for this server (audience: the client id). */
  public static String token(String subject, String email, boolean emailVerified) {
    return sign(
        CLIENT_ID,
        subject,
        email,
        emailVerified,
        Instant.now().plusSeconds(300),
        KEYS.getPrivate());
  }

  /** A bearer access token for {@code subject} whose {@code picture} claim is {@code picture}. */
  public static String tokenWithPicture(String subject, String email, String picture) {
    return Jwt.issuer(issuer)
        .subject(subject)
        .audience(CLIENT_ID)
        .claim("email", email)
        .claim("email_verified", true)
        .claim("picture", picture)
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(300))
        .jws()
        .keyId("k1")
        .sign(KEYS.getPrivate());
  }

  /** A bearer access token that the provider issued for {@code audience}, some client or API. */
  public static String tokenFor(String audience, String subject, String email) {
    return sign(audience, subject, email, true, Instant.now().plusSeconds(300), KEYS.getPrivate());
  }

  public static String expiredToken(String subject, String email) {
    return sign(
        CLIENT_ID, subject, email, true, Instant.now().minusSeconds(3600), KEYS.getPrivate());
  }

  public static String tokenSignedByAnotherKey(String subject, String email) {
    return sign(
        CLIENT_ID, subject, email, true, Instant.now().plusSeconds(300), OTHER_KEYS.getPrivate());
  }

  private static String sign(
      String audience,
      String subject,
      String email,
      boolean verified,
      Instant expiry,
      PrivateKey key) {
    var claims = Jwt.issuer(issuer)
        .subject(subject)
        .issuedAt(expiry.minusSeconds(600))
        .expiresAt(expiry)
        .claim("email_verified", verified);
    if (audience != null) {
      claims.audience(audience);
    }
    if (email != null) {
      claims.claim("email", email);
    }
    return claims.jws().keyId("k1").sign(key);
  }

  private static String jwks() {
    RSAPublicKey pub = (RSAPublicKey) KEYS.getPublic();
    return """
        {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"k1","n":"%s","e":"%s"}]}""".formatted(b64(pub.getModulus()), b64(pub.getPublicExponent()));
  }

  private static String b64(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
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
