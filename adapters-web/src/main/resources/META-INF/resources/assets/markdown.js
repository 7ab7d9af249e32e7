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

/** Renders Markdown into an element, adding a copy button to each code block and highlighting known languages. */
export function renderMarkdown(element, markdown) {
  element.innerHTML = toSafeHtml(markdown);
  for (const pre of element.querySelectorAll('pre')) {
    const code = pre.textContent;
    const button = h('button', { type: 'button', class: 'copy', 'aria-label': 'Copy code' }, 'Copy');
    button.addEventListener('click', () => copy(code, button));
    pre.prepend(button);
  }
  highlight(element).catch(() => {});
}

// Code highlighting (highlight.js, vendored): loaded only when a block names a language it has, one grammar at a time.
// highlight.js reads a block's text and writes back escaped HTML of its own, so nothing in the code becomes markup.
const GRAMMARS = new Set(['bash', 'c', 'cpp', 'css', 'diff', 'go', 'java', 'javascript', 'json', 'kotlin', 'markdown',
  'plaintext', 'python', 'rust', 'shell', 'sql', 'typescript', 'xml', 'yaml']);
const ALIASES = { js: 'javascript', jsx: 'javascript', mjs: 'javascript', ts: 'typescript', tsx: 'typescript',
  py: 'python', sh: 'bash', zsh: 'bash', console: 'shell', html: 'xml', svg: 'xml', yml: 'yaml', md: 'markdown',
  kt: 'kotlin', rs: 'rust', golang: 'go', 'c++': 'cpp', cc: 'cpp', hpp: 'cpp', h: 'c', text: 'plaintext',
  txt: 'plaintext', patch: 'diff', jsonc: 'json' };
let core = null;
const grammars = new Map();

function grammarOf(code) {
  const named = /\blanguage-([\w+#-]+)/.exec(code.className);
  if (!named) return null;
  const name = named[1].toLowerCase();
  const grammar = ALIASES[name] || name;
  return GRAMMARS.has(grammar) ? grammar : null;
}

async function highlight(element) {
  const blocks = [...element.querySelectorAll('pre code')]
    .map((code) => [code, grammarOf(code)])
    .filter(([, grammar]) => grammar);
  if (!blocks.length) return;
  if (!core) {
    document.head.append(h('link', { rel: 'stylesheet', href: '/vendor/highlight/highlight.css' }));
    core = import('/vendor/highlight/core.min.js').then((module) => module.default);
  }
  const hljs = await core;
  for (const [code, grammar] of blocks) {
    if (!grammars.has(grammar)) {
      grammars.set(grammar, import(`/vendor/highlight/languages/${grammar}.min.js`)
        .then((module) => hljs.registerLanguage(grammar, module.default)));
    }
    await grammars.get(grammar);
    if (code.isConnected && !code.dataset.highlighted) hljs.highlightElement(code);
  }
}
