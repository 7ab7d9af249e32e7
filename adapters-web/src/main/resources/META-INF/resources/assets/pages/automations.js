// Automations: what is scheduled and when it runs next. A request is scheduled here (or by asking in chat), changed,
// run at once or removed, through Khoj's automation routes. The schedule is chosen as every day, week or month at a
// time, or typed as a cron expression; it runs in the browser's time zone.
import { h, fill, announce, whileBusy } from '../dom.js';
import { get, post, put, del, qs } from '../api.js';

const TASK_PREFIX = '/automated_task';
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FREQUENCIES = [
  ['day', 'Every day'],
  ['week', 'Every week'],
  ['month', 'Every month'],
  ['custom', 'Custom (cron expression)'],
];
const SIMPLE_CRON = /^(\d{1,2}) (\d{1,2}) (\*|\d{1,2}) \* (\*|[0-7])$/;

export default async function automations(main) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const list = h('ul', { class: 'cards', 'aria-label': 'Automations' });
  const editor = h('section', { class: 'card', hidden: true, 'aria-labelledby': 'automation-editor-h' });
  const create = h('button', { type: 'button', class: 'primary' }, 'New automation');
  create.addEventListener('click', () => edit(null));
  main.append(h('h1', {}, 'Automations'),
    h('p', { class: 'hint' }, 'Schedule a request here, or ask in chat for something done later or repeatedly.'),
    create, editor, list);

  async function load() {
    try {
      const found = await get('/api/automation');
      fill(list, found.length ? found.map(item) : h('li', {}, 'No automations yet.'));
    } catch (error) {
      announce(error.message, 'error');
    }
  }

  function item(automation) {
    const title = automation.subject || question(automation.query_to_run) || 'Automation';
    const button = (label, kind, action) => h('button', { type: 'button', class: 'small' + (kind ? ' ' + kind : ''),
      'aria-label': label + ' ' + title, onclick: action }, label);
    return h('li', { class: 'card', 'data-id': automation.id }, h('h2', {}, title),
      h('p', {}, question(automation.query_to_run)),
      h('p', { class: 'hint' }, [automation.schedule, automation.next].filter(Boolean).join(' · next: ')),
      h('div', { class: 'actions' },
        button('Edit', '', () => edit(automation)),
        button('Run now', '', () => run(automation, title)),
        button('Delete', 'danger', () => remove(automation))));
  }

  async function run(automation, title) {
    try {
      // the route answers in plain text, as Khoj's does
      await post('/api/automation/trigger?' + qs({ automation_id: automation.id }),
        { headers: { Accept: 'text/plain' } });
      announce(`Running ${title} now: its answer goes to its conversation.`);
    } catch (error) {
      announce(error.message, 'error');
    }
  }

  async function remove(automation) {
    if (!confirm('Delete this automation?')) return;
    try {
      await del('/api/automation?' + qs({ automation_id: automation.id }));
      if (editor.dataset.id === automation.id) close();
      await load();
    } catch (error) {
      announce(error.message, 'error');
    }
  }

  function edit(automation) {
    editor.dataset.id = automation ? automation.id : '';
    fill(editor, form(automation));
    editor.hidden = false;
    editor.querySelector('#automation-query').focus();
  }

  function close() {
    editor.hidden = true;
    editor.dataset.id = '';
    editor.replaceChildren();
  }

  function form(automation) {
    const when = scheduleOf(automation ? automation.crontime : '0 9 * * *');
    const query = h('textarea', { id: 'automation-query', rows: 3, required: true });
    query.value = automation ? question(automation.query_to_run) : '';
    const subject = h('input', { id: 'automation-subject', value: automation ? automation.subject || '' : '' });
    const frequency = h('select', { id: 'automation-frequency' },
      FREQUENCIES.map(([value, label]) => h('option', { value, selected: value === when.frequency }, label)));
    const weekday = h('select', { id: 'automation-weekday' },
      WEEKDAYS.map((day, i) => h('option', { value: String(i), selected: i === when.weekday }, day)));
    const day = h('input', { id: 'automation-day', type: 'number', min: 1, max: 28, value: when.day });
    const time = h('input', { id: 'automation-time', type: 'time', value: when.time });
    const cron = h('input', { id: 'automation-cron', value: when.cron, autocomplete: 'off' });
    const weekdayField = h('div', {}, h('label', { for: 'automation-weekday' }, 'On'), weekday);
    const dayField = h('div', {}, h('label', { for: 'automation-day' }, 'Day of the month'), day);
    const timeField = h('div', {}, h('label', { for: 'automation-time' }, 'At'), time);
    const cronField = h('div', {}, h('label', { for: 'automation-cron' }, 'Cron expression'), cron,
      h('p', { class: 'hint' }, `minute hour day-of-month month day-of-week, in ${zone}`));
    function shown() {
      const f = frequency.value;
      weekdayField.hidden = f !== 'week';
      dayField.hidden = f !== 'month';
      timeField.hidden = f === 'custom';
      cronField.hidden = f !== 'custom';
    }
    frequency.addEventListener('change', shown);
    shown();
    const save = h('button', { type: 'submit', class: 'primary' }, automation ? 'Save automation' : 'Create automation');
    const element = h('form', { class: 'automation-form', novalidate: true },
      h('h2', { id: 'automation-editor-h' }, automation ? 'Edit automation' : 'New automation'),
      h('label', { for: 'automation-query' }, 'What should be done'), query,
      h('label', { for: 'automation-subject' }, 'Subject (optional: taken from the request when empty)'), subject,
      h('label', { for: 'automation-frequency' }, 'How often'), frequency,
      h('div', { class: 'row' }, weekdayField, dayField, timeField), cronField,
      h('p', { class: 'hint' }, `Times are in your time zone, ${zone}.`),
      h('div', { class: 'actions' }, save, h('button', { type: 'button', onclick: close }, 'Cancel')));
    element.addEventListener('submit', async (event) => {
      event.preventDefault();
      const q = query.value.trim();
      const crontime = cronOf(frequency.value, time.value, weekday.value, day.value, cron.value);
      if (!q) {
        announce('Say what should be done.', 'error');
        query.focus();
        return;
      }
      if (!crontime) {
        announce(frequency.value === 'custom' ? 'Type a cron expression.' : 'Choose a time.', 'error');
        return;
      }
      const params = { q, crontime, subject: subject.value.trim(), timezone: zone };
      await whileBusy(save, async () => {
        const saved = automation
          ? await put('/api/automation?' + qs({ automation_id: automation.id, ...params }))
          : await post('/api/automation?' + qs(params));
        announce(`${automation ? 'Saved' : 'Scheduled'} ${saved.subject}: next ${saved.next || 'never'}.`);
        close();
        await load();
      });
    });
    return element;
  }

  load();
}

