// Agents: the agents this user may use, each a way to start a conversation. A signed-in user also makes agents here
// and changes or deletes their own (name, instructions, model, privacy, tools, output modes, knowledge files, look),
// through Khoj's agent routes; the server checks every field and its refusal is shown as it says it.
import { h, fill, announce, whileBusy } from '../dom.js';
import { get, post, patch, del, qs, indexedFiles } from '../api.js';

const PRIVACY = [
  ['private', 'Private: only you'],
  ['protected', 'Protected: anyone with its link'],
  ['public', 'Public: listed for everyone'],
];
const COLORS = ['blue', 'green', 'red', 'orange', 'yellow', 'purple', 'pink', 'teal', 'indigo', 'gray'];
const ICONS = ['Lightbulb', 'Robot', 'Leaf', 'Book', 'Code', 'Atom', 'Heart', 'PencilLine', 'GraduationCap', 'Gavel'];

export default async function agents(main, data) {
  const signedIn = data.signedIn === 'true';
  const list = h('ul', { class: 'cards', 'aria-label': 'Agents' });
  const editor = h('section', { class: 'card agent-editor', hidden: true, 'aria-labelledby': 'agent-editor-h' });
  const create = h('button', { type: 'button', class: 'primary' }, 'New agent');
  create.addEventListener('click', () => edit(null));
  main.append(h('h1', {}, 'Agents'), signedIn ? create : null, editor, list);
  let choices = null;

  async function load() {
    try {
      const found = await get('/api/agents');
      fill(list, found.length ? found.map(card) : h('li', {}, 'No agents yet.'));
    } catch (error) {
      announce(error.message, 'error');
    }
  }

  function card(agent) {
    const start = h('button', { type: 'button', class: 'primary' }, 'Chat with ' + agent.name);
    start.addEventListener('click', async () => {
      try {
        const created = await post('/api/chat/sessions?' + qs({ client: 'web', agent_slug: agent.slug }));
        location.assign('/chat?' + qs({ conversationId: created.conversation_id }));
      } catch (error) {
        announce(error.message, 'error');
      }
    });
    // the server names the creator only to the creator: those are the agents this user may change
    const own = signedIn && agent.creator && !agent.managed_by_admin;
    const actions = own ? h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'small', 'aria-label': 'Edit ' + agent.name, onclick: () => edit(agent) },
        'Edit'),
      h('button', { type: 'button', class: 'small danger', 'aria-label': 'Delete ' + agent.name,
        onclick: () => remove(agent) }, 'Delete')) : null;
    return h('li', { class: 'card', 'data-slug': agent.slug }, h('h2', {}, agent.name),
      h('p', {}, agent.persona || ''),
      h('p', { class: 'hint' }, [agent.privacy_level, agent.chat_model].filter(Boolean).join(' · ')), start, actions);
  }

  async function remove(agent) {
    if (!confirm(`Delete the agent ${agent.name}?`)) return;
    try {
      await del('/api/agents/' + encodeURIComponent(agent.slug));
      announce('Deleted ' + agent.name);
      if (editor.dataset.slug === agent.slug) close();
      await load();
    } catch (error) {
      announce(error.message, 'error');
    }
  }

  async function edit(agent) {
    try {
      choices = choices || await loadChoices();
    } catch (error) {
      announce(error.message, 'error');
      return;
    }
    editor.dataset.slug = agent ? agent.slug : '';
    fill(editor, form(agent, choices));
    editor.hidden = false;
    editor.querySelector('#agent-name').focus();
  }

  function close() {
    editor.hidden = true;
    editor.dataset.slug = '';
    editor.replaceChildren();
  }

  function form(agent, { options, models, files }) {
    const a = agent || { name: '', persona: '', privacy_level: 'private', chat_model: '', input_tools: [],
      output_modes: [], files: [], color: COLORS[0], icon: ICONS[0] };
    const name = h('input', { id: 'agent-name', name: 'name', required: true, maxlength: 200, value: a.name });
    const persona = h('textarea', { id: 'agent-persona', name: 'persona', rows: 5 });
    persona.value = a.persona || '';
    const model = select('agent-model', [['', 'Your chosen chat model'], ...models.map((m) => [m.name, m.name])],
      a.chat_model || '');
    const privacy = select('agent-privacy', PRIVACY, a.privacy_level);
    const color = select('agent-color', COLORS.map((c) => [c, c]), a.color);
    const icon = select('agent-icon', ICONS.map((i) => [i, i]), a.icon);
    const tools = checkboxes('agent-tool', 'Tools it may use', options.input_tools, a.input_tools);
    const modes = checkboxes('agent-mode', 'What it may make besides text', options.output_modes, a.output_modes);
    const knowledge = knowledgeFiles(a.files || [], files);
    const save = h('button', { type: 'submit', class: 'primary' }, agent ? 'Save agent' : 'Create agent');
    const cancel = h('button', { type: 'button', onclick: close }, 'Cancel');
    const element = h('form', { class: 'agent-form', novalidate: true },
      h('h2', { id: 'agent-editor-h' }, agent ? 'Edit ' + agent.name : 'New agent'),
      h('label', { for: 'agent-name' }, 'Name'), name,
      h('label', { for: 'agent-persona' }, 'Instructions (how it should answer)'), persona,
      h('label', { for: 'agent-model' }, 'Chat model'), model,
      h('label', { for: 'agent-privacy' }, 'Who can use it'), privacy,
      tools.element, modes.element, knowledge.element,
      h('div', { class: 'row' },
        h('div', {}, h('label', { for: 'agent-color' }, 'Colour'), color),
        h('div', {}, h('label', { for: 'agent-icon' }, 'Icon'), icon)),
      h('div', { class: 'actions' }, save, cancel));
    element.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = {
        name: name.value.trim(),
        persona: persona.value,
        privacy_level: privacy.value,
        chat_model: model.value || null,
        input_tools: tools.values(),
        output_modes: modes.values(),
        files: knowledge.values(),
        color: color.value,
        icon: icon.value,
      };
      if (!body.name) {
        announce('An agent needs a name.', 'error');
        name.focus();
        return;
      }
      await whileBusy(save, async () => {
        const saved = agent
          ? await patch('/api/agents', { json: { ...body, slug: agent.slug } })
          : await post('/api/agents', { json: body });
        announce((agent ? 'Saved ' : 'Created ') + saved.name);
        close();
        await load();
      });
    });
    return element;
  }

  load();
}

