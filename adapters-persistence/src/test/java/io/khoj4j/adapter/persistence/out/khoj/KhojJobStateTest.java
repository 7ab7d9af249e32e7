package io.khoj4j.adapter.persistence.out.khoj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.khoj4j.domain.automation.Automation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Job states as Khoj's scheduler store writes them (fixtures made by {@code fixtures/khoj/make-job-states.py}, which
 * says how): the automation's JSON name and its user's time zone are read, whatever else the pickle holds.
 */
class KhojJobStateTest {

  private static final String NAME_WITHOUT_QUERY =
      "80059510000000000000007d948c046e616d65948c027b7d94732e";

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = KhojJobStateTest.class.getResourceAsStream("/fixtures/khoj/" + name)) {
      return HexFormat.of()
          .parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
    }
  }

  @Test
  void aJobWithAPytzZoneGivesItsNameAndZone() throws IOException {
    KhojJobState.Job job = KhojJobState.read(fixture("job-state-kolkata.hex"));

    assertThat(job.queryToRun()).isEqualTo("/automated_task Summarise the news about tea");
    assertThat(job.schedulingRequest()).isEqualTo("Summarise the news about tea");
    assertThat(job.subject()).isEqualTo("Tea news");
    assertThat(job.crontime()).isEqualTo("15 7 * * 1");
    assertThat(job.conversationId()).as("Khoj writes None for no conversation").isEmpty();
    assertThat(job.timezone()).contains("Asia/Kolkata");
    assertThat(job.place())
        .as("from the chat request's URL, a Starlette URL")
        .isEqualTo(new Automation.Place("Kolkata", "West Bengal", "India"));
  }

  @Test
  void aJobInUtcGivesUtc() throws IOException {
    KhojJobState.Job job = KhojJobState.read(fixture("job-state-utc.hex"));

    assertThat(job.conversationId()).contains("1d4e1f1a-0000-4000-8000-00000000c0de");
    assertThat(job.timezone()).contains("UTC");
    assertThat(job.place())
        .as("a URL given as text, without a place")
        .isEqualTo(Automation.Place.UNKNOWN);
  }

  @Test
  void aTruncatedOrForeignStateIsRefusedWithAReason() throws IOException {
    byte[] whole = fixture("job-state-utc.hex");

    assertThatThrownBy(() -> KhojJobState.read(Arrays.copyOf(whole, whole.length / 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the scheduler job cannot be read");
    assertThatThrownBy(() -> KhojJobState.read(new byte[] {0}))
        .isInstanceOf(IllegalArgumentException.class);
    // pickle.dumps({"id": "x"}, 5): a dictionary without a name
    assertThatThrownBy(() -> KhojJobState.read(
            HexFormat.of().parseHex("8005950d000000000000007d948c026964948c017894732e")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the scheduler job has no name");
    // pickle.dumps({"name": "{}"}, 5): a name without a query
    assertThatThrownBy(() -> KhojJobState.read(HexFormat.of().parseHex(NAME_WITHOUT_QUERY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the scheduler job names no query or no crontime");
  }

  @Test
  void aPlaceIsReadFromTheCallingUrlsParametersWhateverCharactersStarletteKept() {
    assertThat(KhojJobState.placeOf(
            "https://k.example/api/automation?q=due now|soon&city=S%C3%A3o+Paulo&region=SP"
                + "&country=Brazil#top"))
        .isEqualTo(new Automation.Place("São Paulo", "SP", "Brazil"));
    assertThat(KhojJobState.placeOf(java.util.Map.of(
            "_url", "https://k.example/api/chat?city=Oslo&country=Norway&city=Bergen")))
        .as("a Starlette URL's state; the first of a repeated parameter")
        .isEqualTo(new Automation.Place("Oslo", null, "Norway"));
    assertThat(KhojJobState.placeOf("https://k.example/api/chat?city=%ZZ&country=Peru"))
        .as("a broken escape leaves only that parameter out")
        .isEqualTo(new Automation.Place(null, null, "Peru"));
    assertThat(KhojJobState.placeOf(null)).isEqualTo(Automation.Place.UNKNOWN);
    assertThat(KhojJobState.placeOf("https://k.example/api/chat"))
        .isEqualTo(Automation.Place.UNKNOWN);
  }
}
