package io.khoj4j.bootstrap;

import io.khoj4j.adapter.connector.out.code.E2bCodeSandbox;
import io.khoj4j.adapter.connector.out.code.TerrariumCodeSandbox;
import io.khoj4j.adapter.connector.out.diagram.MermaidDiagramValidator;
import io.khoj4j.adapter.connector.out.image.GoogleImageGenerator;
import io.khoj4j.adapter.connector.out.image.OpenAiImageGenerator;
import io.khoj4j.adapter.connector.out.image.ReplicateImageGenerator;
import io.khoj4j.adapter.connector.out.image.VendorImageGenerators;
import io.khoj4j.adapter.connector.out.web.fetch.AddressPolicy;
import io.khoj4j.adapter.connector.out.web.fetch.ApacheHttpUrlFetcher;
import io.khoj4j.adapter.connector.out.web.fetch.HostResolver;
import io.khoj4j.adapter.connector.out.web.read.DirectWebReader;
import io.khoj4j.adapter.connector.out.web.read.ExaWebReader;
import io.khoj4j.adapter.connector.out.web.read.FallbackWebReader;
import io.khoj4j.adapter.connector.out.web.read.FirecrawlWebReader;
import io.khoj4j.adapter.connector.out.web.read.OlostepWebReader;
import io.khoj4j.adapter.connector.out.web.read.VendorPageReaders;
import io.khoj4j.adapter.connector.out.web.search.ExaWebSearch;
import io.khoj4j.adapter.connector.out.web.search.FallbackWebSearch;
import io.khoj4j.adapter.connector.out.web.search.FirecrawlWebSearch;
import io.khoj4j.adapter.connector.out.web.search.GoogleWebSearch;
import io.khoj4j.adapter.connector.out.web.search.SearxngWebSearch;
import io.khoj4j.adapter.connector.out.web.search.SerperWebSearch;
import io.khoj4j.adapter.connector.out.web.vendor.VendorHttp;
import io.khoj4j.application.port.in.model.PaintModelOption;
import io.khoj4j.application.port.out.model.ImageModelRepository;
import io.khoj4j.application.port.out.shared.IdGenerator;
import io.khoj4j.application.port.out.shared.SecretBox;
import io.khoj4j.application.port.out.shared.UnitOfWork;
import io.khoj4j.application.port.out.tools.CodeSandbox;
import io.khoj4j.application.port.out.tools.ImageGenerator;
import io.khoj4j.application.port.out.tools.ToolServers;
import io.khoj4j.application.port.out.tools.UrlFetcher;
import io.khoj4j.application.port.out.tools.WebReader;
import io.khoj4j.application.port.out.tools.WebScraperRepository;
import io.khoj4j.application.port.out.tools.WebSearch;
import io.khoj4j.application.service.chat.tool.ChatTools;
import io.khoj4j.application.service.model.ChosenImageModels;
import io.khoj4j.application.service.model.ConfigureImageModelsService;
import io.khoj4j.application.service.model.ListImageModelsService;
import io.khoj4j.application.service.model.ListPaintModelsService;
import io.khoj4j.application.service.model.SelectPaintModelService;
import io.khoj4j.application.service.subscription.Tiers;
import io.khoj4j.application.service.web.ConfigureWebScrapersService;
import io.khoj4j.application.service.web.ConfiguredWebReader;
import io.khoj4j.application.service.web.ListWebScrapersService;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The chat's tools: web search providers and page readers chosen by Khoj's environment variables, the SSRF-safe
 * fetcher through which the server opens any address a user or model gave (ADR 21), the code sandbox, the
 * in-process Mermaid checker for {@code /diagram} (always on: it needs no vendor), and the research loop's step limit
 * and tool servers.
 */
@ApplicationScoped
public class ChatToolsProducers {

  /** {@code khoj.web.*}; application.properties maps Khoj's variable names onto these keys. */
  @ConfigMapping(prefix = "khoj.web")
  public interface WebSettings {

    /** Serper ({@code SERPER_DEV_API_KEY}). */
    Vendor serper();

    /** Exa search and reader ({@code EXA_API_KEY}, {@code EXA_API_URL}). */
    Vendor exa();

    /** Firecrawl search and reader ({@code FIRECRAWL_API_KEY}, {@code FIRECRAWL_API_URL}). */
    Vendor firecrawl();

