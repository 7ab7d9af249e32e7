package io.khoj4j.bootstrap.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.khoj4j.bootstrap.testing.Clients;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Khoj's magic-link login end to end: the mail, the link, the session cookie, sign-out, and guessing limits. */
@QuarkusTest
class MagicLinkIT {

  private static final Pattern LINK =
      Pattern.compile("(http\\S+/auth/magic\\?code=(\\d{6})&email=\\S+)");

  @Inject
  MockMailbox mailbox;

  @Inject
  DataSource dataSource;

  private static String newEmail() {
    return "magic-" + UUID.randomUUID() + "@example.org";
  }

  private void requestLink(String email) {
    given()
        .contentType(ContentType.JSON)
        .header("X-Forwarded-For", Clients.freshAddress())
        .body("{\"email\":\"" + email + "\"}")
        .when()
        .post("/auth/magic")
        .then()
        .statusCode(200);
  }

  private URI linkMailedTo(String email) {
    List<Mail> mails = mailbox.getMailsSentTo(email);
    assertThat(mails).isNotEmpty();
    Matcher m = LINK.matcher(mails.get(mails.size() - 1).getText());
    assertThat(m.find()).as("the mail carries the link").isTrue();
    return URI.create(m.group(1));
  }

  private static Response open(URI link) {
    return given()
        .urlEncodingEnabled(false)
        .redirects()
        .follow(false)
        .header("X-Forwarded-For", Clients.freshAddress())
        .when()
        .get(link.getRawPath() + "?" + link.getRawQuery());
  }

  @Test
  void theMailedLinkSignsTheBrowserInWithASecureSessionCookie() {
    String email = newEmail();
    requestLink(email);
    URI link = linkMailedTo(email);
    assertThat(link.toString()).startsWith("http://localhost:");

    Response opened = open(link);

    opened.then().statusCode(307).header("Location", "/");
    String setCookie = opened.getHeader("Set-Cookie");
    assertThat(setCookie)
        .startsWith("session=")
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Lax")
        .containsPattern("Max-Age=1209[56]\\d\\d")
        .contains("Secure")
        .contains("Path=/");
    String session = opened.getCookie("session");

    given()
        .cookie("session", session)
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(200)
        .body("email", equalTo(email));
    given()
        .cookie("session", session)
        .when()
        .get("/api/health")
        .then()
        .statusCode(200)
        .body("email", equalTo(email));
  }

  @Test
  void aLinkWorksOnceAndWrongCodesAreRefused() {
    String email = newEmail();
    requestLink(email);
    URI link = linkMailedTo(email);
    String code = link.getQuery().replaceAll(".*code=(\\d{6}).*", "$1");
    String wrong = code.equals("000000") ? "000001" : "000000";

    given()
        .redirects()
        .follow(false)
        .queryParam("code", wrong)
        .queryParam("email", email)
        .when()
        .get("/auth/magic")
        .then()
        .statusCode(401)
        .body("detail", equalTo("Invalid login code."));
    open(link).then().statusCode(307);
    open(link).then().statusCode(401);
  }

  @Test
  void unknownAddressesAndMissingParametersAreRefusedClearly() {
    given()
        .queryParam("code", "123456")
        .queryParam("email", newEmail())
        .when()
        .get("/auth/magic")
        .then()
        .statusCode(404)
        .body("detail", equalTo("User not found."));
    given()
        .queryParam("email", newEmail())
        .when()
        .get("/auth/magic")
        .then()
        .statusCode(422)
        .body("detail[0].loc[1]", equalTo("code"));
  }

  @Test
  void badRequestsForALinkStoreNothingAndSendNothing() throws Exception {
    int mailsBefore = mailbox.getTotalMessagesSent();
    long usersBefore = count("select count(*) from users");

    given()
        .contentType(ContentType.JSON)
        .body("{\"email\":\"not an address\"}")
        .when()
        .post("/auth/magic")
        .then()
        .statusCode(422)
        .body("detail[0].loc[1]", equalTo("email"));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .when()
        .post("/auth/magic")
        .then()
        .statusCode(422);
    given()
        .contentType(ContentType.JSON)
        .body("{\"email\":")
        .when()
        .post("/auth/magic")
        .then()
        .statusCode(422);

    assertThat(mailbox.getTotalMessagesSent()).isEqualTo(mailsBefore);
    assertThat(count("select count(*) from users")).isEqualTo(usersBefore);
  }

  @Test
  void signingOutEndsTheSessionOnTheServer() {
    String email = newEmail();
    requestLink(email);
    String session = open(linkMailedTo(email)).getCookie("session");

    Response out =
        given().redirects().follow(false).cookie("session", session).when().get("/auth/logout");

    out.then().statusCode(307).header("Location", "/");
    assertThat(out.getHeader("Set-Cookie")).startsWith("session=;").contains("Max-Age=0");
    given()
        .cookie("session", session)
        .when()
        .get("/api/v1/user")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));
    given().redirects().follow(false).when().get("/auth/logout").then().statusCode(307);
  }

  @Test
  void tenWrongGuessesLockTheAddressEvenFromManyClients() {
    String email = newEmail();
    requestLink(email);
    URI link = linkMailedTo(email);
    String code = link.getQuery().replaceAll(".*code=(\\d{6}).*", "$1");
    for (int i = 0; i < 10; i++) {
      String guess = "%06d".formatted((Integer.parseInt(code) + 1 + i) % 1_000_000);
      given()
          .header("X-Forwarded-For", Clients.freshAddress())
          .queryParam("code", guess)
          .queryParam("email", email)
          .when()
          .get("/auth/magic")
          .then()
          .statusCode(401);
    }

    open(link).then().statusCode(429).body("detail", startsWith("Too many login attempts"));
  }

  @Test
  void oneClientWalkingThroughManyAddressesIsStopped() {
    String client = Clients.freshAddress();
    for (int i = 0; i < 100; i++) {
      given()
          .header("X-Forwarded-For", client)
          .queryParam("code", "123456")
          .queryParam("email", newEmail())
          .when()
          .get("/auth/magic")
          .then()
          .statusCode(404);
    }

    String email = newEmail();
    requestLink(email);
    URI link = linkMailedTo(email);
    given()
        .urlEncodingEnabled(false)
        .redirects()
        .follow(false)
        .header("X-Forwarded-For", client)
        .when()
        .get(link.getRawPath() + "?" + link.getRawQuery())
        .then()
        .statusCode(429)
        .contentType(ContentType.JSON)
        .body("detail", equalTo("Too many login attempts. Try again later."));
    open(link).then().statusCode(307); // the same link from another client
  }

  @Test
  void sessionsAreStoredOnlyAsHashes() throws Exception {
    String email = newEmail();
    requestLink(email);
    String session = open(linkMailedTo(email)).getCookie("session");

    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select * from web_sessions")) {
      int columns = rows.getMetaData().getColumnCount();
      int seen = 0;
      while (rows.next()) {
        for (int i = 1; i <= columns; i++) {
          assertThat(String.valueOf(rows.getString(i))).doesNotContain(session);
        }
        seen++;
      }
      assertThat(seen).isPositive();
    }
  }

  private long count(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
