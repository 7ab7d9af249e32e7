// Search: results as you type, with Khoj's filter syntax (+"word", -"word", file:"x.md", dt>="2024-01-01").
import { h, fill, announce, debounce } from '../dom.js';
import { get, qs } from '../api.js';

export default function search(main) {
  const field = h('input', { id: 'search-q', type: 'search', autocomplete: 'off', 'aria-describedby': 'search-help',
    placeholder: 'Search your notes' });
  const help = h('p', { id: 'search-help', class: 'hint' },
    'Filters: +"must have" -"must not" file:"name.md" dt>="2024-01-01"');
  const results = h('ol', { class: 'results', 'aria-label': 'Results' });
  let latest = 0;
  main.append(h('h1', {}, 'Search'), h('label', { for: 'search-q' }, 'Search your notes'), field, help, results);

  const run = debounce(async () => {
    const q = field.value.trim();
    const mine = ++latest;
    if (!q) {
      results.replaceChildren();
      return;
    }
    try {
      const found = await get('/api/search?' + qs({ q, client: 'web', n: 10 }));
      if (mine !== latest) return; // an older query answered late
      fill(results, found.map(result));
      announce(found.length ? `${found.length} result${found.length === 1 ? '' : 's'}` : 'No results.');
    } catch (error) {
      if (mine === latest) announce(error.message, 'error');
    }
  }, 250);
  field.addEventListener('input', run);
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    field.value = initial;
    run();
  }
  field.focus();
}

function result(item) {
  const extra = item.additional || {};
  const heading = extra.heading || (extra.compiled || '').split('\n').find((l) => l.trim()) || '';
  return h('li', { class: 'result' },
    h('div', { class: 'file' }, extra.file || ''),
    h('div', { class: 'heading' }, heading.replace(/^[#*\s]+/, '')),
    h('p', { class: 'snippet' }, (item.entry || extra.compiled || '').slice(0, 400)),
    h('div', { class: 'score' }, 'score ' + Number(item.score).toFixed(3)));
}