    /** Google Programmable Search ({@code GOOGLE_SEARCH_API_KEY}). */
    Vendor google();

    /** Google's search engine id ({@code GOOGLE_SEARCH_ENGINE_ID}). */
    Optional<String> googleEngineId();

    /** Olostep reader ({@code OLOSTEP_API_KEY}, {@code OLOSTEP_API_URL}). */
    Vendor olostep();

    /** SearXNG base URL ({@code KHOJ_SEARXNG_URL}). */
    Optional<URI> searxngUrl();

    /** Read the top result of each web query ({@code KHOJ_AUTO_READ_WEBPAGE}). */
    @WithDefault("false")
    boolean autoReadWebpage();

    /** Read pages directly (through the fetcher) when no vendor reader has text; on by default. */
    @WithDefault("true")
    boolean directReader();

    /** Time a search or reader vendor has to answer. */
    @WithDefault("60s")
    Duration vendorTimeout();

    Fetch fetch();

    interface Vendor {
      Optional<String> apiKey();

      Optional<URI> url();
    }

    interface Fetch {
      /** Networks, addresses, host names or .domains the fetcher may open although they are not public. */
      Optional<List<String>> allow();

      /** Largest body fetched, after decompression. */
      @WithDefault("10485760")
      long maxBytes();

      /** Whole fetch, redirects included. */
      @WithDefault("30s")
      Duration timeout();

      @WithDefault("10s")
      Duration connectTimeout();
    }
  }

  @Produces
  @Singleton
  AddressPolicy addressPolicy(WebSettings settings) {
    return AddressPolicy.allowing(settings.fetch().allow().orElse(List.of()));
  }

  @Produces
  @Singleton
  ApacheHttpUrlFetcher urlFetcher(AddressPolicy policy, WebSettings settings) {
    return new ApacheHttpUrlFetcher(
        policy,
        HostResolver.SYSTEM,
        new ApacheHttpUrlFetcher.Limits(
            settings.fetch().maxBytes(),
            settings.fetch().connectTimeout(),
            settings.fetch().timeout()));
  }

  void closeFetcher(@Disposes ApacheHttpUrlFetcher fetcher) throws IOException {
    fetcher.close();
  }

  @Produces
  @Singleton
  WebSearch webSearch(WebSettings settings) {
    VendorHttp http = new VendorHttp(settings.vendorTimeout());
    List<WebSearch> providers = new ArrayList<>();
    settings
        .serper()
        .apiKey()
        .ifPresent(key -> providers.add(new SerperWebSearch(
            http, settings.serper().url().orElse(SerperWebSearch.DEFAULT_URL), key)));
    settings
        .exa()
        .apiKey()
        .ifPresent(key -> providers.add(
            new ExaWebSearch(http, settings.exa().url().orElse(ExaWebSearch.DEFAULT_URL), key)));
    settings
        .firecrawl()
        .apiKey()
        .ifPresent(key -> providers.add(new FirecrawlWebSearch(
            http, settings.firecrawl().url().orElse(FirecrawlWebSearch.DEFAULT_URL), key)));
    if (settings.google().apiKey().isPresent() && settings.googleEngineId().isPresent()) {
      providers.add(new GoogleWebSearch(
          http,
          settings.google().url().orElse(GoogleWebSearch.DEFAULT_URL),
          settings.google().apiKey().get(),
          settings.googleEngineId().get()));
    }
    settings.searxngUrl().ifPresent(url -> providers.add(new SearxngWebSearch(http, url)));
    return providers.isEmpty() ? WebSearch.NOT_CONFIGURED : new FallbackWebSearch(providers);
  }

  /**
   * The page reader chat uses: the administrator's scrapers ({@code /api/admin/web-scrapers}) in priority order when
   * there are any, else the readers Khoj's environment variables configure.
   */
  @Produces
  @Singleton
  WebReader webReader(
      WebSettings settings,
      AddressPolicy policy,
      ApacheHttpUrlFetcher fetcher,
      WebScraperRepository scrapers,
      SecretBox secrets) {
    VendorHttp http = new VendorHttp(settings.vendorTimeout());
    return new ConfiguredWebReader(
        scrapers,
        secrets,
        new VendorPageReaders(http, fetcher, policy),
        fromEnvironment(settings, policy, fetcher, http));
  }

