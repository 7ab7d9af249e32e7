// A shared conversation, read-only; a signed-in visitor may continue it as their own.
import { h, announce } from '../dom.js';
import { get, post, qs } from '../api.js';
import { historyMessage } from '../messages.js';

export default async function share(main, data) {
  const title = h('h1', {}, 'Shared conversation');
  const log = h('div', { class: 'messages', role: 'log' });
  main.append(title, log);
  try {
    const body = await get('/api/chat/share/history?' + qs({ client: 'web', public_conversation_slug: data.slug }),
      { redirectOn403: false });
    const response = body.response || {};
    if (response.slug) title.textContent = response.slug;
    for (const message of response.chat || []) log.append(historyMessage(message));
    if (data.signedIn === 'true') {
      const fork = h('button', { type: 'button', class: 'primary' }, 'Continue this conversation');
      fork.addEventListener('click', async () => {
        const forked = await post('/api/chat/share/fork?' + qs({ public_conversation_slug: data.slug }));
        location.assign('/chat?' + qs({ conversationId: forked.conversation_id }));
      });
      main.append(fork);
    }
  } catch (error) {
    announce(error.status === 404 ? 'This shared conversation does not exist or is no longer shared.' : error.message,
      'error');
  }
}
