package io.khoj4j.adapter.persistence.out.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "chat_models")
public class ChatModelEntity extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false)
  public String name;

  @Column(name = "friendly_name", nullable = false)
  public String friendlyName;

  @Column(name = "model_type", nullable = false)
  public String modelType;

  @Column(name = "max_prompt_size")
  public Integer maxPromptSize;

  @Column(name = "vision_enabled", nullable = false)
  public boolean visionEnabled;

  @Column(name = "price_tier", nullable = false)
  public String priceTier;

  public String description;

  public String strengths;

  @Column(name = "ai_model_api_id")
  public UUID aiModelApiId;
}