  private static WebReader fromEnvironment(
      WebSettings settings, AddressPolicy policy, ApacheHttpUrlFetcher fetcher, VendorHttp http) {
    List<WebReader> vendors = new ArrayList<>();
    settings
        .exa()
        .apiKey()
        .ifPresent(key -> vendors.add(
            new ExaWebReader(http, settings.exa().url().orElse(ExaWebSearch.DEFAULT_URL), key)));
    settings
        .olostep()
        .apiKey()
        .ifPresent(key -> vendors.add(new OlostepWebReader(
            http, settings.olostep().url().orElse(OlostepWebReader.DEFAULT_URL), key)));
    settings
        .firecrawl()
        .apiKey()
        .ifPresent(key -> vendors.add(new FirecrawlWebReader(
            http, settings.firecrawl().url().orElse(FirecrawlWebSearch.DEFAULT_URL), key)));
    Optional<WebReader> direct =
        settings.directReader() ? Optional.of(new DirectWebReader(fetcher)) : Optional.empty();
    return vendors.isEmpty() && direct.isEmpty()
        ? WebReader.NOT_CONFIGURED
        : new FallbackWebReader(vendors, direct, policy);
  }

  @Produces
  @Singleton
  ConfigureWebScrapersService configureWebScrapers(
      WebScraperRepository repository, SecretBox secrets, UnitOfWork unitOfWork, IdGenerator ids) {
    return new ConfigureWebScrapersService(repository, secrets, unitOfWork, ids);
  }

  @Produces
  @Singleton
  ListWebScrapersService listWebScrapers(WebScraperRepository repository) {
    return new ListWebScrapersService(repository);
  }

  /** The SSRF-safe fetcher as the port other adapters (image URLs, …) are given. */
  @Produces
  @Singleton
  UrlFetcher fetcherPort(ApacheHttpUrlFetcher fetcher) {
    return fetcher;
  }

  /** {@code khoj.code.*}: the Python sandbox for {@code /code}: E2B when its key is set, else Terrarium. */
  @ConfigMapping(prefix = "khoj.code")
  public interface CodeSettings {
    /** Terrarium's URL ({@code KHOJ_TERRARIUM_URL}); unset, and no E2B key: {@code /code} is not configured. */
    Optional<URI> terrariumUrl();

    /** How long a program may run. */
    @WithDefault("30s")
    Duration timeLimit();

    E2b e2b();

    interface E2b {
      /** {@code E2B_API_KEY}: E2B is used when set, as in Khoj. */
      Optional<String> apiKey();

      /** {@code E2B_TEMPLATE}; unset: Khoj's template. */
      Optional<String> template();

      /** {@code E2B_API_URL}; unset: E2B's API. */
      Optional<URI> apiUrl();

      /**
       * {@code E2B_SANDBOX_URL}: one address for every sandbox, or a pattern with {@code {port}}, {@code {id}} and
       * {@code {domain}}; unset: {@code https://{port}-{id}.{domain}}.
       */
      Optional<String> sandboxUrl();
    }
  }

  @Produces
  @Singleton
  CodeSandbox codeSandbox(CodeSettings settings, java.time.Clock clock) {
    CodeSettings.E2b e2b = settings.e2b();
    if (e2b.apiKey().filter(k -> !k.isBlank()).isPresent()) {
      return new E2bCodeSandbox(
          new E2bCodeSandbox.Settings(
              e2b.apiUrl().orElse(E2bCodeSandbox.DEFAULT_API),
              e2b.apiKey().get(),
              e2b.template().orElse(null),
              e2b.sandboxUrl().orElse(null),
              settings.timeLimit()),
          clock);
    }
    return settings
        .terrariumUrl()
        .<CodeSandbox>map(url -> new TerrariumCodeSandbox(url, settings.timeLimit()))
        .orElse(CodeSandbox.NOT_CONFIGURED);
  }

  /** {@code khoj.image.*}: the text-to-image model for {@code /image} ({@code KHOJ_IMAGE_*}). */
  @ConfigMapping(prefix = "khoj.image")
  public interface ImageSettings {
    /** {@code openai} (also OpenAI-compatible local servers), {@code google} or {@code replicate}; unset: none. */
    Optional<String> type();

    /** The vendor's model name, e.g. {@code dall-e-3}, {@code imagen-3.0-generate-002}, {@code owner/name}. */
    Optional<String> model();

    Optional<String> apiKey();

    /** The vendor's API base; unset: the vendor's public API. */
    Optional<URI> url();

