package io.khoj4j.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.khoj4j.archfixture.adapters.adapter.web.NoteResource;
import io.khoj4j.archfixture.chattool.application.service.chat.TurnStep;
import io.khoj4j.archfixture.chattool.application.service.chat.prompt.Template;
import io.khoj4j.archfixture.chattool.application.service.chat.prompt.ToolAwareTemplate;
import io.khoj4j.archfixture.chattool.application.service.chat.tool.LookupTool;
import io.khoj4j.archfixture.chattool.application.service.chat.tool.StepAwareTool;
import io.khoj4j.archfixture.clock.application.service.ClockFed;
import io.khoj4j.archfixture.clock.application.service.ClockSystemDefaultZone;
import io.khoj4j.archfixture.clock.application.service.ClockSystemUtc;
import io.khoj4j.archfixture.clock.application.service.CurrentTimeMillis;
import io.khoj4j.archfixture.clock.application.service.InstantNow;
import io.khoj4j.archfixture.clock.application.service.InstantSourceSystem;
import io.khoj4j.archfixture.clock.application.service.LocalDateNow;
import io.khoj4j.archfixture.clock.application.service.LocalDateTimeNow;
import io.khoj4j.archfixture.clock.application.service.LocalTimeNow;
import io.khoj4j.archfixture.clock.application.service.NanoTime;
import io.khoj4j.archfixture.clock.application.service.NewDate;
import io.khoj4j.archfixture.clock.application.service.OffsetDateTimeNow;
import io.khoj4j.archfixture.clock.application.service.RandomUuid;
import io.khoj4j.archfixture.clock.application.service.ZonedDateTimeNow;
import io.khoj4j.archfixture.clock.domain.Deadline;
import io.khoj4j.archfixture.dependency.adapter.web.InvoiceResource;
import io.khoj4j.archfixture.dependency.adapter.web.RefundResource;
import io.khoj4j.archfixture.dependency.application.service.BillingService;
import io.khoj4j.archfixture.dependency.application.service.RefundService;
import io.khoj4j.archfixture.dependency.bootstrap.Wiring;
import io.khoj4j.archfixture.dependency.domain.Invoice;
import io.khoj4j.archfixture.dependency.domain.Receipt;
import io.khoj4j.archfixture.dependency.domain.Refund;
import io.khoj4j.archfixture.fetch.adapter.connector.out.web.fetch.GuardedFetcher;
import io.khoj4j.archfixture.fetch.adapter.connector.out.web.read.SneakyReader;
import io.khoj4j.archfixture.fetch.adapter.connector.out.web.vendor.VendorClient;
import io.khoj4j.archfixture.fetch.adapter.llm.ImageDownloader;
import io.khoj4j.archfixture.fetch.adapter.llm.RawSocketClient;
import io.khoj4j.archfixture.injection.adapter.llm.ChatSettings;
import io.khoj4j.archfixture.injection.adapter.llm.ConstructorInjected;
import io.khoj4j.archfixture.injection.adapter.llm.EmbeddingAdapter;
import io.khoj4j.archfixture.inports.adapter.web.SearchResource;
import io.khoj4j.archfixture.jpa.adapter.web.EntryResource;
import io.khoj4j.archfixture.langchain.adapter.connector.NotionReader;
import io.khoj4j.archfixture.maps.application.service.ReportService;
import io.khoj4j.archfixture.maps.domain.Tally;
import io.khoj4j.archfixture.naming.adapter.web.Notes;
import io.khoj4j.archfixture.purity.application.service.NoteService;
import io.khoj4j.archfixture.purity.domain.Note;
import io.khoj4j.archfixture.security.application.service.TokenService;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rule that cannot fail protects nothing. Each case imports one fixture class (under {@code io.khoj4j.archfixture})
 * that breaks one rule in exactly one way, and expects exactly that violation: the rule's own text in the failure
 * and a single offending member naming the class, the member and what it reaches for. Fixtures that follow the rule
 * closely (a Clock passed to {@code now}, constructor injection) must pass, so the rules are not broader than meant.
 */
class ArchitectureRulesCanFailTest {

  private static final String FIXTURES = "io.khoj4j.archfixture.";

