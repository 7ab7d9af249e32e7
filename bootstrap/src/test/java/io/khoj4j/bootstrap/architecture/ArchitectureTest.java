package io.khoj4j.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The production code of every module (bootstrap depends on them all) obeys every rule. */
class ArchitectureTest {

  static final String BASE = "io.khoj4j";

  /** Leaves out test classes: this module's (fixtures included) and the application test-jar's fakes. */
  private static final ImportOption PRODUCTION_ONLY =
      location -> !location.contains("/test-classes/")
          && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*"));

  private static JavaClasses production;

  @BeforeAll
  static void importProductionCode() {
    production = new ClassFileImporter().withImportOption(PRODUCTION_ONLY).importPackages(BASE);
  }

  static Stream<Arguments> rules() {
    return Stream.<Function<String, ArchRule>>of(
            ArchitectureRules::dependenciesPointInward,
            ArchitectureRules::domainIsPlainJava,
            ArchitectureRules::applicationIsPlainJava,
            ArchitectureRules::adaptersAreIndependent,
            ArchitectureRules::inAdaptersUseInPortsOnly,
            ArchitectureRules::jpaOnlyInPersistence,
            ArchitectureRules::langchain4jOnlyInLlm,
            ArchitectureRules::securityOnlyAtTheWebEdge,
            ArchitectureRules::noFieldInjection,
            ArchitectureRules::coreNeverReadsTheClockOrMakesIds,
            ArchitectureRules::resourcesAreNamedResource,
            ArchitectureRules::chatToolsAndPromptsDoNotKnowTheTurn,
            ArchitectureRules::chatPromptsDoNotUseTools,
            ArchitectureRules::onlyTheFetcherOpensGivenUrls,
            ArchitectureRules::pageReadersDoNotOpenConnections,
            ArchitectureRules::coreHasNoLooseMaps)
        .map(rule -> rule.apply(BASE))
        .map(rule -> Arguments.of(rule.getDescription(), rule));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void productionCodeObeys(String description, ArchRule rule) {
    rule.check(production);
  }
}
