package io.khoj4j.adapter.persistence.out.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "ai_model_apis")
public class AiModelApiEntity extends PanacheEntityBase {

  @Id
  public UUID id;

  @Column(nullable = false)
  public String name;

  @Column(name = "base_url")
  public String baseUrl;

  @Column(name = "api_key_sealed")
  public String apiKeySealed;
}