  static Stream<Arguments> violations() {
    return Stream.of(
        // dependencies point inward: every forbidden direction on its own
        violation(
            "domain -> adapter",
            "dependency",
            ArchitectureRules::dependenciesPointInward,
            field(Invoice.class, "resource", InvoiceResource.class),
            Invoice.class,
            InvoiceResource.class),
        violation(
            "domain -> application",
            "dependency",
            ArchitectureRules::dependenciesPointInward,
            field(Receipt.class, "billing", BillingService.class),
            Receipt.class,
            BillingService.class),
        violation(
            "application -> adapter",
            "dependency",
            ArchitectureRules::dependenciesPointInward,
            field(BillingService.class, "resource", InvoiceResource.class),
            BillingService.class,
            InvoiceResource.class),
        violation(
            "domain -> bootstrap",
            "dependency",
            ArchitectureRules::dependenciesPointInward,
            field(Refund.class, "wiring", Wiring.class),
            Refund.class,
            Wiring.class),
        violation(
            "application -> bootstrap",
            "dependency",
            ArchitectureRules::dependenciesPointInward,
            field(RefundService.class, "wiring", Wiring.class),
            RefundService.class,
            Wiring.class),
        violation(
            "adapter -> bootstrap",
            "dependency",
            ArchitectureRules::dependenciesPointInward,
            field(RefundResource.class, "wiring", Wiring.class),
            RefundResource.class,
            Wiring.class),
        // frameworks stay out of the core
        violation(
            "framework type in the domain",
            "purity",
            ArchitectureRules::domainIsPlainJava,
            "Field <" + Note.class.getName() + ".type> has type <jakarta.ws.rs.core.MediaType>",
            Note.class),
        violation(
            "CDI annotation in the application",
            "purity",
            ArchitectureRules::applicationIsPlainJava,
            "Class <" + NoteService.class.getName()
                + "> is annotated with <jakarta.enterprise.context.ApplicationScoped>",
            NoteService.class),
        violation(
            "one adapter uses another",
            "adapters",
            ArchitectureRules::adaptersAreIndependent,
            "Field <" + NoteResource.class.getName() + ".entity> has type <" + FIXTURES
                + "adapters.adapter.persistence.NoteEntity>",
            NoteResource.class),
        violation(
            "web edge uses a service",
            "inports",
            ArchitectureRules::inAdaptersUseInPortsOnly,
            "Field <" + SearchResource.class.getName() + ".service> has type <" + FIXTURES
                + "inports.application.service.SearchService>",
            SearchResource.class),
        violation(
            "JPA outside persistence",
            "jpa",
            ArchitectureRules::jpaOnlyInPersistence,
            "Field <" + EntryResource.class.getName()
                + ".em> has type <jakarta.persistence.EntityManager>",
            EntryResource.class),
        violation(
            "LangChain4j outside llm",
            "langchain",
            ArchitectureRules::langchain4jOnlyInLlm,
            "Field <" + NotionReader.class.getName()
                + ".segment> has type <dev.langchain4j.data.segment.TextSegment>",
            NotionReader.class),
        violation(
            "security identity in the core",
            "security",
            ArchitectureRules::securityOnlyAtTheWebEdge,
            "Field <" + TokenService.class.getName()
                + ".identity> has type <io.quarkus.security.identity.SecurityIdentity>",
            TokenService.class),
        // constructor injection only
        violation(
            "@Inject on a field",
            "injection",
            ArchitectureRules::noFieldInjection,
            "Field <" + EmbeddingAdapter.class.getName() + ".clock> is annotated with @Inject",
            EmbeddingAdapter.class),
        violation(
            "@ConfigProperty on a field",
            "injection",
            ArchitectureRules::noFieldInjection,
            "Field <" + ChatSettings.class.getName()
                + ".timeout> is annotated with @ConfigProperty",
            ChatSettings.class),
        // time and ids are inputs: each way of reading the system clock or making an id, alone
        clock(InstantNow.class, "method <java.time.Instant.now()>"),
        clock(LocalDateNow.class, "method <java.time.LocalDate.now()>"),
        clock(LocalDateTimeNow.class, "method <java.time.LocalDateTime.now()>"),
        clock(LocalTimeNow.class, "method <java.time.LocalTime.now()>"),
        clock(OffsetDateTimeNow.class, "method <java.time.OffsetDateTime.now()>"),
        clock(ZonedDateTimeNow.class, "method <java.time.ZonedDateTime.now(java.time.ZoneId)>"),
        clock(ClockSystemUtc.class, "method <java.time.Clock.systemUTC()>"),
        clock(ClockSystemDefaultZone.class, "method <java.time.Clock.systemDefaultZone()>"),
        clock(InstantSourceSystem.class, "method <java.time.InstantSource.system()>"),
        clock(CurrentTimeMillis.class, "method <java.lang.System.currentTimeMillis()>"),
        clock(NanoTime.class, "method <java.lang.System.nanoTime()>"),
        clock(NewDate.class, "constructor <java.util.Date.<init>()>"),
        clock(RandomUuid.class, "method <java.util.UUID.randomUUID()>"),
        violation(
            "the domain reads the clock",
            "clock",
            ArchitectureRules::coreNeverReadsTheClockOrMakesIds,
            "Method <" + Deadline.class.getName()
                + ".inAnHour()> calls method <java.time.Instant.now()>",
            Deadline.class),
        // routes are found by name
        violation(
            "@Path class not named *Resource",
            "naming",
            ArchitectureRules::resourcesAreNamedResource,
            "Class <" + Notes.class.getName()
                + "> does not have simple name ending with 'Resource'",
            Notes.class),
        // chat: the turn uses tools and prompts, tools use prompts, never the reverse
        violation(
            "a chat tool uses a step of the turn",
            "chattool",
            ArchitectureRules::chatToolsAndPromptsDoNotKnowTheTurn,
            field(StepAwareTool.class, "step", TurnStep.class),
            StepAwareTool.class,
            TurnStep.class),
        violation(
            "a chat prompt uses a tool",
            "chattool",
            ArchitectureRules::chatPromptsDoNotUseTools,
            field(ToolAwareTemplate.class, "tool", LookupTool.class),
            ToolAwareTemplate.class,
            LookupTool.class),
        // given URLs are opened only by the SSRF-safe fetcher
        violation(
            "a URL opened outside the fetcher",
            "fetch",
            ArchitectureRules::onlyTheFetcherOpensGivenUrls,
            "Method <" + ImageDownloader.class.getName() + ".download(java.net.URL)> calls method"
                + " <java.net.URL.openStream()>",
            ImageDownloader.class),
        violation(
            "a raw socket outside the fetcher",
            "fetch",
            ArchitectureRules::onlyTheFetcherOpensGivenUrls,
            "Method <" + RawSocketClient.class.getName()
                + ".connect(java.lang.String, int)> calls constructor"
                + " <java.net.Socket.<init>(java.lang.String, int)>",
            RawSocketClient.class),
        violation(
            "a page reader with its own HTTP client",
            "fetch",
            ArchitectureRules::pageReadersDoNotOpenConnections,
            "Field <" + SneakyReader.class.getName() + ".http> has type <java.net.http.HttpClient>",
            SneakyReader.class),
        // the core speaks in types
        violation(
            "a Map<String, Object> in the application",
            "maps",
            ArchitectureRules::coreHasNoLooseMaps,
            "Field <" + ReportService.class.getName() + ".rows> holds a Map<String, Object>",
            ReportService.class));
  }

