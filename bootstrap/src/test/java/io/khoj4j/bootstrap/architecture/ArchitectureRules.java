package io.khoj4j.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The design rules, each a function of the base package so the same rule is checked against the real code (which
 * must pass) and against a fixture that breaks it on purpose (which must fail). Each says why it exists.
 */
final class ArchitectureRules {

  private ArchitectureRules() {}

  static ArchRule dependenciesPointInward(String base) {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("Domain")
        .definedBy(base + ".domain..")
        .layer("Application")
        .definedBy(base + ".application..")
        .layer("Adapters")
        .definedBy(base + ".adapter..")
        .layer("Bootstrap")
        .definedBy(base + ".bootstrap..")
        .whereLayer("Domain")
        .mayOnlyBeAccessedByLayers("Application", "Adapters", "Bootstrap")
        .whereLayer("Application")
        .mayOnlyBeAccessedByLayers("Adapters", "Bootstrap")
        .whereLayer("Adapters")
        .mayOnlyBeAccessedByLayers("Bootstrap")
        .whereLayer("Bootstrap")
        .mayNotBeAccessedByAnyLayer()
        .because(
            "dependencies point inward: the core knows nothing of adapters, nothing knows the wiring");
  }

  static ArchRule domainIsPlainJava(String base) {
    return classes()
        .that()
        .resideInAPackage(base + ".domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", base + ".domain..")
        .because("the model is plain Java: no framework, no library, so it outlives both");
  }

  static ArchRule applicationIsPlainJava(String base) {
    return classes()
        .that()
        .resideInAPackage(base + ".application..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", base + ".domain..", base + ".application..")
        .because(
            "use cases and ports are plain Java; frameworks live in adapters and are wired in bootstrap");
  }

  static ArchRule adaptersAreIndependent(String base) {
    return slices()
        .matching(base + ".adapter.(*)..")
        .should()
        .notDependOnEachOther()
        .because("each adapter talks only to the core, so any one can be replaced alone");
  }

  static ArchRule inAdaptersUseInPortsOnly(String base) {
    return noClasses()
        .that()
        .resideInAPackage(base + ".adapter.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(base + ".application.service..", base + ".application.port.out..")
        .because(
            "the web edge drives the core through use cases only, never through services or out-ports");
  }

  static ArchRule jpaOnlyInPersistence(String base) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(base + ".adapter.persistence..")
        .and()
        .resideInAPackage(base + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.persistence..", "org.hibernate..", "io.quarkus.hibernate..", "org.flywaydb..")
        .because("storage technology stays inside the persistence adapter");
  }

  static ArchRule langchain4jOnlyInLlm(String base) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(base + ".adapter.llm..")
        .and()
        .resideInAPackage(base + "..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.langchain4j..")
        .because("language-model vendors are reached only through the llm adapter's ports");
  }

  static ArchRule securityOnlyAtTheWebEdge(String base) {
    return noClasses()
        .that()
        .resideOutsideOfPackage(base + ".adapter.web..")
        .and()
        .resideInAPackage(base + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.quarkus.security..",
            "jakarta.annotation.security..",
            "io.quarkus.oidc..",
            "io.quarkus.vertx.http.runtime.security..")
        .because(
            "authentication ends at the web edge; the core receives a UserId in every command");
  }

  static ArchRule noFieldInjection(String base) {
    return noFields()
        .that()
        .areDeclaredInClassesThat()
        .resideInAPackage(base + "..")
        .should()
        .beAnnotatedWith("jakarta.inject.Inject")
        .orShould()
        .beAnnotatedWith("org.eclipse.microprofile.config.inject.ConfigProperty")
        .because(
            "constructor injection keeps dependencies visible and classes testable without a container");
  }

  static ArchRule coreNeverReadsTheClockOrMakesIds(String base) {
    return noClasses()
        .that()
        .resideInAnyPackage(base + ".domain..", base + ".application..")
        .should()
        .callCodeUnitWhere(readsClockOrMakesId())
        .because(
            "time and ids are inputs (Clock, IdGenerator): the core stays deterministic under test");
  }

  static ArchRule resourcesAreNamedResource(String base) {
    return classes()
        .that()
        .resideInAPackage(base + "..")
        .and()
        .areAnnotatedWith("jakarta.ws.rs.Path")
        .should()
        .haveSimpleNameEndingWith("Resource")
        .because("a newcomer finds every HTTP route by looking for *Resource");
  }

  /**
   * Every way Java reads the system clock or makes a random id: any {@code java.time} {@code now} not given a
   * {@link Clock} ({@code now()} and {@code now(ZoneId)} both read the system clock), the system clocks themselves,
   * {@code System.currentTimeMillis/nanoTime}, {@code new Date()} and {@code UUID.randomUUID}.
   */
  private static DescribedPredicate<JavaCall<?>> readsClockOrMakesId() {
    return new DescribedPredicate<>("reads the system clock or makes a random id") {
      @Override
      public boolean test(JavaCall<?> call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        List<String> parameters = call.getTarget().getRawParameterTypes().stream()
            .map(JavaClass::getName)
            .toList();
        boolean now = name.equals("now")
            && owner.startsWith("java.time.")
            && !parameters.contains(Clock.class.getName());
        boolean systemClock = (owner.equals(Clock.class.getName()) && name.startsWith("system"))
            || (owner.equals(InstantSource.class.getName()) && name.equals("system"));
        boolean millis = owner.equals(System.class.getName())
            && (name.equals("currentTimeMillis") || name.equals("nanoTime"));
        boolean date = owner.equals(Date.class.getName())
            && name.equals(JavaConstructor.CONSTRUCTOR_NAME)
            && parameters.isEmpty();
        boolean uuid = owner.equals(UUID.class.getName()) && name.equals("randomUUID");
        return now || systemClock || millis || date || uuid;
      }
    };
  }

