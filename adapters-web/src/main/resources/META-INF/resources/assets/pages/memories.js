// The settings page's memories: the facts the chat model noted about the user in conversations and recalls in later
// ones, each corrected or deleted here, and the user's switch for noting and recalling them (when the server keeps
// memories at all).
import { h, fill, announce, whileBusy } from '../dom.js';
import { get, patch, put, del, qs } from '../api.js';

/** {@code detailed}: the page's request for the detailed settings (the switch and the server's memory mode). */
export async function setUpMemories(section, detailed) {
  let settings;
  try {
    settings = await detailed;
  } catch (error) {
    announce(error.message, 'error');
    return;
  }
  if (settings.server_memory_mode === 'disabled') {
    section.append(h('p', {}, 'This server keeps no memories of conversations.'));
    return;
  }
  const toggle = h('input', { type: 'checkbox', id: 'memory-switch', checked: !!settings.enable_memory });
  const list = h('ul', { class: 'memories', 'aria-label': 'Memories' });
  toggle.addEventListener('change', async () => {
    try {
      const answer = await patch('/api/user/memory?' + qs({ enable_memory: toggle.checked }));
      toggle.checked = answer.enable_memory;
      announce(answer.enable_memory
        ? 'Memory on: new facts are noted and recalled in your conversations.'
        : 'Memory off: nothing is noted or recalled; the facts below are kept until you delete them.');
    } catch (error) {
      toggle.checked = !toggle.checked;
      announce(error.message, 'error');
    }
  });
  section.append(
    h('p', { class: 'hint' }, 'Facts the chat model noted about you in conversations and recalls in later ones.'),
    h('div', { class: 'check' }, toggle,
      h('label', { for: 'memory-switch' }, 'Note and recall facts about me from my conversations')),
    list);

  async function load() {
    try {
      const memories = await get('/api/memories');
      fill(list, memories.length ? memories.map(item) : h('li', {}, 'No memories yet.'));
    } catch (error) {
      announce(error.message, 'error');
    }
  }

  function item(memory) {
    const text = h('p', {}, memory.raw);
    const when = h('p', { class: 'hint' }, 'Noted ' + new Date(memory.created_at).toLocaleString());
    const edit = h('button', { type: 'button', class: 'small', 'aria-label': 'Correct memory: ' + memory.raw }, 'Correct');
    const remove = h('button', { type: 'button', class: 'small danger', 'aria-label': 'Delete memory: ' + memory.raw },
      'Delete');
    const row = h('li', { class: 'memory' }, text, when, h('div', { class: 'actions' }, edit, remove));
    remove.addEventListener('click', async () => {
      if (!confirm('Delete this memory?')) return;
      try {
        await del('/api/memories/' + memory.id);
        announce('Memory deleted.');
        await load();
      } catch (error) {
        announce(error.message, 'error');
      }
    });
    edit.addEventListener('click', () => {
      const field = h('textarea', { rows: 2, maxlength: 2000, 'aria-label': 'Corrected memory' });
      field.value = memory.raw;
      const save = h('button', { type: 'button', class: 'small primary' }, 'Save');
      const cancel = h('button', { type: 'button', class: 'small', onclick: () => load() }, 'Cancel');
      save.addEventListener('click', () => whileBusy(save, async () => {
        // the server keeps a correction as a new memory (new id), as Khoj does
        await put('/api/memories/' + memory.id, { json: { raw: field.value.trim() } });
        announce('Memory corrected.');
        await load();
      }));
      fill(row, field, h('div', { class: 'actions' }, save, cancel));
      field.focus();
    });
    return row;
  }

  await load();
}