  static Stream<Arguments> conformingFixtures() {
    return Stream.of(
        conforming(
            "Instant/LocalDate/ZonedDateTime.now(clock), Date.from(clock.instant()), new UUID(high, low)",
            "clock",
            ArchitectureRules::coreNeverReadsTheClockOrMakesIds,
            ClockFed.class),
        conforming(
            "@Inject constructor with a @ConfigProperty parameter",
            "injection",
            ArchitectureRules::noFieldInjection,
            ConstructorInjected.class),
        conforming(
            "an adapter and the wiring, each on its own",
            "dependency",
            ArchitectureRules::dependenciesPointInward,
            InvoiceResource.class,
            Wiring.class),
        conforming(
            "the turn uses a tool and a prompt, the tool a prompt",
            "chattool",
            ArchitectureRules::chatToolsAndPromptsDoNotKnowTheTurn,
            TurnStep.class,
            LookupTool.class,
            Template.class),
        conforming(
            "the fetcher uses its HTTP client, a vendor client java.net.http",
            "fetch",
            ArchitectureRules::onlyTheFetcherOpensGivenUrls,
            GuardedFetcher.class,
            VendorClient.class),
        conforming(
            "a prompt on its own",
            "chattool",
            ArchitectureRules::chatPromptsDoNotUseTools,
            Template.class,
            TurnStep.class,
            LookupTool.class),
        conforming(
            "typed maps and wildcards in the domain",
            "maps",
            ArchitectureRules::coreHasNoLooseMaps,
            Tally.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void ruleReportsExactlyTheViolationOfItsFixture(
      String name, ArchRule rule, String offendingMember, Class<?>[] fixture) {
    JavaClasses classes = new ClassFileImporter().importClasses(fixture);

    EvaluationResult result = rule.evaluate(classes);

    assertThat(result.getFailureReport().getDetails())
        .as("the single violation of %s", name)
        .singleElement()
        .asString()
        .contains(offendingMember);
    assertThatThrownBy(() -> rule.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Rule '" + rule.getDescription() + "' was violated (1 times)")
        .hasMessageContaining(offendingMember);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("conformingFixtures")
  void ruleAcceptsCodeThatFollowsIt(String name, ArchRule rule, Class<?>[] fixture) {
    JavaClasses classes = new ClassFileImporter().importClasses(fixture);

    rule.check(classes);
  }

  private static Arguments clock(Class<?> fixture, String call) {
    return violation(
        fixture.getSimpleName(),
        "clock",
        ArchitectureRules::coreNeverReadsTheClockOrMakesIds,
        "Method <" + fixture.getName() + ".read()> calls " + call,
        fixture);
  }

  private static String field(Class<?> owner, String field, Class<?> type) {
    return "Field <" + owner.getName() + "." + field + "> has type <" + type.getName() + ">";
  }

  private static Arguments violation(
      String name,
      String fixtureBase,
      Function<String, ArchRule> rule,
      String offendingMember,
      Class<?>... fixture) {
    ArchRule applied = rule.apply(FIXTURES + fixtureBase);
    return Arguments.of(name, applied, offendingMember, fixture);
  }

  private static Arguments conforming(
      String name, String fixtureBase, Function<String, ArchRule> rule, Class<?>... fixture) {
    return Arguments.of(name, rule.apply(FIXTURES + fixtureBase), fixture);
  }
}
