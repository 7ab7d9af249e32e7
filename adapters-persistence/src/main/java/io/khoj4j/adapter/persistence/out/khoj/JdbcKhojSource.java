package io.khoj4j.adapter.persistence.out.khoj;

import io.khoj4j.adapter.persistence.out.conversation.KhojConversationLog;
import io.khoj4j.application.port.out.migration.KhojSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Khoj's Django tables ({@code database_*}) page by page. Numeric ids page by value; conversations by their
 * UUID's text; files by a key that tells a file object ({@code o…}) from a file rebuilt from its entries ({@code e…}).
 */
final class JdbcKhojSource implements KhojSource {

  private final Connection connection;
  private final KhojRows rows;

  JdbcKhojSource(Connection connection) {
    this.connection = connection;
    this.rows = new KhojRows(connection);
  }

  @Override
  public List<User> users(String after, int limit) {
    return rows.list("""
        select id, username, email, first_name, last_name, verified_email, is_superuser,
               password is not null and password <> '' and password not like '!%' as has_password, date_joined
        from database_khojuser where id > ? order by id limit ?""", List.of(number(after), limit),
        r -> new User(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
            r.getBoolean(6), r.getBoolean(7), r.getBoolean(8), KhojRows.instant(r, 9)));
  }

  @Override
  public List<Token> tokens(String after, int limit) {
    return rows.list("""
        select id, user_id, token, name, accessed_at from database_khojapiuser where id > ? order by id limit ?""",
        List.of(number(after), limit),
        r -> new Token(r.getString(1), r.getString(2), r.getString(3), r.getString(4), null, KhojRows.instant(r, 5)));
  }

  @Override
  public List<ModelApi> modelApis() {
    return rows.list("select id, name, api_key, api_base_url from database_aimodelapi order by id", List.of(),
        r -> new ModelApi(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
  }

  @Override
  public List<ChatModel> chatModels() {
    return rows.list("""
        select id, name, friendly_name, model_type, max_prompt_size, vision_enabled, price_tier, description,
               strengths, ai_model_api_id from database_chatmodel order by id""", List.of(),
        r -> new ChatModel(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
            (Integer) r.getObject(5), r.getBoolean(6), r.getString(7), r.getString(8), r.getString(9),
            r.getString(10)));
  }

  @Override
  public List<File> files(String after, int limit) {
    return rows.list("""
        select key, user_id, name, type, source, text from (
          select 'o' || lpad(fo.id::text, 19, '0') as key, fo.user_id, fo.file_name as name,
                 (select e.file_type from database_entry e where e.file_object_id = fo.id limit 1) as type,
                 (select e.file_source from database_entry e where e.file_object_id = fo.id limit 1) as source,
                 fo.raw_text as text
          from database_fileobject fo
          where fo.user_id is not null and fo.agent_id is null and fo.file_name is not null
          union all
          select 'e' || md5(e.user_id::text || ':' || e.file_path), e.user_id, e.file_path, min(e.file_type),
                 min(e.file_source), string_agg(e.raw, E'\\n\\n' order by e.id)
          from database_entry e
          where e.user_id is not null and e.agent_id is null and e.file_object_id is null and e.file_path is not null
            and not exists (select 1 from database_fileobject fo
                            where fo.user_id = e.user_id and fo.file_name = e.file_path)
          group by e.user_id, e.file_path
        ) f where key collate "C" > ? order by key collate "C" limit ?""", List.of(after, limit),
        r -> {
          String name = r.getString(3);
          String type = r.getString(4);
          return new File(r.getString(1), r.getString(2), name, type == null ? KhojRows.typeByName(name) : type,
              Optional.ofNullable(r.getString(5)).orElse("computer"), r.getString(6));
        });
  }

  @Override
  public List<Agent> agents(String after, int limit) {
    return rows.list("""
        select a.id, a.creator_id, a.name, a.personality, a.input_tools, a.output_modes, a.chat_model_id, a.slug,
               a.style_color, a.style_icon, a.privacy_level, a.is_hidden, a.managed_by_admin, a.created_at,
               a.updated_at,
               array(select distinct fo.file_name from database_fileobject fo
                     where fo.agent_id = a.id and fo.file_name is not null) as files
        from database_agent a where a.id > ? order by a.id limit ?""", List.of(number(after), limit),
        r -> new Agent(r.getString(1), r.getString(2), r.getString(3), r.getString(4), KhojRows.strings(r, 5),
            KhojRows.strings(r, 6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
            r.getString(11), r.getBoolean(12), r.getBoolean(13), Set.copyOf(KhojRows.strings(r, 16)),
            KhojRows.instant(r, 14), KhojRows.instant(r, 15)));
  }

  @Override
  public List<Conversation> conversations(String after, int limit) {
    return rows.list("""
        select id::text, user_id, slug, title, agent_id, file_filters::text, conversation_log::text, created_at,
               updated_at
        from database_conversation where id::text > ? order by id::text limit ?""", List.of(after, limit),
        r -> {
          Instant created = KhojRows.instant(r, 8);
          return new Conversation(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
              Optional.ofNullable(r.getString(5)), KhojRows.jsonStrings(r.getString(6)),
              KhojConversationLog.parse(r.getString(7), r.getString(1), created), created, KhojRows.instant(r, 9));
        });
  }

  @Override
  public List<PublicConversation> publicConversations(String after, int limit) {
    return rows.list("""
        select id, source_owner_id, slug, title, agent_id, conversation_log::text, created_at
        from database_publicconversation where id > ? order by id limit ?""", List.of(number(after), limit),
        r -> {
          Instant created = KhojRows.instant(r, 7);
          return new PublicConversation(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
              Optional.ofNullable(r.getString(5)),
              KhojConversationLog.parse(r.getString(6), "public-" + r.getString(1), created), created);
        });
  }

  @Override
  public List<Leftover> leftovers() {
    List<Leftover> out = new ArrayList<>();
    count(out, "google identities", "database_googleuser", "true");
    count(out, "notion connections", "database_notionconfig", "true");
    count(out, "github connections", "database_githubconfig", "true");
    count(out, "subscriptions", "database_subscription", "true");
    count(out, "memories", "database_usermemory", "true");
    count(out, "automations", "django_apscheduler_djangojob", "id like 'automation%'");
    return out;
  }

  private void count(List<Leftover> out, String kind, String table, String where) {
    if (!rows.tableExists(table)) {
      return;
    }
    long n = rows.list("select count(*) from " + table + " where " + where, List.of(), r -> r.getLong(1)).getFirst();
    if (n > 0) {
      out.add(new Leftover(kind, n));
    }
  }

  private static long number(String after) {
    return after.isEmpty() ? Long.MIN_VALUE : Long.parseLong(after);
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
