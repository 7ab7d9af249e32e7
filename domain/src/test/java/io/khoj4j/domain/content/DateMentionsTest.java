package io.khoj4j.domain.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateMentionsTest {

  @Test
  void findsEveryWrittenForm() {
    assertThat(DateMentions.in("met on 2024-03-05 and 2024/03/06"))
        .containsExactly(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 6));
    assertThat(DateMentions.in("due 07/03/2024, 08.03.2024 and 09-03-24"))
        .containsExactly(
            LocalDate.of(2024, 3, 7), LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 9));
    assertThat(DateMentions.in("on 5th March 2024 and 6 Mar 24"))
        .containsExactly(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 3, 6));
    assertThat(DateMentions.in("on March 10, 2024 and april 1st 2025"))
        .containsExactly(LocalDate.of(2024, 3, 10), LocalDate.of(2025, 4, 1));
    assertThat(DateMentions.in("the plan for Jan 2023")).containsExactly(LocalDate.of(2023, 1, 1));
  }

  @Test
  void ignoresImpossibleDatesAndNumbersThatAreNotDates() {
    assertThat(DateMentions.in("31/02/2024, version 1.2.3, 2024-13-01, call 555-1234, 3 may"))
        .isEmpty();
    // dotted dates have four-digit years: versions with a two-digit last part are not dates
    assertThat(DateMentions.in("upgraded to Python 3.10.12 and v1.2.24")).isEmpty();
  }

  @Test
  void twoDigitYearsFollowStrptime() {
    assertThat(DateMentions.in("01/01/69 and 01/01/68"))
        .containsExactly(LocalDate.of(1969, 1, 1), LocalDate.of(2068, 1, 1));
  }

  @Test
  void hugeTextStaysFast() {
    assertThat(DateMentions.in("1".repeat(200_000) + " 2024-01-01"))
        .containsExactly(LocalDate.of(2024, 1, 1));
  }
}
