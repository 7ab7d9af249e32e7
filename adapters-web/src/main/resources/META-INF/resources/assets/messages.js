// How one chat message looks, shared by the chat page and the read-only share page.
import { h, fill, copy } from './dom.js';
import { renderMarkdown } from './markdown.js';
import { drawDiagram } from './diagrams.js';

/** First heading-like line of a note chunk, for the reference list. */
function headingOf(compiled) {
  const first = (compiled || '').split('\n').find((line) => line.trim()) || '';
  return first.replace(/^[#*\s]+/, '').slice(0, 120);
}

/** A note chunk without its heading line, which the reference shows on its own. */
function bodyOf(compiled) {
  const lines = (compiled || '').split('\n');
  const first = lines.findIndex((line) => line.trim());
  return lines.slice(first + 1).join('\n').trim();
}

function fileName(path) {
  return (path || '').split(/[\\/]/).pop() || path || 'note';
}

export function renderReferences(container, context) {
  const items = (context || []).filter((c) => c && (c.compiled || c.file));
  if (!items.length) {
    container.hidden = true;
    return;
  }
  container.hidden = false;
  fill(container,
    h('summary', {}, `${items.length} reference${items.length === 1 ? '' : 's'}`),
    h('ul', {}, items.map((c) => h('li', { class: 'reference' },
      h('span', { class: 'file', title: c.file || '' }, fileName(c.file)),
      h('span', { class: 'heading' }, headingOf(c.compiled)),
      h('span', { class: 'snippet' }, bodyOf(c.compiled).slice(0, 300))))));
}

/** A message element; returns handles to update it while an answer streams. */
export function messageView(by) {
  const body = h('div', { class: 'body' });
  const thoughts = h('details', { class: 'thoughts', hidden: true }, h('summary', {}, 'Train of thought'),
    h('ol', {}));
  const references = h('details', { class: 'references', hidden: true });
  const assets = h('div', { class: 'assets' });
  let text = '';
  const copyButton = h('button', { type: 'button', class: 'copy small', 'aria-label': 'Copy message' }, 'Copy');
  copyButton.addEventListener('click', () => copy(text, copyButton));
  const element = h('article', { class: 'msg ' + (by === 'you' ? 'you' : 'khoj'),
    'aria-label': by === 'you' ? 'You said' : 'Khoj answered' }, thoughts, body, assets, references, copyButton);
  return {
    element,
    set(markdown) {
      text = markdown;
      if (by === 'you') {
        body.textContent = markdown;
      } else {
        renderMarkdown(body, markdown);
      }
    },
    get text() {
      return text;
    },
    thought(step) {
      thoughts.hidden = false;
      thoughts.querySelector('ol').append(h('li', {}, String(step)));
    },
    references(context) {
      renderReferences(references, context);
    },
    images(urls) {
      for (const url of urls || []) {
        if (/^(https:|data:image\/)/.test(url)) assets.append(h('img', { src: url, alt: 'Generated image' }));
      }
    },
    diagram(source) {
      if (!source) return;
      const figure = h('figure', { class: 'diagram' },
        h('details', {}, h('summary', {}, 'Diagram source'), h('pre', {}, h('code', {}, source))));
      assets.append(figure);
      drawDiagram(figure, source).then((drawn) => {
        if (!drawn) figure.querySelector('details').open = true;
      });
    },
    state(name) {
      element.dataset.state = name;
    },
    /** Good and bad answer buttons; {@code give(sentiment)} resolves true once the verdict is stored. */
    feedback(give) {
      const buttons = [['positive', 'Good answer', '👍'], ['negative', 'Bad answer', '👎']].map(([sentiment, label, sign]) =>
        h('button', { type: 'button', class: 'small', 'aria-label': label, 'aria-pressed': 'false',
          'data-sentiment': sentiment }, sign));
      for (const button of buttons) {
        button.addEventListener('click', async () => {
          if (await give(button.dataset.sentiment)) {
            for (const other of buttons) other.setAttribute('aria-pressed', String(other === button));
          }
        });
      }
      element.append(h('span', { class: 'feedback' }, buttons));
    },
  };
}

/**
 * A stored message from the history API; {@code give}, when given, takes a verdict on an answer (messageView). An
 * answer with no text was stopped before it was written: it shows what was found, marked stopped, and takes no verdict.
 */
export function historyMessage(message, give) {
  const view = messageView(message.by === 'you' ? 'you' : 'khoj');
  const stopped = message.by !== 'you' && message.message === '';
  view.set(typeof message.message === 'string' ? message.message : JSON.stringify(message.message));
  for (const step of message.trainOfThought || []) view.thought(step.data ?? step);
  view.references(message.context);
  view.images(message.images);
  view.diagram(message.mermaidjsDiagram);
  if (stopped) view.state('stopped');
  else if (give) view.feedback(give);
  return view.element;
}
