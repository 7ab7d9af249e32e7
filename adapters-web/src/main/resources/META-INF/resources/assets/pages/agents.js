// Agents: the agents this user may use, each a way to start a conversation.
import { h, announce } from '../dom.js';
import { get, post, qs } from '../api.js';

export default async function agents(main) {
  const list = h('ul', { class: 'cards' });
  main.append(h('h1', {}, 'Agents'), list);
  try {
    const found = await get('/api/agents');
    if (!found.length) list.append(h('li', {}, 'No agents yet.'));
    for (const agent of found) {
      const start = h('button', { type: 'button', class: 'primary' }, 'Chat with ' + agent.name);
      start.addEventListener('click', async () => {
        try {
          const created = await post('/api/chat/sessions?' + qs({ client: 'web', agent_slug: agent.slug }));
          location.assign('/chat?' + qs({ conversationId: created.conversation_id }));
        } catch (error) {
          announce(error.message, 'error');
        }
      });
      list.append(h('li', { class: 'card' }, h('h2', {}, agent.name),
        h('p', {}, agent.persona || ''),
        h('p', { class: 'hint' }, [agent.privacy_level, agent.chat_model].filter(Boolean).join(' · ')), start));
    }
  } catch (error) {
    announce(error.message, 'error');
  }
}