  static ArchRule chatToolsAndPromptsDoNotKnowTheTurn(String base) {
    return noClasses()
        .that()
        .resideInAnyPackage(
            base + ".application.service.chat.tool..", base + ".application.service.chat.prompt..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(base + ".application.service.chat")
        .because(
            "the chat turn's steps use its tools and prompts, never the reverse, so a tool can be added or"
                + " tested without the turn (issue 15)");
  }

  static ArchRule chatPromptsDoNotUseTools(String base) {
    return noClasses()
        .that()
        .resideInAPackage(base + ".application.service.chat.prompt..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(base + ".application.service.chat.tool..")
        .because(
            "prompts are text built from what the turn found; which tool found it is not their concern");
  }

  /**
   * Addresses users and models give are opened only by the SSRF-safe fetcher: no other class uses the HTTP client it
   * is built on, opens a {@code java.net.URL} itself or makes a raw socket. Vendor calls to configured endpoints go
   * through {@code java.net.http}; page readers reach those only through their vendor client (ADR 21).
   */
  static ArchRule onlyTheFetcherOpensGivenUrls(String base) {
    return noClasses()
        .that()
        .resideInAPackage(base + "..")
        .and()
        .resideOutsideOfPackage(base + ".adapter.connector.out.web.fetch..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.hc..")
        .orShould()
        .callCodeUnitWhere(opensAUrlDirectly())
        .because(
            "addresses from users and models are opened only by the SSRF-safe fetcher, which checks every"
                + " address it connects to (ADR 21)");
  }

  static ArchRule pageReadersDoNotOpenConnections(String base) {
    return noClasses()
        .that()
        .resideInAPackage(base + ".adapter.connector.out.web.read..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net.http..")
        .because(
            "a page reader reads a user's URL through the fetcher or hands it to a vendor, never fetches it"
                + " itself (ADR 21)");
  }

  private static DescribedPredicate<JavaCall<?>> opensAUrlDirectly() {
    return new DescribedPredicate<>("opens a URL or a socket directly") {
      @Override
      public boolean test(JavaCall<?> call) {
        String owner = call.getTargetOwner().getName();
        String name = call.getName();
        return (owner.equals("java.net.URL")
                && (name.equals("openConnection")
                    || name.equals("openStream")
                    || name.equals("getContent")))
            || ((owner.equals("java.net.Socket")
                    || owner.equals("javax.net.SocketFactory")
                    || owner.equals("java.nio.channels.SocketChannel"))
                && (name.equals(JavaConstructor.CONSTRUCTOR_NAME)
                    || name.equals("open")
                    || name.equals("connect")
                    || name.equals("createSocket")));
      }
    };
  }

  /**
   * The core speaks in types: no field, parameter or return type in the domain or the application is (or holds) a
   * {@code Map<String, Object>}, the shape of wire JSON. Khoj's JSON is built from typed records at the web edge.
   */
  static ArchRule coreHasNoLooseMaps(String base) {
    return classes()
        .that()
        .resideInAnyPackage(base + ".domain..", base + ".application..")
        .should(declareNoLooseMaps())
        .because(
            "free-form maps hide what the core passes around; wire JSON is the web adapter's business"
                + " (issue 15)");
  }

  private static ArchCondition<JavaClass> declareNoLooseMaps() {
    return new ArchCondition<>("declare no Map<String, Object>") {
      @Override
      public void check(JavaClass owner, ConditionEvents events) {
        for (JavaField field : owner.getFields()) {
          if (holdsLooseMap(field.getType())) {
            events.add(SimpleConditionEvent.violated(
                field, field.getDescription() + " holds a Map<String, Object>"));
          }
        }
        for (JavaCodeUnit unit : owner.getCodeUnits()) {
          if (holdsLooseMap(unit.getReturnType())) {
            events.add(SimpleConditionEvent.violated(
                unit, unit.getDescription() + " returns a Map<String, Object>"));
          }
          for (JavaType parameter : unit.getParameterTypes()) {
            if (holdsLooseMap(parameter)) {
              events.add(SimpleConditionEvent.violated(
                  unit, unit.getDescription() + " takes a Map<String, Object>"));
            }
          }
        }
      }
    };
  }

  private static boolean holdsLooseMap(JavaType type) {
    if (!(type instanceof JavaParameterizedType parameterized)) {
      return false;
    }
    List<JavaType> arguments = parameterized.getActualTypeArguments();
    if (parameterized.toErasure().isAssignableTo(Map.class)
        && arguments.size() == 2
        && arguments.get(0).toErasure().isEquivalentTo(String.class)
        && arguments.get(1).toErasure().isEquivalentTo(Object.class)
        && !(arguments.get(1) instanceof com.tngtech.archunit.core.domain.JavaWildcardType)) {
      return true;
    }
    return arguments.stream().anyMatch(ArchitectureRules::holdsLooseMap);
  }
}
