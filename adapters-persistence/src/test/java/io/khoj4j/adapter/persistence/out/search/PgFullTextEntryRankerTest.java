package io.khoj4j.adapter.persistence.out.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.khoj4j.adapter.persistence.out.search.PgFullTextEntryRanker.Term;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgFullTextEntryRankerTest {

  @Test
  void wordsShareThePostingsBudgetAndRareWordsPassOnWhatTheyLeave() {
    // rarest first: 20 and 100 postings leave most of their 1,000 share to the two common words
    List<Term> terms = List.of(
        new Term("oolong", 20),
        new Term("darjeel", 100),
        new Term("tea", 50_000),
        new Term("cup", 90_000));
    assertThat(PgFullTextEntryRanker.postingsPerTerm(terms, 10, 4_000))
        .containsExactly(1_000, 1_326, 1_940, 1_940);
  }

  @Test
  void everyWordGetsAtLeastTheResultsAskedFor() {
    List<Term> terms = List.of(new Term("a", 5_000), new Term("b", 5_000), new Term("c", 5_000));
    assertThat(PgFullTextEntryRanker.postingsPerTerm(terms, 50, 60)).containsExactly(50, 50, 50);
  }

  @Test
  void aLoneWordGetsTheWholeBudget() {
    assertThat(PgFullTextEntryRanker.postingsPerTerm(List.of(new Term("tea", 50_000)), 10, 4_000))
        .containsExactly(4_000);
  }
}
