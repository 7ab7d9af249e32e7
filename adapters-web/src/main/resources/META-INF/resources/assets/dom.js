// Small DOM helpers: every element is built with createElement and textContent, never from HTML strings, so text
// from the server (titles, file names, snippets) can never become markup. Only markdown.js produces HTML, sanitised.

/** h('button', {class: 'x', onclick: fn, 'aria-label': 'Send'}, 'text', child, ...) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of an element. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Announces a short message to screen readers and shows it in the status bar. */
export function announce(message, kind = 'info') {
  const bar = document.getElementById('status');
  if (!bar) return;
  bar.textContent = message;
  bar.dataset.kind = kind;
}

/** Runs {@code work} with {@code button} disabled; a failure is announced as an error. */
export async function whileBusy(button, work) {
  button.disabled = true;
  try {
    await work();
  } catch (error) {
    announce(error.message, 'error');
  } finally {
    button.disabled = false;
  }
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Copies text to the clipboard; the button says so for a moment. */
export async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    if (button) {
      const label = button.textContent;
      button.textContent = 'Copied';
      setTimeout(() => (button.textContent = label), 1500);
    }
  } catch {
    // Clipboard refused (insecure origin or permission): the text stays selectable.
  }
}
