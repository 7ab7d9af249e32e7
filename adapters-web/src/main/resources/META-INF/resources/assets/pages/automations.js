// Automations: what is scheduled, when it runs next, and a way to remove it. New ones come from chat.
import { h, fill, announce } from '../dom.js';
import { get, del, qs } from '../api.js';

export default async function automations(main) {
  const list = h('ul', { class: 'cards' });
  main.append(h('h1', {}, 'Automations'),
    h('p', { class: 'hint' }, 'Ask in chat for something done later or repeatedly, and it appears here.'), list);
  async function load() {
    try {
      const found = await get('/api/automation');
      fill(list, found.length ? found.map(item) : h('li', {}, 'No automations yet.'));
    } catch (error) {
      announce(error.message, 'error');
    }
  }
  function item(automation) {
    const remove = h('button', { type: 'button', class: 'danger small',
      'aria-label': 'Delete automation ' + (automation.subject || '') }, 'Delete');
    remove.addEventListener('click', async () => {
      if (!confirm('Delete this automation?')) return;
      try {
        await del('/api/automation?' + qs({ automation_id: automation.id }));
        await load();
      } catch (error) {
        announce(error.message, 'error');
      }
    });
    return h('li', { class: 'card' }, h('h2', {}, automation.subject || automation.query_to_run || 'Automation'),
      h('p', {}, automation.query_to_run || ''),
      h('p', { class: 'hint' }, [automation.schedule, automation.next].filter(Boolean).join(' · next: ')), remove);
  }
  await load();
}
