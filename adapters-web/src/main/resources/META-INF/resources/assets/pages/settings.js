// Settings: profile, chat model (and image model and voice when there is a choice), files (drag-and-drop upload with
// progress, list, delete), memories (memories.js), conversations (how many; all exported as one JSON file),
// connectors (GitHub repositories and Notion, with their sync state) and API tokens (create and copy once, revoke).
import { h, fill, announce, copy, whileBusy } from '../dom.js';
import { get, post, del, qs } from '../api.js';
import { setUpMemories } from './memories.js';

export default function settings(main, data) {
  main.append(h('h1', {}, 'Settings'));
  const profile = h('section', { class: 'card', 'aria-labelledby': 'profile-h' }, h('h2', { id: 'profile-h' }, 'Profile'));
  const model = h('section', { class: 'card', 'aria-labelledby': 'model-h' }, h('h2', { id: 'model-h' }, 'Chat model'));
  const files = h('section', { class: 'card', 'aria-labelledby': 'files-h' }, h('h2', { id: 'files-h' }, 'Files'));
  const tokens = h('section', { class: 'card', 'aria-labelledby': 'tokens-h' }, h('h2', { id: 'tokens-h' }, 'API tokens'));
  const connectors = h('section', { class: 'card', 'aria-labelledby': 'connectors-h' },
    h('h2', { id: 'connectors-h' }, 'Connectors'));
  const memories = h('section', { class: 'card', 'aria-labelledby': 'memories-h' },
    h('h2', { id: 'memories-h' }, 'Memories'));
  const conversations = h('section', { class: 'card', 'aria-labelledby': 'conversations-h' },
    h('h2', { id: 'conversations-h' }, 'Conversations'));
  main.append(...[profile, model, files, memories, conversations, connectors,
    data.singleUser === 'true' ? null : tokens].filter(Boolean));
  // the detailed settings, read once for the sections that show part of them
  const detailed = get('/api/settings?detailed=true');
  loadProfile(profile);
  loadModels(model, detailed);
  setUpFiles(files);
  setUpMemories(memories, detailed);
  setUpExport(conversations);
  setUpConnectors(connectors, detailed);
  if (data.singleUser !== 'true') setUpTokens(tokens);
}

async function loadProfile(section) {
  try {
    const user = await get('/api/v1/user?client=web');
    section.append(h('dl', {}, h('dt', {}, 'Email'), h('dd', {}, user.email || ''),
      h('dt', {}, 'Name'), h('dd', {}, user.username || '')));
  } catch (error) {
    announce(error.message, 'error');
  }
}

async function loadModels(section, detailed) {
  try {
    const [options, chosen] = await Promise.all([get('/api/model/chat/options'), get('/api/model/chat')]);
    if (!options.length) {
      section.append(h('p', {}, 'No chat model is configured on this server yet.'));
      return;
    }
    const select = h('select', { id: 'chat-model' },
      options.map((o) => h('option', { value: o.id, selected: o.id === chosen.id }, o.name)));
    let saved = select.value;
    select.addEventListener('change', async () => {
      try {
        await post('/api/model/chat?' + qs({ id: select.value }));
        saved = select.value;
        announce('Chat model saved.');
      } catch (error) {
        // refused (a paid model without a subscription): the choice in force is shown again
        select.value = saved;
        announce(error.message, 'error');
      }
    });
    section.append(h('label', { for: 'chat-model' }, 'Model for your conversations'), select);
    await loadOtherModels(section, await detailed);
  } catch (error) {
    announce(error.message, 'error');
  }
}

// The image model pictures are painted with and the read-aloud voice, each only when the server offers a choice.
async function loadOtherModels(section, settings) {
  const choices = [
    ['paint-model', 'Image model for pictures', settings.paint_model_options, settings.selected_paint_model_config,
      '/api/model/paint', 'Image model saved.'],
    ['voice-model', 'Voice that reads answers aloud', settings.voice_model_options,
      settings.selected_voice_model_config, '/api/model/voice', 'Voice saved.'],
  ];
  for (const [id, label, options, chosen, path, saved] of choices) {
    if (!options || options.length < 2) continue;
    const select = h('select', { id },
      options.map((o) => h('option', { value: o.id, selected: String(o.id) === String(chosen) }, o.name)));
    let current = select.value;
    select.addEventListener('change', async () => {
      try {
        await post(path + '?' + qs({ id: select.value }));
        current = select.value;
        announce(saved);
      } catch (error) {
        select.value = current;
        announce(error.message, 'error');
      }
    });
    section.append(h('label', { for: id }, label), select);
  }
}

