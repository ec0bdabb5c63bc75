// Read aloud with the browser's own speech synthesis, for players who read
// with difficulty. The button is left out where the browser has none.
import { h, icon, ICONS } from './dom.js';
import { t, bcp47 } from './i18n.js';

let speakingButton = null;

export function canSpeak() {
  return typeof window !== 'undefined' && 'speechSynthesis' in window &&
    typeof window.SpeechSynthesisUtterance === 'function';
}

function pickVoice(lang) {
  const voices = window.speechSynthesis.getVoices() || [];
  const exact = voices.find((v) => v.lang && v.lang.replace('_', '-') === lang);
  if (exact) return exact;
  const base = lang.slice(0, 2);
  return voices.find((v) => v.lang && v.lang.toLowerCase().startsWith(base)) || null;
}

function setLabel(button, speaking) {
  button.replaceChildren(
    icon(speaking ? ICONS.stop : ICONS.speaker),
    speaking ? t('web.speak.stop') : t('web.speak.start'),
  );
  button.setAttribute('aria-pressed', speaking ? 'true' : 'false');
}

export function stopSpeaking() {
  if (!canSpeak()) return;
  window.speechSynthesis.cancel();
  if (speakingButton) setLabel(speakingButton, false);
  speakingButton = null;
}

// A button that reads the texts `getTexts()` gives (read when pressed, so it
// always reads what is on the screen now). Null when the browser cannot speak.
export function speakButton(getTexts) {
  if (!canSpeak()) return null;
  const button = h('button', { type: 'button', class: 'btn btn-secondary speak' });
  setLabel(button, false);
  button.addEventListener('click', () => {
    const wasMe = speakingButton === button;
    stopSpeaking();
    if (wasMe) return;
    const lang = bcp47();
    const text = getTexts().filter(Boolean).join('. \n');
    if (!text) return;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang;
    const voice = pickVoice(lang);
    if (voice) u.voice = voice;
    u.rate = 0.95;
    u.onend = () => {
      if (speakingButton === button) {
        setLabel(button, false);
        speakingButton = null;
      }
    };
    u.onerror = u.onend;
    speakingButton = button;
    setLabel(button, true);
    window.speechSynthesis.speak(u);
  });
  return button;
}
