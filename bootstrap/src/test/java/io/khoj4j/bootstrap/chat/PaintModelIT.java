package io.khoj4j.bootstrap.chat;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With an image model configured by KHOJ_IMAGE_*: it is listed, selectable, and /image is offered. */
@QuarkusTest
@TestProfile(PaintModelIT.WithImageModel.class)
class PaintModelIT {

  /** An OpenAI-compatible image model at an address nothing listens on (no image is painted here). */
  public static final class WithImageModel implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("khoj.image.type", "openai", "khoj.image.model", "dall-e-3",
          "khoj.image.url", "http://127.0.0.1:9/v1", "khoj.image.api-key", "sk-test");
    }
  }

  @Test
  void theConfiguredModelIsListedAndEveryUsersSelection() {
    TestUser user = TestUsers.create();
    user.request().get("/api/model/paint/options").then().statusCode(200).body("$", hasSize(1))
        .body("[0].name", equalTo("dall-e-3")).body("[0].id", equalTo(1)).body("[0].tier", equalTo("free"));
    user.request().get("/api/settings?detailed=true").then().statusCode(200)
        .body("paint_model_options.name", contains("dall-e-3")).body("selected_paint_model_config", equalTo(1));
    io.restassured.RestAssured.given().get("/api/chat/options").then().statusCode(200)
        .body("image", notNullValue());
  }

  @Test
  void choosingItIsOkAnotherIdIsNotFoundBadInputIs422AndStrangersAre403() {
    TestUser user = TestUsers.create();
    user.request().post("/api/model/paint?id=1").then().statusCode(200).body("status", equalTo("ok"));
    user.request().post("/api/model/paint?id=2").then().statusCode(404)
        .body("message", equalTo("Image model not found"));
    user.request().post("/api/model/paint?id=x").then().statusCode(422);
    io.restassured.RestAssured.given().post("/api/model/paint?id=1").then().statusCode(403)
        .body("detail", equalTo("Forbidden"));
  }
}
