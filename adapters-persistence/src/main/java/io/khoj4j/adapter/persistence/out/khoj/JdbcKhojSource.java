package io.khoj4j.adapter.persistence.out.khoj;

import io.khoj4j.adapter.persistence.out.conversation.KhojConversationLog;
import io.khoj4j.application.port.out.migration.KhojSource;
import io.khoj4j.domain.chat.ChatMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Khoj's Django tables ({@code database_*}) page by page. Every item's key is natural and the same in any copy of
 * the database, so imports from two Khoj servers do not mistake one's items for the other's: users by their UUID,
 * tokens by their SHA-256, models by API and name, files by owner and name, agents by creator and slug, conversations
 * by id, shared conversations by slug. Rows of other users reference the user's UUID.
 */
final class JdbcKhojSource implements KhojSource {

  /** An agent's key, as {@link #agents} gives it: its creator's UUID (or {@code admin}) and its slug. */
  private static final String AGENT_KEY =
      "case when a.id is null then null else coalesce(au.uuid::text, 'admin') || ':' || a.slug end";

  private static final String JOBS = "django_apscheduler_djangojob";

  private final Connection connection;
  private final KhojRows rows;
  /** Whether Khoj's entries name the model that embedded them (asked once). */
  private Boolean entryVectors;

  JdbcKhojSource(Connection connection) {
    this.connection = connection;
    this.rows = new KhojRows(connection);
  }

  @Override
  public List<User> users(String after, int limit) {
    return rows.list(
        """
        select uuid::text as key, username, email, first_name, last_name, verified_email, is_superuser,
               password is not null and password <> '' and password not like '!%' as has_password, date_joined
        from database_khojuser where uuid::text > ? order by uuid::text limit ?""",
        List.of(after, limit),
        r -> new User(
            r.getString(1),
            r.getString(2),
            r.getString(3),
            r.getString(4),
            r.getString(5),
            r.getBoolean(6),
            r.getBoolean(7),
            r.getBoolean(8),
            KhojRows.instant(r, 9)));
  }

  @Override
  public List<Token> tokens(String after, int limit) {
    return rows.list(
        """
        select * from (
          select encode(sha256(convert_to(t.token, 'UTF8')), 'hex') as key, u.uuid::text, t.token, t.name,
                 t.accessed_at
          from database_khojapiuser t join database_khojuser u on u.id = t.user_id
        ) t where key > ? order by key limit ?""",
        List.of(after, limit),
        r -> new Token(
            r.getString(1),
            r.getString(2),
            r.getString(3),
            r.getString(4),
            null,
            KhojRows.instant(r, 5)));
  }

