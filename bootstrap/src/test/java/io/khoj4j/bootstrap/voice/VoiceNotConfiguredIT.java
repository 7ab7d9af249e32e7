package io.khoj4j.bootstrap.voice;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.khoj4j.bootstrap.testing.TestUsers;
import io.khoj4j.bootstrap.testing.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Without voice providers (the default): Khoj's 501 for voice input (Obsidian: "configure speech-to-text"), 503 for
 * read-aloud, no voices in settings. */
@QuarkusTest
class VoiceNotConfiguredIT {

  @Test
  void voiceIsOffUntilConfigured() {
    TestUser alice = TestUsers.create();

    alice
        .request()
        .multiPart("file", "r.webm", new byte[] {1, 2, 3}, "audio/webm")
        .post("/api/transcribe")
        .then()
        .statusCode(501)
        .body("detail", containsString("not configured"));
    alice
        .request()
        .queryParam("text", "hello")
        .post("/api/chat/speech")
        .then()
        .statusCode(503)
        .body("detail", containsString("not configured"));
    alice
        .request()
        .queryParam("id", "alloy")
        .post("/api/model/voice")
        .then()
        .statusCode(404)
        .body("message", equalTo("Voice model not found"));
    alice
        .request()
        .queryParam("detailed", "true")
        .get("/api/settings")
        .then()
        .statusCode(200)
        .body("voice_model_options", empty())
        .body("selected_voice_model_config", nullValue())
        .body("is_eleven_labs_enabled", equalTo(false));
  }
}
