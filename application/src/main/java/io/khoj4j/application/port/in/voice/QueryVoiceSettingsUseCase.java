package io.khoj4j.application.port.in.voice;

/** The voice features on offer to a user, for their settings. */
public interface QueryVoiceSettingsUseCase {

  VoiceSettings settings(VoiceSettingsQuery query);
}
