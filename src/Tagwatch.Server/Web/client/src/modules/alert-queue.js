// The alerts queue, live: each change on the alert stream (server-sent events) fetches the queue again as the server
// renders it for the page's filters, and merges it into the table without touching rows that did not change (so focus
// and the reading position stay where they are). New rows are announced in the page's aria-live region.
import { signInAgain } from '../api.js';

const rowsOf = root => new Map([...root.querySelectorAll('tr[data-tw-alert-id]')].map(r => [r.dataset.twAlertId, r]));

export default function start(element) {
  const url = element.dataset.twQueueUrl;
  const announcer = document.getElementById('queue-announcer');
  let pending = null;
  let again = false;

  async function refresh() {
    if (pending) {
      again = true;
      return;
    }

    pending = (async () => {
      const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
      if (response.status === 401 || response.redirected) {
        signInAgain();
        return;
      }

      if (!response.ok) {
        return;
      }

      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').body;
      merge(fresh);
    })();
    try {
      await pending;
    } finally {
      pending = null;
      if (again) {
        again = false;
        refresh();
      }
    }
  }

  function merge(fresh) {
    const before = rowsOf(element);
    const freshTable = fresh.querySelector('table');
    const currentTable = element.querySelector('table');
    if (!freshTable || !currentTable) {
      // From or to an empty queue: nothing focusable inside to keep.
      element.replaceChildren(...fresh.childNodes);
      announce(before, rowsOf(element));
      publishBreaches();
      return;
    }

    currentTable.dataset.twBreachTags = freshTable.dataset.twBreachTags ?? '[]';
    const body = currentTable.tBodies[0];
    const wanted = [...freshTable.tBodies[0].rows];
    const wantedIds = new Set(wanted.map(r => r.dataset.twAlertId));
    for (const [id, row] of before) {
      if (!wantedIds.has(id) && !row.contains(document.activeElement)) {
        row.remove();
      }
    }

    let cursor = body.firstElementChild;
    for (const row of wanted) {
      const existing = body.querySelector(`tr[data-tw-alert-id="${CSS.escape(row.dataset.twAlertId)}"]`);
      if (existing) {
        if (existing.dataset.twVersion !== row.dataset.twVersion && !existing.contains(document.activeElement)) {
          const adopted = document.importNode(row, true);
          existing.replaceWith(adopted);
          cursor = adopted.nextElementSibling;
        } else {
          cursor = existing.nextElementSibling;
        }

        continue;
      }

      body.insertBefore(document.importNode(row, true), cursor);
    }

    announce(before, rowsOf(element));
    publishBreaches();
  }

  function announce(before, after) {
    const added = [...after.entries()].filter(([id]) => !before.has(id)).map(([, row]) => row.dataset.twAlertLabel);
    if (added.length > 0) {
      announcer.textContent = added.length === 1 ? `New alert: ${added[0]}.` : `${added.length} new alerts: ${added.join('; ')}.`;
    }
  }

  function publishBreaches() {
    const holder = element.querySelector('[data-tw-breach-tags]');
    const tags = JSON.parse(holder?.dataset.twBreachTags ?? '[]');
    document.dispatchEvent(new CustomEvent('tw:breach-tags', { detail: tags }));
  }

  const stream = new EventSource('/api/v1/alerts/stream');
  stream.addEventListener('open', () => {
    element.dataset.twLive = 'on';
    refresh(); // anything that changed between the page being drawn and the stream opening
  });
  stream.addEventListener('alert', () => refresh());
  stream.addEventListener('end', () => {
    stream.close();
    element.dataset.twLive = 'off';
    announcer.textContent = 'Live updates stopped: your access has ended. Sign in again.';
  });
  stream.addEventListener('error', () => {
    element.dataset.twLive = 'reconnecting';
  });
  publishBreaches();
}
