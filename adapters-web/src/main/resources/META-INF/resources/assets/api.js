// The JSON API, called with the session cookie (same origin). A 403 "Forbidden" means signed out: the browser goes
// to the sign-in page and comes back here afterwards.

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

function detailOf(body, status) {
  if (body && typeof body === 'object') {
    const detail = body.detail ?? body.message ?? body.error;
    if (typeof detail === 'string') return detail;
    if (Array.isArray(detail) && detail.length) return detail.map((d) => d.msg || JSON.stringify(d)).join('; ');
  }
  if (typeof body === 'string' && body) return body;
  return `The server answered ${status}.`;
}

export async function api(method, path, { json, body, headers = {}, signal, redirectOn403 = true } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers }, signal };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(path, init);
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok && !(response.status >= 300 && response.status < 400)) {
    if (response.status === 403 && redirectOn403 && payload && payload.detail === 'Forbidden') {
      location.assign('/login?next=' + encodeURIComponent(location.pathname + location.search));
    }
    throw new ApiError(response.status, detailOf(payload, response.status));
  }
  return payload;
}

export const get = (path, options) => api('GET', path, options);
export const post = (path, options) => api('POST', path, options);
export const patch = (path, options) => api('PATCH', path, options);
export const put = (path, options) => api('PUT', path, options);
export const del = (path, options) => api('DELETE', path, options);

/** Query string from an object, skipping empty values. */
export function qs(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, value);
  }
  return search.toString();
}

/** The user's indexed file names, up to {@code pages} pages of the file list (for pickers; any name may be typed). */
export async function indexedFiles(pages = 10) {
  const names = [];
  for (let page = 0; page < pages; page++) {
    const body = await get('/api/content/files?' + qs({ page }));
    names.push(...body.files.map((f) => f.file_name));
    if (page + 1 >= body.num_pages) break;
  }
  return names;
}