function setUpFiles(section) {
  const picker = h('input', { id: 'file-picker', type: 'file', multiple: true,
    accept: '.md,.markdown,.org,.txt,.pdf,.docx,.png,.jpg,.jpeg,.webp,.html' });
  const progress = h('progress', { max: 100, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const drop = h('div', { class: 'drop', tabindex: '-1' },
    h('p', {}, 'Drop files here, or '), h('label', { for: 'file-picker', class: 'button' }, 'choose files'), picker,
    progress);
  const list = h('ul', { class: 'files', 'aria-label': 'Indexed files' });
  const pager = h('div', { class: 'pager' });
  section.append(drop, list, pager);
  let page = 0;

  async function load() {
    try {
      const body = await get('/api/content/files?' + qs({ page, truncated: true }));
      if (!body.files.length && page > 0) {
        // the last file of the last page went: show the page before it
        page = Math.max(0, Math.min(page - 1, body.num_pages - 1));
        await load();
        return;
      }
      fill(list, body.files.length ? body.files.map(item) : h('li', {}, 'No files indexed yet.'));
      fill(pager, body.num_pages > 1 ? [
        h('button', { type: 'button', disabled: page === 0, onclick: () => { page--; load(); } }, 'Previous'),
        ` Page ${page + 1} of ${body.num_pages} `,
        h('button', { type: 'button', disabled: page + 1 >= body.num_pages, onclick: () => { page++; load(); } },
          'Next')] : []);
    } catch (error) {
      announce(error.message, 'error');
    }
  }

  function item(file) {
    const remove = h('button', { type: 'button', class: 'small danger', 'aria-label': 'Delete ' + file.file_name },
      'Delete');
    remove.addEventListener('click', async () => {
      if (!confirm(`Remove ${file.file_name} from your index?`)) return;
      try {
        await del('/api/content/file?' + qs({ filename: file.file_name }));
        announce('Removed ' + file.file_name);
        await load();
      } catch (error) {
        announce(error.message, 'error');
      }
    });
    return h('li', {}, h('span', { class: 'file' }, file.file_name), h('span', { class: 'hint' }, file.updated_at || ''),
      remove);
  }

  function upload(chosen) {
    if (!chosen.length) return;
    const form = new FormData();
    for (const file of chosen) form.append('files', file, file.name);
    // XMLHttpRequest rather than fetch: it reports upload progress.
    const request = new XMLHttpRequest();
    request.open('PATCH', '/api/content?client=web');
    request.setRequestHeader('Accept', 'application/json');
    progress.hidden = false;
    progress.value = 0;
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
    });
    request.addEventListener('load', async () => {
      progress.hidden = true;
      if (request.status >= 200 && request.status < 300) {
        // the answer names the files indexed; the others were refused (damaged, encrypted, not a document)
        const accepted = new Set(request.responseText.split(',').filter(Boolean));
        const refused = chosen.filter((file) => !accepted.has(file.name)).map((file) => file.name);
        const indexed = chosen.length - refused.length;
        if (refused.length) {
          announce(`Indexed ${indexed} of ${chosen.length} files; not indexed: ${refused.join(', ')}.`, 'error');
        } else {
          announce(`Indexed ${chosen.length} file${chosen.length === 1 ? '' : 's'}.`);
        }
        page = 0;
        await load();
      } else {
        let detail = `Upload failed (${request.status}).`;
        try {
          detail = JSON.parse(request.responseText).detail || detail;
        } catch {
          // not JSON
        }
        announce(request.status === 429 ? 'Out of space: ' + detail : detail, 'error');
      }
    });
    request.addEventListener('error', () => {
      progress.hidden = true;
      announce('Upload failed: the server could not be reached.', 'error');
    });
    request.send(form);
  }

  picker.addEventListener('change', () => upload([...picker.files]));
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    upload([...event.dataTransfer.files]);
  });
  load();
}

function setUpTokens(section) {
  const name = h('input', { id: 'token-name', type: 'text', maxlength: 50 });
  const create = h('button', { type: 'submit', class: 'primary' }, 'Create token');
  const created = h('div', { class: 'created-token', hidden: true, role: 'alert' });
  const list = h('ul', { class: 'tokens', 'aria-label': 'Your tokens' });
  const form = h('form', {}, h('label', { for: 'token-name' }, 'Name (optional)'), name, create);
  section.append(h('p', { class: 'hint' }, 'Tokens let the Obsidian and Emacs clients use your account.'), form,
    created, list);

  async function load() {
    try {
      const found = await get('/auth/token');
      fill(list, found.length ? found.map(item) : h('li', {}, 'No tokens.'));
    } catch (error) {
      announce(error.message, 'error');
    }
  }

  function item(token) {
    const revoke = h('button', { type: 'button', class: 'small danger', 'aria-label': 'Revoke ' + token.name },
      'Revoke');
    revoke.addEventListener('click', async () => {
      if (!confirm(`Revoke "${token.name}"? Clients using it stop working.`)) return;
      try {
        await del('/auth/token?' + qs({ token: token.id ?? token.token }));
        announce('Revoked ' + token.name);
        await load();
      } catch (error) {
        announce(error.message, 'error');
      }
    });
    return h('li', { class: 'token' }, h('span', {}, token.name), h('code', {}, token.token), revoke);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const made = await post('/auth/token?' + qs({ token_name: name.value.trim() }));
      const secret = h('input', { id: 'new-token', type: 'text', readonly: true, value: made.token });
      const copyButton = h('button', { type: 'button' }, 'Copy');
      copyButton.addEventListener('click', () => copy(made.token, copyButton));
      fill(created, h('label', { for: 'new-token' }, `Your new token "${made.name}". Copy it now: it is not shown again.`),
        secret, copyButton);
      created.hidden = false;
      name.value = '';
      await load();
      secret.select();
    } catch (error) {
      announce(error.message, 'error');
    }
  });
  load();
}

