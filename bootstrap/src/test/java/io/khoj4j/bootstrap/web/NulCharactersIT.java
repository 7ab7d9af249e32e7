package io.khoj4j.bootstrap.web;

import static org.hamcrest.Matchers.equalTo;

import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL keeps no NUL character in text: one in a path or query parameter is refused with a 422 naming it, one
 * in a JSON body is dropped, where both used to fail at the first statement with a 500.
 */
@QuarkusTest
class NulCharactersIT {

  @Test
  void aNulInAPathOrQueryIsA422NamingItAndNothingIsWritten() {
    TestUser alice = TestUsers.create();
    alice
        .request()
        .urlEncodingEnabled(false)
        .post("/api/automation?q=news%00today&crontime=0%209%20*%20*%20*")
        .then()
        .statusCode(422)
        .body("detail[0].loc[0]", equalTo("query"))
        .body("detail[0].loc[1]", equalTo("q"))
        .body("detail[0].msg", equalTo("String should not contain NUL characters"));
    alice.request().get("/api/automation").then().statusCode(200).body("size()", equalTo(0));
    alice
        .request()
        .urlEncodingEnabled(false)
        .get("/api/agents/a%00b")
        .then()
        .statusCode(422)
        .body("detail[0].loc[0]", equalTo("path"));
    alice
        .request()
        .urlEncodingEnabled(false)
        .delete("/api/content/file?filename=a%00b.md")
        .then()
        .statusCode(422)
        .body("detail[0].loc[1]", equalTo("filename"));
  }

  @Test
  void aNulInAJsonBodyIsDroppedSoTheTextIsStored() {
    TestUser alice = TestUsers.create();
    alice
        .request()
        .contentType("application/json")
        .body(
            "{\"name\":\"Tea\\u0000 Helper\",\"persona\":\"Brews\\u0000 tea\",\"privacy_level\":\"private\","
                + "\"icon\":\"Lightbulb\",\"color\":\"blue\",\"chat_model\":null}")
        .post("/api/agents")
        .then()
        .statusCode(200)
        .body("name", equalTo("Tea Helper"))
        .body("persona", equalTo("Brews tea"));
  }
}
