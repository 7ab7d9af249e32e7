package io.khoj4j.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule fails on a fixture (under {@code io.khoj4j.archfixture}) that breaks it on purpose: a rule that cannot
 * fail protects nothing.
 */
class ArchitectureRulesCanFailTest {

  private static final String FIXTURES = "io.khoj4j.archfixture.";

  static Stream<Arguments> violations() {
    return Stream.of(
        violation("dependency", "Invoice", ArchitectureRules::dependenciesPointInward),
        violation("purity", "Note", ArchitectureRules::domainIsPlainJava),
        violation("purity", "NoteService", ArchitectureRules::applicationIsPlainJava),
        violation("adapters", "NoteResource", ArchitectureRules::adaptersAreIndependent),
        violation("inports", "SearchResource", ArchitectureRules::inAdaptersUseInPortsOnly),
        violation("jpa", "EntryResource", ArchitectureRules::jpaOnlyInPersistence),
        violation("langchain", "NotionReader", ArchitectureRules::langchain4jOnlyInLlm),
        violation("security", "TokenService", ArchitectureRules::securityOnlyAtTheWebEdge),
        violation("injection", "EmbeddingAdapter", ArchitectureRules::noFieldInjection),
        violation("clock", "ExpiryService", ArchitectureRules::coreNeverReadsTheClockOrMakesIds),
        violation("naming", "Notes", ArchitectureRules::resourcesAreNamedResource));
  }

  private static Arguments violation(String fixture, String culprit, Function<String, ArchRule> rule) {
    ArchRule applied = rule.apply(FIXTURES + fixture);
    return Arguments.of(fixture + ": " + applied.getDescription(), FIXTURES + fixture, culprit, applied);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void ruleFailsOnItsViolatingFixture(String name, String fixturePackage, String culprit, ArchRule rule) {
    JavaClasses fixture = new ClassFileImporter().importPackages(fixturePackage);

    assertThatThrownBy(() -> rule.check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("was violated")
        .hasMessageContaining(fixturePackage)
        .hasMessageContaining(culprit);
  }
}
