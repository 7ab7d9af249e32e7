// Markdown from models and notes, rendered safely: raw HTML in the Markdown is shown as text (never parsed), and the
// HTML marked produces passes DOMPurify before it reaches the page. The page's Content-Security-Policy forbids inline
// script as a third line of defence.
import { Marked } from '/vendor/marked/marked.esm.js';
import DOMPurify from '/vendor/dompurify/purify.es.js';
import { h, copy } from './dom.js';

const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
  },
});

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** The sanitised HTML of a Markdown text. */
export function toSafeHtml(markdown) {
  const html = marked.parse(markdown || '', { async: false });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input'] });
}

/** Renders Markdown into an element, adding a copy button to each code block. */
export function renderMarkdown(element, markdown) {
  element.innerHTML = toSafeHtml(markdown);
  for (const pre of element.querySelectorAll('pre')) {
    const code = pre.textContent;
    const button = h('button', { type: 'button', class: 'copy', 'aria-label': 'Copy code' }, 'Copy');
    button.addEventListener('click', () => copy(code, button));
    pre.prepend(button);
  }
}
