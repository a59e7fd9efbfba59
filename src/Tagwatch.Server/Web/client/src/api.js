// Calls to the server's API from pages: same origin, the session cookie, the antiforgery token from the page, and a
// signed-out session sends the browser to sign in (coming back where it was).
const csrf = () => document.querySelector('meta[name="tw-csrf"]')?.content ?? '';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') {
    headers['X-CSRF-TOKEN'] = csrf();
  }

  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }

  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (response.status === 401) {
    signInAgain();
    throw new ApiError(401, null);
  }

  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // not a problem document
    }

    throw new ApiError(response.status, problem);
  }

  return response.status === 204 ? null : response.json();
}

export function signInAgain() {
  const back = window.location.pathname + window.location.search;
  window.location.assign(`/sign-in?expired=1&returnUrl=${encodeURIComponent(back)}`);
}
