package io.khoj4j.bootstrap.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.khoj4j.bootstrap.testing.FakeOpenAi;
import io.khoj4j.bootstrap.testing.Multipart;
import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded default: no language model configured, chat still finds and lists the right notes. */
@QuarkusTest
class ChatWithoutModelIT {

  @Test
  void notesAreListedWithTheirReferencesAndHowToAddAModel() {
    FakeOpenAi.removeAllModels(TestUsers.createAdmin());
    TestUser user = TestUsers.create();
    Multipart notes = Multipart.files()
        .add("/notes/bike.md", "text/markdown", "# Bike\nThe bicycle chain was replaced in May.\n")
        .add("/notes/plants.md", "text/markdown", "# Plants\nWater the ferns twice a week.\n");
    user.request()
        .contentType(notes.contentType())
        .body(notes.body())
        .patch("/api/content")
        .then()
        .statusCode(200);

    String answer = user.request()
        .contentType("application/json")
        .body(Map.of("q", "/notes when was the bicycle chain replaced"))
        .post("/api/chat")
        .then()
        .statusCode(200)
        .body("references.context[0].file", equalTo("/notes/bike.md"))
        .extract()
        .path("response");
    String defaultMode = user.request()
        .contentType("application/json")
        .body(Map.of("q", "how often do I water the ferns", "stream", true))
        .post("/api/chat")
        .then()
        .statusCode(200)
        .extract()
        .asString();

    assertThat(answer)
        .contains("No language model is configured")
        .contains("/notes/bike.md")
        .contains("OPENAI_BASE_URL");
    assertThat(defaultMode)
        .contains("/notes/plants.md")
        .contains("No language model is configured");
    user.request().get("/api/chat/history").then().body("response.chat", hasSize(4));
    user.request().get("/api/model/chat").then().statusCode(200).body("chat_model", equalTo(null));
    user.request()
        .contentType("application/json")
        .body(Map.of("q", "/general hello"))
        .post("/api/chat")
        .then()
        .statusCode(200)
        .body("response", containsString("No language model is configured"));
  }

  /** No image model is offered (settings list none), so Khoj's web client choosing one gets Khoj's "not found". */
  @Test
  void choosingAnImageModelIsNotFoundBadInputIs422AndStrangersAre403() {
    TestUser user = TestUsers.create();
    user.request()
        .get("/api/settings?detailed=true")
        .then()
        .body("paint_model_options", hasSize(0))
        .body("selected_paint_model_config", equalTo(null));
    user.request().get("/api/model/paint/options").then().statusCode(200).body("$", hasSize(0));
    io.restassured.RestAssured.given()
        .get("/api/model/paint/options")
        .then()
        .statusCode(403)
        .body("detail", equalTo("Forbidden"));

    user.request()
        .post("/api/model/paint?id=1")
        .then()
        .statusCode(404)
        .contentType("application/json")
        .body("status", equalTo("error"))
        .body("message", equalTo("Image model not found"));
    user.request()
        .post("/api/model/paint?id=one")
        .then()
        .statusCode(422)
        .body("detail[0].loc[1]", equalTo("id"));
    user.request().post("/api/model/paint").then().statusCode(422);
    io.restassured.RestAssured.given().post("/api/model/paint?id=1").then().statusCode(403);
  }
}
