package io.khoj4j.adapter.persistence.out.model;

import io.khoj4j.adapter.persistence.out.shared.Jdbc;
import io.khoj4j.application.port.out.model.ImageModelRepository;
import io.khoj4j.application.port.out.shared.SealedSecret;
import io.khoj4j.domain.chat.ChatModel;
import io.khoj4j.domain.image.ImageModel;
import io.khoj4j.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Image models in {@code image_models} and users' choices in {@code user_image_models} (V26), keys sealed. */
@ApplicationScoped
public class PgImageModelRepository implements ImageModelRepository {

  private static final String SELECT =
      "select id, name, friendly_name, kind, api_url, price_tier, api_key_sealed from image_models";

  private final Jdbc jdbc;

  public PgImageModelRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource, "image model storage");
  }

  @Override
  public List<Stored> all() {
    return jdbc.list(SELECT + " order by id", PgImageModelRepository::row);
  }

  @Override
  public Optional<Stored> byId(long id) {
    return jdbc.first(SELECT + " where id = ?", PgImageModelRepository::row, id);
  }

  @Override
  public Optional<ImageModel> byName(String name) {
    return jdbc.first(SELECT + " where name = ?", PgImageModelRepository::row, name)
        .map(Stored::model);
  }

  @Override
  public ImageModel save(ImageModel model, Optional<SealedSecret> key) {
    Object url = model.apiUrl().map(URI::toString).orElse(null);
    String sealed = key.map(SealedSecret::value).orElse(null);
    if (model.id() == 0) {
      long id = jdbc.first(
              """
              insert into image_models (name, friendly_name, kind, api_url, price_tier, api_key_sealed)
              values (?, ?, ?, ?, ?, ?) returning id
              """,
              r -> r.getLong(1),
              model.name(),
              model.friendlyName(),
              model.kind().name(),
              url,
              model.tier().name(),
              sealed)
          .orElseThrow();
      return model.withId(id);
    }
    jdbc.update(
        """
        update image_models set name = ?, friendly_name = ?, kind = ?, api_url = ?, price_tier = ?,
          api_key_sealed = coalesce(?, api_key_sealed)
        where id = ?
        """,
        model.name(),
        model.friendlyName(),
        model.kind().name(),
        url,
        model.tier().name(),
        sealed,
        model.id());
    return model;
  }

  @Override
  public boolean delete(long id) {
    return jdbc.update("delete from image_models where id = ?", id) > 0;
  }

  @Override
  public Optional<Long> choiceOf(UserId user) {
    return jdbc.first(
        "select model_id from user_image_models where user_id = ?",
        r -> r.getLong(1),
        user.value());
  }

  @Override
  public void choose(UserId user, long modelId) {
    jdbc.update("""
        insert into user_image_models (user_id, model_id) values (?, ?)
        on conflict (user_id) do update set model_id = excluded.model_id
        """, user.value(), modelId);
  }

  private static Stored row(ResultSet r) throws SQLException {
    return new Stored(
        new ImageModel(
            r.getLong(1),
            r.getString(2),
            r.getString(3),
            ImageModel.Kind.valueOf(r.getString(4)),
            Optional.ofNullable(r.getString(5)).map(URI::create),
            ChatModel.PriceTier.valueOf(r.getString(6))),
        Optional.ofNullable(r.getString(7)).map(SealedSecret::new));
  }
}