/** The request as the user wrote it, without the task marker the server stores with it. */
function question(query) {
  const text = (query || '').trim();
  return text.startsWith(TASK_PREFIX) ? text.slice(TASK_PREFIX.length).trim() : text;
}

/** The form's fields for a cron expression: a daily, weekly or monthly time when it is one, else the expression. */
export function scheduleOf(crontime) {
  const cron = (crontime || '').trim();
  const simple = { frequency: 'custom', time: '09:00', weekday: 1, day: 1, cron };
  const m = SIMPLE_CRON.exec(cron);
  if (!m || Number(m[1]) > 59 || Number(m[2]) > 23) return simple;
  const time = m[2].padStart(2, '0') + ':' + m[1].padStart(2, '0');
  if (m[3] === '*' && m[4] === '*') return { ...simple, frequency: 'day', time };
  if (m[3] === '*') return { ...simple, frequency: 'week', time, weekday: Number(m[4]) % 7 };
  if (m[4] === '*' && Number(m[3]) >= 1 && Number(m[3]) <= 28) {
    return { ...simple, frequency: 'month', time, day: Number(m[3]) };
  }
  return simple;
}

/** The cron expression for the form's fields; empty when a needed field is. */
export function cronOf(frequency, time, weekday, day, custom) {
  if (frequency === 'custom') return custom.trim();
  const t = /^(\d{1,2}):(\d{2})/.exec(time || '');
  if (!t) return '';
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  if (frequency === 'week') return `${minute} ${hour} * * ${weekday}`;
  if (frequency === 'month') return `${minute} ${hour} ${Math.min(28, Math.max(1, Number(day) || 1))} * *`;
  return `${minute} ${hour} * * *`;
}
