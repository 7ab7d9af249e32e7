// Voice in the chat page: dictation (the microphone recorded in the browser, the recording turned into text by the
// server's speech-to-text, POST /api/transcribe) and answers read aloud (POST /api/chat/speech, played from the
// returned audio). The server's refusals are shown in its words; 501 means no speech-to-text is configured.
import { h } from './dom.js';
import { ApiError, api, qs } from './api.js';

/** Whether this browser can record from a microphone. */
export function canRecord() {
  return Boolean(navigator.mediaDevices?.getUserMedia) && typeof MediaRecorder !== 'undefined';
}

/**
 * A button that records while pressed once and transcribes when pressed again; {@code onText(text)} receives the
 * words, {@code onError(message)} a refusal.
 */
export function dictationButton(onText, onError) {
  const button = h('button', { type: 'button', class: 'small', 'aria-pressed': 'false' }, 'Speak');
  let recorder = null;
  button.addEventListener('click', async () => {
    if (recorder) {
      recorder.stop();
      return;
    }
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      onError('The microphone is not available: allow this page to use it.');
      return;
    }
    const chunks = [];
    recorder = new MediaRecorder(stream);
    recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
    recorder.addEventListener('stop', async () => {
      stream.getTracks().forEach((track) => track.stop());
      recorder = null;
      button.textContent = 'Speak';
      button.setAttribute('aria-pressed', 'false');
      const audio = new Blob(chunks, { type: chunks[0]?.type || 'audio/webm' });
      if (!audio.size) return;
      button.disabled = true;
      try {
        const body = new FormData();
        body.append('file', audio, 'recording.webm');
        const answer = await api('POST', '/api/transcribe', { body });
        if (answer?.text) onText(answer.text);
      } catch (error) {
        onError(error instanceof ApiError && error.status === 501
          ? 'Speech-to-text is not configured on this server.' : error.message);
      } finally {
        button.disabled = false;
      }
    });
    recorder.start();
    button.textContent = 'Stop and write';
    button.setAttribute('aria-pressed', 'true');
  });
  return button;
}

/** A button that reads {@code text()} aloud in the user's voice, and stops reading when pressed again. */
export function readAloudButton(text, onError) {
  const button = h('button', { type: 'button', class: 'small', 'aria-label': 'Read aloud' }, 'Read aloud');
  let playing = null;
  function stopped() {
    if (playing) URL.revokeObjectURL(playing.src);
    playing = null;
    button.textContent = 'Read aloud';
  }
  button.addEventListener('click', async () => {
    if (playing) {
      playing.pause();
      stopped();
      return;
    }
    button.disabled = true;
    try {
      const response = await fetch('/api/chat/speech?' + qs({ text: text() }),
        { method: 'POST', credentials: 'same-origin', headers: { Accept: 'audio/mpeg, application/json' } });
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        throw new Error(body?.detail || body?.error || `The server answered ${response.status}.`);
      }
      playing = new Audio(URL.createObjectURL(await response.blob()));
      playing.addEventListener('ended', stopped);
      button.textContent = 'Stop reading';
      await playing.play();
    } catch (error) {
      stopped();
      onError(error.message || 'The answer could not be played.');
    } finally {
      button.disabled = false;
    }
  });
  return button;
}
