package io.khoj4j.adapter.web.in.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Khoj's JSON for the user routes, written by Jackson from these records (field names and order are Khoj's). */
final class UserJson {

  private UserJson() {}

  /** {@code GET /api/v1/user}. */
  record UserInfo(
      String email,
      String username,
      String photo,
      @JsonProperty("is_active") boolean isActive,
      @JsonProperty("has_documents") boolean hasDocuments,
      @JsonProperty("khoj_version") String khojVersion) {}

  /** {@code GET /api/settings} without {@code detailed}. */
  record BriefSettings(
      String username,
      @JsonProperty("user_photo") String userPhoto,
      @JsonProperty("is_active") boolean isActive,
      @JsonProperty("has_documents") boolean hasDocuments,
      @JsonProperty("khoj_version") String khojVersion) {}

  /** {@code GET /api/settings?detailed=true}: what Khoj's web app reads, plus khoj4j's {@code content_sync}. */
  record Settings(
      String username,
      @JsonProperty("user_photo") String userPhoto,
      @JsonProperty("is_active") boolean isActive,
      @JsonProperty("has_documents") boolean hasDocuments,
      @JsonProperty("khoj_version") String khojVersion,
      @JsonProperty("given_name") String givenName,
      @JsonProperty("phone_number") String phoneNumber,
      @JsonProperty("is_phone_number_verified") boolean isPhoneNumberVerified,
      @JsonProperty("enabled_content_source") ContentSources enabledContentSource,
      @JsonProperty("notion_token") String notionToken,
      @JsonProperty("enable_memory") boolean enableMemory,
      @JsonProperty("server_memory_mode") String serverMemoryMode,
      @JsonProperty("chat_model_options") List<ModelOption> chatModelOptions,
      @JsonProperty("selected_chat_model_config") Long selectedChatModelConfig,
      @JsonProperty("paint_model_options") List<ModelOption> paintModelOptions,
      @JsonProperty("selected_paint_model_config") Long selectedPaintModelConfig,
      @JsonProperty("voice_model_options") List<VoiceOption> voiceModelOptions,
      @JsonProperty("selected_voice_model_config") String selectedVoiceModelConfig,
      @JsonProperty("subscription_state") String subscriptionState,
      @JsonProperty("subscription_renewal_date") String subscriptionRenewalDate,
      @JsonProperty("subscription_enabled_trial_at") String subscriptionEnabledTrialAt,
      @JsonProperty("khoj_cloud_subscription_url") String khojCloudSubscriptionUrl,
      @JsonProperty("billing_enabled") boolean billingEnabled,
      @JsonProperty("is_eleven_labs_enabled") boolean isElevenLabsEnabled,
      @JsonProperty("is_twilio_enabled") boolean isTwilioEnabled,
      @JsonProperty("anonymous_mode") boolean anonymousMode,
      @JsonProperty("notion_oauth_url") String notionOauthUrl,
      @JsonProperty("content_sync") ContentSync contentSync,
      @JsonProperty("length_of_free_trial") int lengthOfFreeTrial) {}

  record ContentSources(boolean computer, boolean github, boolean notion) {}

  record ModelOption(String name, long id, String strengths, String description, String tier) {}

  record VoiceOption(String name, String id, String tier) {}

  /** Each connector's sync: its state, last error, when it last finished, and progress. */
  record ContentSync(Sync github, Sync notion) {}

  record Sync(
      String status,
      @JsonProperty("last_error") String lastError,
      @JsonProperty("last_synced_at") String lastSyncedAt,
      long done,
      long total) {}

  /** {@code PATCH /api/user/memory}. */
  record MemorySwitch(
      String status, @JsonProperty("enable_memory") boolean enableMemory) {}

  /** {@code {"status": "ok"}}. */
  record Ok(String status) {
    static final Ok OK = new Ok("ok");
  }
}