/** How many conversations the user has, and all of them exported as one JSON file (Khoj's export format). */
async function setUpExport(section) {
  const count = h('p', {});
  const button = h('button', { type: 'button' }, 'Export all conversations');
  section.append(count, button);
  try {
    const stats = await get('/api/chat/stats');
    count.textContent = `${stats.num_conversations} conversation${stats.num_conversations === 1 ? '' : 's'}.`;
  } catch (error) {
    announce(error.message, 'error');
  }
  button.addEventListener('click', () => whileBusy(button, async () => {
    const all = [];
    const limit = 100;
    for (let offset = 0; ; offset += limit) {
      const page = await get('/api/chat/export?' + qs({ offset, limit }));
      all.push(...page);
      if (page.length < limit) break;
    }
    const file = new Blob([JSON.stringify(all, null, 2)], { type: 'application/json' });
    const link = h('a', { href: URL.createObjectURL(file), download: 'khoj4j-conversations.json' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    announce(`Exported ${all.length} conversation${all.length === 1 ? '' : 's'}.`);
  }));
}

// GitHub (a token for private repositories, and the repositories as owner/name@branch, one per line) and Notion (an
// integration token): saving starts a sync; each shows how its last or running sync went.
async function setUpConnectors(section, detailed) {
  try {
    const [github, notion, settings] = await Promise.all([get('/api/content/github'), get('/api/content/notion'),
      detailed]);
    const config = github.current_config || {};
    const sync = settings.content_sync || {};
    const githubToken = h('input', { id: 'github-token', type: 'password', autocomplete: 'off',
      value: config.pat_token || '' });
    const repos = h('textarea', { id: 'github-repos', rows: 3, placeholder: 'owner/name@branch',
      'aria-describedby': 'github-repos-hint' });
    repos.value = (config.repos || []).map((r) => `${r.owner}/${r.name}@${r.branch}`).join('\n');
    const saveGithub = h('button', { type: 'button', class: 'primary' }, 'Save GitHub');
    saveGithub.addEventListener('click', async () => {
      const parsed = repos.value.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
        const [path, branch] = line.split('@');
        const [owner, name] = path.split('/');
        return { owner, name, branch: branch || 'main' };
      });
      try {
        await post('/api/content/github', { json: { pat_token: githubToken.value.trim() || null, repos: parsed } });
        announce('GitHub saved; syncing.');
      } catch (error) {
        announce(error.message, 'error');
      }
    });
    const notionToken = h('input', { id: 'notion-token', type: 'password', autocomplete: 'off',
      value: notion.current_config?.token || '' });
    const saveNotion = h('button', { type: 'button', class: 'primary' }, 'Save Notion');
    saveNotion.addEventListener('click', async () => {
      try {
        await post('/api/content/notion', { json: { token: notionToken.value.trim() } });
        announce('Notion saved; syncing.');
      } catch (error) {
        announce(error.message, 'error');
      }
    });
    section.append(...[
      h('h3', {}, 'GitHub'), syncLine(sync.github),
      h('label', { for: 'github-token' }, 'Access token (only for private repositories)'), githubToken,
      h('label', { for: 'github-repos' }, 'Repositories'), repos,
      h('p', { id: 'github-repos-hint', class: 'hint' }, 'One per line: owner/name@branch.'), saveGithub,
      h('h3', {}, 'Notion'), syncLine(sync.notion),
      h('label', { for: 'notion-token' }, 'Integration token'), notionToken, saveNotion,
      settings.notion_oauth_url ? h('p', {}, h('a', { href: settings.notion_oauth_url }, 'Connect Notion')) : null,
    ].filter(Boolean));
  } catch (error) {
    announce(error.message, 'error');
  }
}

function syncLine(state) {
  if (!state || state.status === 'never') return h('p', { class: 'hint' }, 'Not synced yet.');
  const words = { syncing: `Syncing (${state.done ?? 0} of ${state.total ?? '?'})`, ok: 'Synced',
    failing: 'Last sync failed: ' + (state.last_error || 'unknown error') };
  return h('p', { class: 'hint' }, (words[state.status] || state.status)
    + (state.last_synced_at ? ' · last ' + state.last_synced_at : ''));
}
