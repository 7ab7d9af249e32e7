// Entry point of khoj4j's web client: the server names the page in <body data-page>, this builds the frame
// (navigation, status line) and hands the main area to that page's module.
import { h } from './dom.js';

const PAGES = {
  chat: () => import('./pages/chat.js'),
  search: () => import('./pages/search.js'),
  settings: () => import('./pages/settings.js'),
  agents: () => import('./pages/agents.js'),
  automations: () => import('./pages/automations.js'),
  share: () => import('./pages/share.js'),
  login: () => import('./pages/login.js'),
};

const NAV = [
  ['chat', '/chat', 'Chat'],
  ['search', '/search', 'Search'],
  ['agents', '/agents', 'Agents'],
  ['automations', '/automations', 'Automations'],
  ['settings', '/settings', 'Settings'],
];

function frame(page, data) {
  const signedIn = data.signedIn === 'true';
  const links = signedIn
    ? NAV.map(([name, href, label]) =>
        h('li', {}, h('a', { href, 'aria-current': name === page ? 'page' : null }, label)))
    : [];
  if (signedIn && data.singleUser !== 'true') {
    links.push(h('li', {}, h('a', { href: '/auth/logout' }, 'Sign out')));
  }
  if (!signedIn && page === 'share') {
    links.push(h('li', {}, h('a', { href: '/login?next=' + encodeURIComponent(location.pathname) }, 'Sign in')));
  }
  const header = h('header', { class: 'top' },
    h('a', { class: 'brand', href: '/' }, h('img', { src: '/assets/icon.svg', alt: '', width: 24, height: 24 }),
      'khoj4j'),
    links.length ? h('nav', { 'aria-label': 'Main' }, h('ul', {}, links)) : null);
  const main = h('main', { id: 'main', tabindex: '-1', class: 'page-' + page });
  const status = h('div', { id: 'status', role: 'status', 'aria-live': 'polite' });
  document.getElementById('app').replaceChildren(header, main, status);
  return main;
}

const data = document.body.dataset;
const page = PAGES[data.page] ? data.page : 'chat';
const main = frame(page, data);
PAGES[page]().then((module) => module.default(main, data));
