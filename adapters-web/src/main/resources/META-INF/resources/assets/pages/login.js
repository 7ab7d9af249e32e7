// Sign-in page: e-mail and password, a magic link (mailed link, or its six-digit code typed here), and the single
// sign-on button when the server has a provider configured.
import { h, announce } from '../dom.js';
import { post, qs } from '../api.js';

export default function login(main, data) {
  const next = data.next || '/';
  const email = h('input', { id: 'login-email', type: 'email', name: 'email', autocomplete: 'email', required: true });
  const password = h('input', { id: 'login-password', type: 'password', name: 'password',
    autocomplete: 'current-password', required: true });
  const passwordForm = h('form', { class: 'card' },
    h('h2', {}, 'Email and password'),
    h('label', { for: 'login-email' }, 'Email'), email,
    h('label', { for: 'login-password' }, 'Password'), password,
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'));

  passwordForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await post('/auth/login', { json: { email: email.value.trim(), password: password.value }, redirectOn403: false });
      location.assign(next);
    } catch (error) {
      announce(error.message, 'error');
      password.focus();
    }
  });

  const magicEmail = h('input', { id: 'magic-email', type: 'email', autocomplete: 'email', required: true });
  const code = h('input', { id: 'magic-code', inputmode: 'numeric', autocomplete: 'one-time-code',
    pattern: '[0-9]{6}', maxlength: 6 });
  const codeForm = h('form', { class: 'code', hidden: true },
    h('label', { for: 'magic-code' }, 'Six-digit code from the mail'), code,
    h('button', { type: 'submit' }, 'Continue'));
  // The code is checked from this page, so a mistyped one is said here and the page stays; a right one sets the
  // session cookie on the way (the redirect it answers is followed in the background) and goes on to `next`.
  codeForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const response = await fetch('/auth/magic?' + qs({ code: code.value.trim(), email: magicEmail.value.trim() }),
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) {
        let detail = `Sign-in failed (${response.status}).`;
        try {
          const body = await response.json();
          if (typeof body?.detail === 'string') detail = body.detail;
        } catch {
          // not JSON
        }
        throw new Error(detail);
      }
      location.assign(next);
    } catch (error) {
      announce(error.message, 'error');
      code.focus();
    }
  });
  const magicForm = h('form', { class: 'card' },
    h('h2', {}, 'Magic link'),
    h('p', { class: 'hint' }, 'We mail you a link (and a code) that signs you in.'),
    h('label', { for: 'magic-email' }, 'Email'), magicEmail,
    h('button', { type: 'submit' }, 'Send me a link'));
  magicForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await post('/auth/magic', { json: { email: magicEmail.value.trim() }, redirectOn403: false });
      announce('Check your mail for the sign-in link, or type its code below.');
      codeForm.hidden = false;
      code.focus();
    } catch (error) {
      announce(error.message, 'error');
    }
  });

  const sso = data.oidc === 'true'
    ? h('section', { class: 'card' }, h('h2', {}, 'Single sign-on'),
        h('a', { class: 'button primary', href: '/auth/login?' + qs({ next }) }, 'Sign in with your organisation'))
    : null;

  main.append(h('h1', {}, 'Sign in to khoj4j'), h('div', { class: 'login' }, sso, passwordForm, magicForm, codeForm));
  email.focus();
}
