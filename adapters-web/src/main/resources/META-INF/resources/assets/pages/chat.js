// Chat: the conversation list (new, rename, share, delete), the messages, and a composer whose answers stream over
// the chat WebSocket (/api/chat/ws?client=web, Khoj's web protocol: one frame per event, each followed by a frame
// holding only the delimiter; raw text frames are answer text). Stop sends an interrupt. A new conversation offers
// the server's suggested questions; each answer takes a good or bad verdict; the files a conversation's notes search
// reads can be limited to some of the user's files.
import { h, fill, announce, copy } from '../dom.js';
import { api, get, post, patch, del, qs } from '../api.js';
import { messageView, historyMessage } from '../messages.js';
import { canRecord, dictationButton, readAloudButton } from '../voice.js';

const DELIMITER = '\u2403\u{1F51A}\u2417';

export default function chat(main) {
  let conversationId = new URLSearchParams(location.search).get('conversationId');
  let sessions = [];
  let socket = null;
  let turn = null; // the answer streaming now: {view, text, newConversation}
  let commands = {};

  const list = h('ul', { class: 'conversations', 'aria-label': 'Conversations' });
  const newButton = h('button', { type: 'button', class: 'primary', onclick: () => startNew() }, 'New conversation');
  const aside = h('aside', { class: 'sidebar', 'aria-label': 'Conversation list' }, newButton, list);

  const title = h('h1', { class: 'title' }, 'New conversation');
  const sharePanel = h('div', { class: 'share-panel', hidden: true });
  const log = h('div', { class: 'messages', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation' });
  const input = h('textarea', { id: 'chat-input', rows: 2, placeholder: 'Ask anything; / for commands',
    'aria-describedby': 'chat-hint' });
  const hint = h('p', { id: 'chat-hint', class: 'hint' }, 'Enter sends, Shift+Enter adds a line.');
  const commandHints = h('ul', { class: 'commands', hidden: true, 'aria-label': 'Commands' });
  const send = h('button', { type: 'submit', class: 'primary' }, 'Send');
  // Attachments go with the next message: pictures as data URIs (for models that see), other files as their text.
  let attached = { images: [], files: [] };
  const filePicker = h('input', { type: 'file', id: 'chat-attach', multiple: true, class: 'visually-hidden',
    accept: 'image/*,.txt,.md,.org,.csv,.json,.py,.js,.ts,.java,.html,.xml,.yaml,.yml,.log' });
  const attachLabel = h('label', { for: 'chat-attach', class: 'button small' }, 'Attach');
  const attachments = h('ul', { class: 'attachments', 'aria-label': 'Attachments', hidden: true });
  // A new conversation may start with an agent; an open one keeps its own.
  const agentSelect = h('select', { id: 'chat-agent' });
  const agentPicker = h('p', { class: 'agent-picker', hidden: true },
    h('label', { for: 'chat-agent' }, 'Agent'), ' ', agentSelect);
  const stop = h('button', { type: 'button', class: 'danger', hidden: true, onclick: () => interrupt() }, 'Stop');
  // Dictation writes what was said into the message box, to read over before sending.
  const speak = canRecord() ? dictationButton((text) => {
    input.value = input.value.trim() ? input.value.trimEnd() + ' ' + text : text;
    input.focus();
  }, (message) => announce(message, 'error')) : null;
  const form = h('form', { class: 'composer' }, agentPicker,
    h('label', { for: 'chat-input', class: 'visually-hidden' }, 'Message'),
    commandHints, attachments, input,
    h('div', { class: 'actions' }, hint, filePicker, attachLabel, speak, stop, send));
  // Answers get a read-aloud button when the server can speak (its settings say so).
  let speech = false;
  // The conversation's file filters: its notes search reads only these files (all when there are none).
  const filterList = h('ul', { class: 'chips', 'aria-label': 'Files this conversation searches' });
  const filterInput = h('input', { id: 'chat-filter-file', list: 'chat-filter-options', autocomplete: 'off' });
  const filterOptions = h('datalist', { id: 'chat-filter-options' });
  const filterSummary = h('summary', {}, 'Notes searched: all your files');
  const filterAdd = h('button', { type: 'button', class: 'small' }, 'Limit to this file');
  const filesPanel = h('details', { class: 'files-panel' }, filterSummary,
    h('p', { class: 'hint' }, 'Limit the notes this conversation searches to some of your files.'), filterList,
    h('label', { for: 'chat-filter-file' }, 'File'), h('div', { class: 'row' }, filterInput, filterAdd),
    filterOptions);
  const starters = h('ul', { class: 'starters', 'aria-label': 'Suggested questions', hidden: true });
  const section = h('section', { class: 'conversation' }, title, sharePanel, filesPanel, log, starters, form);
  main.append(aside, section);
  filesPanel.addEventListener('toggle', () => {
    if (filesPanel.open && !filterOptions.childElementCount) {
      // only files pushed from a computer can limit a conversation (as in Khoj), not connectors' pages
      get('/api/content/computer')
        .then((names) => fill(filterOptions, (names || []).map((name) => h('option', { value: name }))))
        .catch(() => {});
    }
  });
  filterAdd.addEventListener('click', () => addFilter());
  filterInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      addFilter();
    }
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ask();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ask();
    }
  });
  input.addEventListener('input', showCommands);
  filePicker.addEventListener('change', () => attach([...filePicker.files]).finally(() => (filePicker.value = '')));
  // Open the socket while the first message is typed, so sending does not wait for the handshake; a page only read
  // holds no connection (they count against the user's limit).
  input.addEventListener('input', () => connect().catch(() => {}), { once: true });

  get('/api/chat/options').then((options) => (commands = options || {})).catch(() => {});
  // The page's shell says whether answers can be read aloud; an operator's exported page may not, and then the
  // settings do.
  const shellSpeech = document.body.dataset.speech;
  if (shellSpeech !== undefined) speech = shellSpeech === 'true';
  const speechKnown = shellSpeech !== undefined
    ? Promise.resolve()
    : get('/api/settings?detailed=true').then((settings) => {
      speech = Boolean(settings?.is_eleven_labs_enabled);
    }).catch(() => {});
  get('/api/agents').then((agents) => {
    fill(agentSelect, (agents || []).map((a) => h('option', { value: a.slug }, a.name)));
    showPicker();
  }).catch(() => {});
  // The conversation the address names loads beside the list. A message typed before its history arrives is shown at
  // once but sent only after that history is read, so it lands after the history and not in it.
  const historyRead = conversationId ? open(conversationId) : Promise.resolve();
  if (!conversationId) showStarters();
  refreshList();
  input.focus();

  async function showStarters() {
    starters.hidden = true;
    try {
      const suggested = await get('/api/chat/starters');
      if (conversationId || turn || !suggested?.length) return;
      fill(starters, suggested.map((question) => h('li', {},
        h('button', { type: 'button', class: 'small', onclick: () => {
          input.value = question;
          ask();
        } }, question))));
      starters.hidden = false;
    } catch {
      // suggestions are a nicety
    }
  }

  function showFilters(files) {
    fill(filterList, files.map((file) => h('li', {}, file, ' ',
      h('button', { type: 'button', class: 'small', 'aria-label': 'Stop limiting to ' + file,
        onclick: () => changeFilter('DELETE', file) }, '×'))));
    filterSummary.textContent = files.length
      ? `Notes searched: ${files.length} file${files.length === 1 ? '' : 's'}` : 'Notes searched: all your files';
  }

  async function loadFilters() {
    if (!conversationId) {
      showFilters([]);
      return;
    }
    try {
      showFilters(await get('/api/chat/conversation/file-filters/' + encodeURIComponent(conversationId)));
    } catch (error) {
      announce(error.message, 'error');
    }
  }

  async function addFilter() {
    const file = filterInput.value.trim();
    if (!file) return;
    if (await changeFilter('POST', file)) filterInput.value = '';
  }

  // A filter on a conversation not started yet starts it, so the first question already searches only those files.
  async function changeFilter(method, file) {
    try {
      await ensureConversation();
      const filters = await api(method, '/api/chat/conversation/file-filters',
        { json: { conversation_id: conversationId, filename: file } });
      showFilters(filters);
      // as in Khoj, the server leaves out a name that is not one of the user's indexed files
      if (method === 'POST' && !filters.includes(file)) {
        announce('Not one of your indexed files: ' + file, 'error');
        return false;
      }
      return true;
    } catch (error) {
      announce(error.message, 'error');
      return false;
    }
  }

  // One creation at a time: a double click, or a filter and a question sent together, start one conversation.
  let creating = null;

  async function ensureConversation() {
    if (conversationId) return;
    creating ??= (async () => {
      const agent = agentSelect.selectedIndex > 0 ? agentSelect.value : undefined;
      const created = await post('/api/chat/sessions?' + qs({ client: 'web', agent_slug: agent }));
      conversationId = created.conversation_id;
      showPicker();
      starters.hidden = true;
      history.replaceState(null, '', '/chat?' + qs({ conversationId }));
      await refreshList();
      markCurrent();
    })().finally(() => {
      creating = null;
    });
    await creating;
  }

  /** A stored message's element: verdict and read-aloud on an answer, delete on a question. */
  function stored(message, chatLog, i) {
    const element = withVoice(historyMessage(message, feedbackFor(chatLog, i)), message);
    if (message.turnId) {
      element.dataset.turn = message.turnId;
      if (message.by === 'you') element.append(deleteTurnButton(message.turnId));
    }
    return element;
  }

  /** Removes a question and its answer from the conversation, on the server and on the page. */
  function deleteTurnButton(turnId) {
    return h('button', { type: 'button', class: 'small danger', 'aria-label': 'Delete this question and its answer',
      onclick: async () => {
        if (!confirm('Delete this question and its answer?')) return;
        try {
          await api('DELETE', '/api/chat/conversation/message',
            { json: { conversation_id: conversationId, turn_id: turnId } });
          for (const element of log.querySelectorAll(`[data-turn="${CSS.escape(turnId)}"]`)) element.remove();
          announce('Deleted.');
        } catch (error) {
          announce(error.message, 'error');
        }
      } }, 'Delete');
  }

  /** A stored answer's element with a read-aloud button when the server can speak. */
  function withVoice(element, message) {
    if (speech && message.by !== 'you' && typeof message.message === 'string' && message.message.trim()) {
      element.append(readAloudButton(() => message.message, (error) => announce(error, 'error')));
    }
    return element;
  }

  /** Stores a verdict on an answer; true when stored. */
  async function giveFeedback(question, answer, sentiment, turnId) {
    try {
      await post('/api/chat/feedback', { json: { uquery: question, kquery: answer, sentiment, turn_id: turnId } });
      announce('Thank you: your verdict is saved.');
      return true;
    } catch (error) {
      announce(error.message, 'error');
      return false;
    }
  }

  /** The verdict handler of a stored answer that follows its question. */
  function feedbackFor(chatLog, i) {
    const message = chatLog[i];
    const question = chatLog[i - 1];
    if (message.by === 'you' || !question || question.by !== 'you' || typeof message.message !== 'string') return null;
    return (sentiment) => giveFeedback(String(question.message), message.message, sentiment, message.turnId);
  }

  function showCommands() {
    const text = input.value;
    const matches = text.startsWith('/') && !text.includes(' ')
      ? Object.entries(commands).filter(([name]) => ('/' + name).startsWith(text)) : [];
    commandHints.hidden = !matches.length;
    fill(commandHints, matches.map(([name, description]) => h('li', {},
      h('button', { type: 'button', onclick: () => { input.value = '/' + name + ' '; commandHints.hidden = true;
        input.focus(); } }, '/' + name), ' ', description)));
  }

  async function refreshList() {
    try {
      sessions = await get('/api/chat/sessions?client=web');
    } catch (error) {
      announce(error.message, 'error');
      return;
    }
    fill(list, sessions.map((s) => conversationItem(s)));
  }

  function conversationItem(session) {
    const id = session.conversation_id;
    const label = session.slug || 'New conversation';
    const openButton = h('button', { type: 'button', class: 'open', 'aria-current': id === conversationId ? 'true' : null,
      onclick: () => open(id) }, label);
    const item = h('li', { 'data-id': id }, openButton,
      h('span', { class: 'item-actions' },
        h('button', { type: 'button', class: 'small', 'aria-label': 'Rename ' + label, onclick: () => rename(item, session) },
          'Rename'),
        h('button', { type: 'button', class: 'small', 'aria-label': 'Share ' + label, onclick: () => share(id) }, 'Share'),
        h('button', { type: 'button', class: 'small danger', 'aria-label': 'Delete ' + label,
          onclick: () => remove(id, label) }, 'Delete')));
    return item;
  }

  function rename(item, session) {
    const field = h('input', { type: 'text', value: session.slug || '', 'aria-label': 'New title', maxlength: 200 });
    let saved = false;
    const save = async () => {
      if (saved) return;
      saved = true;
      const value = field.value.trim();
      if (value && value !== session.slug) {
        try {
          await patch('/api/chat/title?' + qs({ client: 'web', conversation_id: session.conversation_id, title: value }));
          announce('Renamed.');
        } catch (error) {
          announce(error.message, 'error');
        }
      }
      await refreshList();
      if (session.conversation_id === conversationId) title.textContent = value || title.textContent;
    };
    field.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') { event.preventDefault(); save(); }
      if (event.key === 'Escape') refreshList();
    });
    field.addEventListener('blur', save, { once: true });
    item.replaceChildren(field);
    field.focus();
    field.select();
  }

  async function share(id) {
    try {
      const { url } = await post('/api/chat/share?' + qs({ client: 'web', conversation_id: id }));
      const field = h('input', { type: 'url', readonly: true, value: url, id: 'share-url' });
      const copyButton = h('button', { type: 'button' }, 'Copy link');
      copyButton.addEventListener('click', () => copy(url, copyButton));
      fill(sharePanel, h('label', { for: 'share-url' }, 'Anyone with this link can read the conversation:'), field,
        copyButton, h('a', { href: url, target: '_blank', rel: 'noopener' }, 'Open'),
        h('button', { type: 'button', onclick: () => (sharePanel.hidden = true) }, 'Close'));
      sharePanel.hidden = false;
      field.select();
    } catch (error) {
      announce(error.message, 'error');
    }
  }

  async function remove(id, label) {
    if (!confirm(`Delete "${label}"? This cannot be undone.`)) return;
    try {
      await del('/api/chat/history?' + qs({ client: 'web', conversation_id: id }));
      announce('Conversation deleted.');
      if (id === conversationId) startNew();
      await refreshList();
    } catch (error) {
      announce(error.message, 'error');
    }
  }

  // The picker is shown for a new conversation when there is more than the default agent to choose.
  function showPicker() {
    agentPicker.hidden = Boolean(conversationId) || agentSelect.options.length < 2;
  }

  const MAX_FILE_BYTES = 1024 * 1024;

  async function attach(files) {
    for (const file of files) {
      if (file.type.startsWith('image/')) {
        attached.images.push({ name: file.name, url: await readAs(file, 'dataURL') });
      } else if (file.size > MAX_FILE_BYTES) {
        announce(`${file.name} is larger than 1 MB and was not attached.`, 'error');
      } else {
        attached.files.push({ name: file.name, content: await readAs(file, 'text'),
          file_type: file.type || 'text/plain', size: file.size });
      }
    }
    showAttachments();
  }

  function readAs(file, kind) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.addEventListener('load', () => resolve(reader.result));
      reader.addEventListener('error', () => reject(reader.error));
      if (kind === 'text') reader.readAsText(file); else reader.readAsDataURL(file);
    });
  }

  function showAttachments() {
    const items = [...attached.images.map((i) => ['images', i]), ...attached.files.map((f) => ['files', f])];
    attachments.hidden = !items.length;
    fill(attachments, items.map(([kind, item]) => h('li', {}, item.name, ' ',
      h('button', { type: 'button', class: 'small', 'aria-label': 'Remove ' + item.name, onclick: () => {
        attached[kind] = attached[kind].filter((other) => other !== item);
        showAttachments();
      } }, 'Remove'))));
  }

  function startNew() {
    conversationId = null;
    showPicker();
    history.replaceState(null, '', '/chat');
    title.textContent = 'New conversation';
    log.replaceChildren();
    sharePanel.hidden = true;
    showFilters([]);
    showStarters();
    markCurrent();
    input.focus();
  }

  function markCurrent() {
    for (const button of list.querySelectorAll('button.open')) {
      const current = button.closest('li').dataset.id === conversationId;
      if (current) button.setAttribute('aria-current', 'true'); else button.removeAttribute('aria-current');
    }
  }

  async function open(id) {
    const streaming = turn;
    try {
      // whether answers are read aloud is known before the check below: nothing is awaited between it and the fill
      const [body] = await Promise.all([
        get('/api/chat/history?' + qs({ client: 'web', conversation_id: id })), speechKnown]);
      const response = body.response || {};
      if (turn && turn !== streaming) {
        // A message went out while this history loaded; it stays where it is, after the history if it is this one's.
        if (conversationId === (response.conversation_id || id)) {
          title.textContent = response.slug || 'New conversation';
          const chatLog = response.chat || [];
          log.prepend(...chatLog.map((m, i) => stored(m, chatLog, i)));
        }
        return;
      }
      conversationId = response.conversation_id || id;
      showPicker();
      history.replaceState(null, '', '/chat?' + qs({ conversationId }));
      title.textContent = response.slug || 'New conversation';
      const chatLog = response.chat || [];
      fill(log, chatLog.map((m, i) => stored(m, chatLog, i)));
      sharePanel.hidden = true;
      starters.hidden = true;
      loadFilters();
      markCurrent();
      log.lastElementChild?.scrollIntoView({ block: 'end' });
    } catch (error) {
      announce(error.message, 'error');
      if (conversationId === id && !turn) {
        // the address named a conversation that is gone (deleted elsewhere, an old bookmark): start a new one
        conversationId = undefined;
        history.replaceState(null, '', '/chat');
        showPicker();
        showStarters();
        markCurrent();
      }
    }
  }

  // One socket, opened on first use; callers wait for it to be open (a Stop pressed while it connects still arrives).
  function connect() {
    if (socket) return socket;
    const opening = new Promise((resolve, reject) => {
      const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
      const ws = new WebSocket(`${scheme}//${location.host}/api/chat/ws?client=web`);
      ws.addEventListener('open', () => resolve(ws));
      ws.addEventListener('error', () => reject(new Error('Could not reach the chat service.')));
      ws.addEventListener('message', (event) => receive(event.data));
      ws.addEventListener('close', () => {
        if (socket === opening) socket = null;
        if (turn) finish('The connection closed before the answer ended.');
      });
    });
    opening.catch(() => {
      if (socket === opening) socket = null;
    });
    socket = opening;
    return opening;
  }

  async function ask() {
    const q = input.value.trim();
    if (!q || turn) return;
    const you = messageView('you');
    you.set(q + attached.files.map((f) => `\n\n📎 ${f.name}`).join(''));
    you.images(attached.images.map((i) => i.url));
    const sending = attached;
    attached = { images: [], files: [] };
    showAttachments();
    const answer = messageView('khoj');
    answer.state('streaming');
    log.append(you.element, answer.element);
    answer.element.scrollIntoView({ block: 'end' });
    turn = { view: answer, you: you.element, text: '', newConversation: !conversationId, frame: 0, q,
      turnId: undefined, conversation: conversationId };
    input.value = '';
    commandHints.hidden = true;
    starters.hidden = true;
    stop.hidden = false;
    send.disabled = true;
    try {
      if (!conversationId && agentSelect.selectedIndex > 0) await ensureConversation();
      turn.conversation = conversationId;
      const ws = await connect();
      await historyRead;
      // without an id the server would continue the user's latest conversation: a new one is asked for
      // the server percent-decodes the question once, as Khoj's does: sent encoded, '%20' in it stays '%20'
      ws.send(JSON.stringify({ q: encodeURIComponent(q), conversation_id: conversationId,
        create_new: !conversationId, stream: true,
        images: sending.images.map((i) => i.url), files: sending.files,
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone }));
    } catch (error) {
      finish(error.message);
    }
  }

  function interrupt() {
    if (socket && turn) socket.then((ws) => ws.send(JSON.stringify({ type: 'interrupt' }))).catch(() => {});
  }

  function receive(frame) {
    if (frame === DELIMITER || !turn) return;
    const trimmed = frame.trim();
    if (trimmed.startsWith('{') && trimmed.endsWith('}')) {
      let event = null;
      try {
        event = JSON.parse(trimmed);
      } catch {
        // not JSON after all: answer text that happens to look like an object
      }
      // an event names its type (or is an error); answer text that happens to be a JSON object is text
      if (event && typeof event === 'object' && (typeof event.type === 'string' || event.error)) {
        handle(event);
        return;
      }
    }
    turn.text += frame;
    if (!turn.frame) {
      turn.frame = requestAnimationFrame(() => {
        if (!turn) return;
        turn.frame = 0;
        turn.view.set(turn.text);
      });
    }
  }

  function handle(event) {
    const view = turn.view;
    if (event.error) {
      finish(event.error);
      return;
    }
    switch (event.type) {
      case 'metadata':
        turn.turnId = event.data?.turnId;
        turn.conversation = event.data?.conversationId || turn.conversation;
        if (!conversationId && event.data?.conversationId) {
          conversationId = event.data.conversationId;
          showPicker();
          history.replaceState(null, '', '/chat?' + qs({ conversationId }));
        }
        break;
      case 'status':
      case 'thought':
        view.thought(event.data);
        break;
      case 'references':
        view.references(event.data?.context);
        break;
      case 'generated_assets':
        view.images(event.data?.images);
        view.diagram(event.data?.mermaidjsDiagram);
        break;
      case 'interrupt_acknowledged':
        finish(null, 'stopped');
        break;
      case 'end_response':
        finish(null);
        break;
      default:
        break;
    }
  }

  async function finish(error, state = 'done') {
    const ending = turn;
    if (!ending) return;
    turn = null;
    if (ending.frame) cancelAnimationFrame(ending.frame);
    ending.view.set(ending.text);
    ending.view.state(error ? 'error' : state);
    if (!error && state === 'done' && ending.turnId) {
      ending.you.dataset.turn = ending.turnId;
      ending.view.element.dataset.turn = ending.turnId;
      ending.you.append(deleteTurnButton(ending.turnId));
    }
    if (!error && state === 'done' && ending.text) {
      ending.view.feedback((sentiment) => giveFeedback(ending.q, ending.text, sentiment, ending.turnId));
      if (speech) {
        ending.view.element.append(readAloudButton(() => ending.text, (message) => announce(message, 'error')));
      }
    }
    if (error) announce(error, 'error');
    if (state === 'stopped') announce('Stopped.');
    stop.hidden = true;
    send.disabled = false;
    input.focus();
    // the turn's own conversation, which the page may have left while the answer streamed
    const id = ending.conversation;
    if (!id) return;
    const known = sessions.find((s) => s.conversation_id === id);
    if (!error && (ending.newConversation || !known?.slug)) {
      try {
        const titled = await post('/api/chat/title?' + qs({ conversation_id: id }));
        if (titled?.title && id === conversationId) title.textContent = titled.title;
      } catch {
        // A title is a nicety; the conversation is saved either way.
      }
    }
    await refreshList();
    markCurrent();
  }
}