async function loadChoices() {
  const [options, models, files] = await Promise.all([
    get('/api/agents/options'), get('/api/model/chat/options'), indexedFiles()]);
  return { options, models, files };
}

function select(id, pairs, chosen) {
  const known = pairs.some(([value]) => value === chosen);
  // a value set elsewhere (another client, an administrator) stays selectable as it is
  const all = known || !chosen ? pairs : [...pairs, [chosen, chosen]];
  return h('select', { id }, all.map(([value, label]) => h('option', { value, selected: value === chosen }, label)));
}

function checkboxes(prefix, legend, described, chosen) {
  const boxes = Object.entries(described || {}).map(([value, description]) => {
    const id = `${prefix}-${value}`;
    const box = h('input', { type: 'checkbox', id, value, checked: (chosen || []).includes(value) });
    return { box, element: h('div', { class: 'check' }, box, h('label', { for: id }, value + ': ' + description)) };
  });
  return {
    element: h('fieldset', {}, h('legend', {}, legend), boxes.map((b) => b.element)),
    values: () => boxes.filter((b) => b.box.checked).map((b) => b.box.value),
  };
}

function knowledgeFiles(chosen, offered) {
  const picked = [...chosen];
  const list = h('ul', { class: 'chips', 'aria-label': 'Knowledge files' });
  const input = h('input', { id: 'agent-file', list: 'agent-file-options', autocomplete: 'off' });
  const add = h('button', { type: 'button', class: 'small' }, 'Add file');
  function render() {
    fill(list, picked.map((file) => h('li', {}, file, ' ',
      h('button', { type: 'button', class: 'small', 'aria-label': 'Remove ' + file, onclick: () => {
        picked.splice(picked.indexOf(file), 1);
        render();
      } }, '×'))));
  }
  function addTyped() {
    const file = input.value.trim();
    if (file && !picked.includes(file)) picked.push(file);
    input.value = '';
    render();
  }
  add.addEventListener('click', addTyped);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      addTyped();
    }
  });
  render();
  return {
    element: h('fieldset', {}, h('legend', {}, 'Knowledge files: copied from your notes when saved, searched by whoever chats with it'), list,
      h('label', { for: 'agent-file' }, 'File to add'), h('div', { class: 'row' }, input, add),
      h('datalist', { id: 'agent-file-options' }, offered.map((file) => h('option', { value: file })))),
    values: () => [...picked],
  };
}