  @Override
  public List<ModelApi> modelApis() {
    return rows.list(
        "select name, name, api_key, api_base_url from database_aimodelapi order by name, id",
        List.of(),
        r -> new ModelApi(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
  }

  @Override
  public List<ChatModel> chatModels() {
    return rows.list(
        """
        select coalesce(a.name, '') || '/' || m.name, m.name, m.friendly_name, m.model_type, m.max_prompt_size,
               m.vision_enabled, m.price_tier, m.description, m.strengths, a.name
        from database_chatmodel m left join database_aimodelapi a on a.id = m.ai_model_api_id
        order by m.id""",
        List.of(),
        r -> new ChatModel(
            r.getString(1),
            r.getString(2),
            r.getString(3),
            r.getString(4),
            (Integer) r.getObject(5),
            r.getBoolean(6),
            r.getString(7),
            r.getString(8),
            r.getString(9),
            r.getString(10)));
  }

  @Override
  public List<File> files(String after, int limit) {
    return rows.list("""
        select key, user_key, name, type, source, text from (
          select u.uuid::text || ':' || fo.file_name as key, u.uuid::text as user_key, fo.file_name as name,
                 (select e.file_type from database_entry e where e.file_object_id = fo.id limit 1) as type,
                 (select e.file_source from database_entry e where e.file_object_id = fo.id limit 1) as source,
                 fo.raw_text as text
          from database_fileobject fo join database_khojuser u on u.id = fo.user_id
          where fo.agent_id is null and fo.file_name is not null
          union all
          select u.uuid::text || ':' || d.file_path, u.uuid::text, d.file_path, min(d.file_type),
                 min(d.file_source), string_agg(d.raw, E'\\n\\n' order by d.first_id)
          from (
            -- every chunk of a section carries the section's whole raw under its corpus id: once each
            select e.user_id, e.file_path, min(e.id) as first_id, min(e.file_type) as file_type,
                   min(e.file_source) as file_source, (array_agg(e.raw order by e.id))[1] as raw
            from database_entry e
            where e.agent_id is null and e.file_object_id is null and e.file_path is not null
              and not exists (select 1 from database_fileobject fo
                              where fo.user_id = e.user_id and fo.file_name = e.file_path)
            group by e.user_id, e.file_path, coalesce(e.corpus_id::text, e.id::text)
          ) d join database_khojuser u on u.id = d.user_id
          group by u.uuid, d.user_id, d.file_path
        ) f where key collate "C" > ? order by key collate "C" limit ?""", List.of(after, limit), r -> {
      String name = r.getString(3);
      String type = r.getString(4);
      return new File(
          r.getString(1),
          r.getString(2),
          name,
          type == null ? KhojRows.typeByName(name) : type,
          Optional.ofNullable(r.getString(5)).orElse("computer"),
          r.getString(6));
    });
  }

  @Override
  public List<Agent> agents(String after, int limit) {
    return rows.list(
        """
        select * from (
          select coalesce(u.uuid::text, 'admin') || ':' || a.slug as key, u.uuid::text, a.name, a.personality,
                 a.input_tools, a.output_modes, coalesce(api.name, '') || '/' || m.name, a.slug, a.style_color,
                 a.style_icon, a.privacy_level, a.is_hidden, a.managed_by_admin, a.created_at, a.updated_at,
                 array(select distinct fo.file_name from database_fileobject fo
                       where fo.agent_id = a.id and fo.file_name is not null) as files
          from database_agent a left join database_khojuser u on u.id = a.creator_id
               left join database_chatmodel m on m.id = a.chat_model_id
               left join database_aimodelapi api on api.id = m.ai_model_api_id
        ) a where key collate "C" > ? order by key collate "C" limit ?""",
        List.of(after, limit),
        r -> new Agent(
            r.getString(1),
            r.getString(2),
            r.getString(3),
            r.getString(4),
            KhojRows.strings(r, 5),
            KhojRows.strings(r, 6),
            r.getString(7),
            r.getString(8),
            r.getString(9),
            r.getString(10),
            r.getString(11),
            r.getBoolean(12),
            r.getBoolean(13),
            Set.copyOf(KhojRows.strings(r, 16)),
            KhojRows.instant(r, 14),
            KhojRows.instant(r, 15)));
  }

  @Override
  public List<Conversation> conversations(String after, int limit) {
    return rows.list("""
        select c.id::text, u.uuid::text, c.slug, c.title, """ + AGENT_KEY + """
               , c.file_filters::text, c.conversation_log::text, c.created_at, c.updated_at
        from database_conversation c join database_khojuser u on u.id = c.user_id
             left join database_agent a on a.id = c.agent_id left join database_khojuser au on au.id = a.creator_id
        where c.id::text > ? order by c.id::text limit ?""", List.of(after, limit), r -> {
      Instant created = KhojRows.instant(r, 8);
      Messages log = messages(r.getString(7), r.getString(1), created);
      return new Conversation(
          r.getString(1),
          r.getString(2),
          r.getString(3),
          r.getString(4),
          Optional.ofNullable(r.getString(5)),
          KhojRows.jsonStrings(r.getString(6)),
          log.messages(),
          created,
          KhojRows.instant(r, 9),
          log.unreadable());
    });
  }

  @Override
  public List<PublicConversation> publicConversations(String after, int limit) {
    return rows.list("""
        select c.slug, u.uuid::text, c.slug, c.title, """ + AGENT_KEY + """
               , c.conversation_log::text, c.created_at
        from database_publicconversation c join database_khojuser u on u.id = c.source_owner_id
             left join database_agent a on a.id = c.agent_id left join database_khojuser au on au.id = a.creator_id
        where c.slug is not null and c.slug collate "C" > ? order by c.slug collate "C" limit ?""", List.of(after, limit), r -> {
      Instant created = KhojRows.instant(r, 7);
      Messages log = messages(r.getString(6), "public-" + r.getString(1), created);
      return new PublicConversation(
          r.getString(1),
          r.getString(2),
          r.getString(3),
          r.getString(4),
          Optional.ofNullable(r.getString(5)),
          log.messages(),
          created,
          log.unreadable());
    });
  }

  private record Messages(List<ChatMessage> messages, Optional<String> unreadable) {}

  /** One conversation whose log is not JSON is reported, not a reason to stop the whole import. */
  private static Messages messages(String log, String key, Instant created) {
    try {
      return new Messages(KhojConversationLog.parse(log, key, created), Optional.empty());
    } catch (RuntimeException e) {
      return new Messages(
          List.of(),
          Optional.of(String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
    }
  }

  /** Google's issuer, as the ID tokens Khoj verified name it. */
  static final String GOOGLE = "https://accounts.google.com";

  @Override
  public List<Identity> identities(String after, int limit) {
    if (!rows.tableExists("database_googleuser")) {
      return List.of();
    }
    return rows.list(
        """
        select g.sub, u.uuid::text, g.sub, g.picture
        from database_googleuser g join database_khojuser u on u.id = g.user_id
        where g.sub collate "C" > ? order by g.sub collate "C" limit ?""",
        List.of(after, limit),
        r -> new Identity(r.getString(1), r.getString(2), GOOGLE, r.getString(3), r.getString(4)));
  }

  @Override
  public List<Connector> connectors(String after, int limit) {
    List<Connector> out = new ArrayList<>();
    if (rows.tableExists("database_notionconfig")) {
      out.addAll(rows.list(
          """
          select 'notion:' || u.uuid::text as key, u.uuid::text, n.token from database_notionconfig n
          join database_khojuser u on u.id = n.user_id where 'notion:' || u.uuid::text > ?
            and n.id in (select min(id) from database_notionconfig group by user_id)""",
          List.of(after),
          r -> new Connector(r.getString(1), r.getString(2), "notion", r.getString(3), List.of())));
    }
    if (rows.tableExists("database_githubconfig")) {
      boolean repos = rows.tableExists("database_githubrepoconfig");
      out.addAll(rows.list(
          """
          select 'github:' || u.uuid::text as key, u.uuid::text, g.pat_token, g.id from database_githubconfig g
          join database_khojuser u on u.id = g.user_id where 'github:' || u.uuid::text > ?
            and g.id in (select min(id) from database_githubconfig group by user_id)""",
          List.of(after),
          r -> new Connector(
              r.getString(1),
              r.getString(2),
              "github",
              r.getString(3),
              repos ? repos(r.getLong(4)) : List.of())));
    }
    // Few rows (a user's first settings of each kind): one page, sorted like every page.
    return out.stream().sorted(java.util.Comparator.comparing(Connector::key)).toList();
  }

  private List<Repo> repos(long githubConfig) {
    return rows.list(
        "select owner, name, branch from database_githubrepoconfig where github_config_id = ? order by id",
        List.of(githubConfig),
        r -> new Repo(r.getString(1), r.getString(2), r.getString(3)));
  }

  @Override
  public List<Subscription> subscriptions(String after, int limit) {
    if (!rows.tableExists("database_subscription")) {
      return List.of();
    }
    return rows.list(
        """
        select u.uuid::text, u.uuid::text, s.type, s.is_recurring, s.renewal_date, s.enabled_trial_at, s.created_at
        from database_subscription s join database_khojuser u on u.id = s.user_id
        where u.uuid::text > ? order by u.uuid::text limit ?""",
        List.of(after, limit),
        r -> new Subscription(
            r.getString(1),
            r.getString(2),
            r.getString(3),
            r.getBoolean(4),
            KhojRows.instant(r, 5),
            KhojRows.instant(r, 6),
            KhojRows.instant(r, 7)));
  }

  @Override
  public List<Memory> memories(String after, int limit) {
    if (!rows.tableExists("database_usermemory")) {
      return List.of();
    }
    boolean vectors = rows.columnExists("database_usermemory", "search_model_id");
    return rows.list(
        """
        select * from (
          select u.uuid::text || ':' || lpad(m.id::text, 19, '0') as key, u.uuid::text, m.raw, m.created_at,
                 %s
          from database_usermemory m join database_khojuser u on u.id = m.user_id
        ) m where key > ? order by key limit ?""".formatted(
            vectors ? "m.search_model_id::text, m.embeddings::real[]" : "null::text, null::real[]"),
        List.of(after, limit),
        r -> new Memory(
            r.getString(1),
            r.getString(2),
            r.getString(3),
            KhojRows.instant(r, 4),
            r.getString(5),
            KhojRows.vector(r, 6)));
  }

  /**
   * Documents are embedded as they are unless the model's document settings name a prompt or a precision other than
   * full ({@code bi_encoder_docs_encode_config}, passed by Khoj to the model's encoder).
   */
  @Override
  public List<SearchModel> searchModels() {
    if (!rows.tableExists("database_searchmodelconfig")) {
      return List.of();
    }
    return rows.list(
        """
        select id::text, name, bi_encoder,
               not jsonb_exists_any(coalesce(bi_encoder_docs_encode_config::jsonb, '{}'),
                                    array['prompt', 'prompt_name'])
               and coalesce(bi_encoder_docs_encode_config::jsonb ->> 'precision', 'float32') = 'float32'
        from database_searchmodelconfig order by id""",
        List.of(),
        r -> new SearchModel(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4)));
  }

  @Override
  public List<Vector> fileVectors(String userKey, String fileName, String searchModelKey) {
    if (entryVectors == null) {
      entryVectors = rows.columnExists("database_entry", "search_model_id");
    }
    if (!entryVectors) {
      return List.of();
    }
    return rows.list(
        """
        select e.compiled, e.embeddings::real[]
        from database_entry e join database_khojuser u on u.id = e.user_id
        where u.uuid::text = ? and e.file_path = ? and e.agent_id is null
          and e.search_model_id::text = ?
        order by e.id""",
        List.of(userKey, fileName, searchModelKey),
        r -> new Vector(r.getString(1), KhojRows.vector(r, 2)));
  }

  /**
   * Khoj names an automation's job {@code automation_<owner's UUID>_<hash>}; the rest is in the pickled job state,
   * which {@link KhojJobState} reads.
   */
  @Override
  public List<Automation> automations(String after, int limit) {
    if (!rows.tableExists(JOBS)) {
      return List.of();
    }
    return rows.list(
        "select id, job_state from " + JOBS
            + " where id like 'automation\\_%' and id collate \"C\" > ? order by id collate \"C\" limit ?",
        List.of(after, limit),
        r -> automation(r.getString(1), r.getBytes(2)));
  }

  private static Automation automation(String id, byte[] state) {
    String rest = id.substring("automation_".length());
    String owner = rest.length() > 36 ? rest.substring(0, 36) : rest;
    try {
      KhojJobState.Job job = KhojJobState.read(state);
      return new Automation(
          id,
          owner,
          job.queryToRun(),
          job.schedulingRequest(),
          job.subject(),
          job.crontime(),
          job.timezone(),
          job.conversationId(),
          Optional.empty(),
          job.place());
    } catch (IllegalArgumentException e) {
      return Automation.unreadable(id, owner, e.getMessage());
    }
  }

  @Override
  public List<Leftover> leftovers() {
    List<Leftover> out = new ArrayList<>();
    count(
        out,
        "notion connections",
        "database_notionconfig",
        "id not in (select min(id) from database_notionconfig group by user_id)");
    count(
        out,
        "github connections",
        "database_githubconfig",
        "id not in (select min(id) from database_githubconfig group by user_id)");
    return out;
  }

  private void count(List<Leftover> out, String kind, String table, String where) {
    if (!rows.tableExists(table)) {
      return;
    }
    long n = rows.list(
            "select count(*) from " + table + " where " + where, List.of(), r -> r.getLong(1))
        .getFirst();
    if (n > 0) {
      out.add(new Leftover(kind, n));
    }
  }

  @Override
  public void close() {
    try {
      connection.rollback();
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("closing the Khoj database connection failed", e);
    }
  }
}