    /** Time one call to the vendor has (Replicate's first answer waits up to 60 s). */
    @WithDefault("90s")
    Duration timeout();

    /** Between two Replicate status requests. */
    @WithDefault("2s")
    Duration pollInterval();

    /** Status requests before a running Replicate prediction is given up. */
    @WithDefault("60")
    int pollAttempts();
  }

  @Produces
  @Singleton
  ImageGenerator imageGenerator(ImageSettings settings, ApacheHttpUrlFetcher fetcher) {
    if (settings.type().isEmpty() || settings.model().isEmpty()) {
      return ImageGenerator.NOT_CONFIGURED;
    }
    VendorHttp http = new VendorHttp(settings.timeout());
    String model = settings.model().get().strip();
    String key = settings.apiKey().orElse("");
    return switch (settings.type().get().strip().toLowerCase(Locale.ROOT)) {
      case "openai" ->
        new OpenAiImageGenerator(
            http, settings.url().orElse(OpenAiImageGenerator.DEFAULT_URL), key, model, fetcher);
      case "google" ->
        new GoogleImageGenerator(
            http, settings.url().orElse(GoogleImageGenerator.DEFAULT_URL), key, model);
      case "replicate" ->
        new ReplicateImageGenerator(
            http,
            settings.url().orElse(ReplicateImageGenerator.DEFAULT_URL),
            key,
            model,
            new ReplicateImageGenerator.Polling(settings.pollInterval(), settings.pollAttempts()),
            fetcher);
      default ->
        throw new IllegalArgumentException(
            "KHOJ_IMAGE_TYPE must be openai, google or replicate, not "
                + settings.type().get());
    };
  }

  /**
   * The image models users may paint with: the administrators' ({@code /api/admin/image-models}), or, while there are
   * none, the one {@code KHOJ_IMAGE_*} configures (offered as id 1).
   */
  @Produces
  @Singleton
  ListPaintModelsService paintModels(
      ImageSettings settings, ImageModelRepository repository, Tiers tiers) {
    return new ListPaintModelsService(
        repository,
        settings.type().isPresent() && settings.model().isPresent()
            ? List.of(new PaintModelOption(1, settings.model().get().strip(), "free"))
            : List.of(),
        tiers);
  }

  @Produces
  @Singleton
  SelectPaintModelService selectPaintModel(
      ImageModelRepository repository,
      ListPaintModelsService offered,
      UnitOfWork unitOfWork,
      Tiers tiers) {
    return new SelectPaintModelService(repository, offered, unitOfWork, tiers);
  }

  @Produces
  @Singleton
  ConfigureImageModelsService configureImageModels(
      ImageModelRepository repository, SecretBox secrets, UnitOfWork unitOfWork) {
    return new ConfigureImageModelsService(repository, secrets, unitOfWork);
  }

  @Produces
  @Singleton
  ListImageModelsService listImageModels(ImageModelRepository repository) {
    return new ListImageModelsService(repository);
  }

  /** Each user's pictures are painted with the model they chose (or the settings' model while none is configured). */
  @Produces
  @Singleton
  ChosenImageModels chosenImageModels(
      ImageModelRepository repository,
      ListPaintModelsService offered,
      SecretBox secrets,
      ImageSettings settings,
      ApacheHttpUrlFetcher fetcher,
      ImageGenerator fromSettings) {
    return new ChosenImageModels(
        repository,
        offered,
        secrets,
        new VendorImageGenerators(
            new VendorHttp(settings.timeout()),
            new ReplicateImageGenerator.Polling(settings.pollInterval(), settings.pollAttempts()),
            fetcher),
        fromSettings);
  }

  @Produces
  @Singleton
  ChatTools chatTools(
      WebSearch webSearch,
      WebReader webReader,
      CodeSandbox code,
      ImageGenerator images,
      ToolServers servers,
      WebSettings settings,
      @ConfigProperty(name = "khoj.research.iterations") int researchIterations,
      ChosenImageModels imageChoice,
      io.khoj4j.application.port.in.usage.AdmitUsageUseCase usage) {
    return new ChatTools(
            webSearch,
            webReader,
            images,
            code,
            servers,
            new MermaidDiagramValidator(),
            settings.autoReadWebpage())
        .countingWith(usage)
        .researchingAtMost(researchIterations)
        .choosingImagesWith(imageChoice);
  }
}
