package io.khoj4j.adapter.persistence.out.agent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code agents}; a null creator is an administrators' agent. */
@Entity
@Table(name = "agents")
public class AgentEntity extends PanacheEntityBase {

  @Id
  public UUID id;

  @Column(nullable = false)
  public String slug;

  @Column(name = "creator_id")
  public UUID creatorId;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String persona;

  @Column(nullable = false)
  public String privacy;

  @Column(name = "chat_model")
  public String chatModel;

  @Column(name = "input_tools", nullable = false)
  public String inputTools;

  @Column(name = "output_modes", nullable = false)
  public String outputModes;

  @Column(nullable = false)
  public String color;

  @Column(nullable = false)
  public String icon;

  @Column(nullable = false)
  public boolean hidden;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** The creator's files copied into the agent's knowledge. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "knowledge_files", nullable = false, columnDefinition = "text[]")
  public String[] knowledgeFiles = new String[0];
}
