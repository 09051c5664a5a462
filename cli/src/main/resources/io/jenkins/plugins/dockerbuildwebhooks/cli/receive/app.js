'use strict';
// Renders the receiver's deliveries. Every received value goes into the page through textContent
// (never innerHTML), and the server's Content-Security-Policy forbids inline script.
(function () {
  const API = '/_receive/api/deliveries';
  const POLL_MS = 1000;
  let lastChange = 0;
  let count = 0;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Re-indents JSON text without parsing it into numbers, so large integers and the sender's
  // exact number spelling are shown as sent.
  function prettyJson(text) {
    let out = '';
    let depth = 0;
    let inString = false;
    let escaped = false;
    let opened = false;
    const newline = n => '\n' + '  '.repeat(n);
    for (const ch of text) {
      if (inString) {
        out += ch;
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
        continue;
      }
      if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') continue;
      if (ch === '}' || ch === ']') {
        depth--;
        out += opened ? ch : newline(depth) + ch;
        opened = false;
        continue;
      }
      if (opened) out += newline(depth);
      opened = false;
      if (ch === '"') { inString = true; out += ch; }
      else if (ch === '{' || ch === '[') { depth++; out += ch; opened = true; }
      else if (ch === ',') out += ',' + newline(depth);
      else if (ch === ':') out += ': ';
      else out += ch;
    }
    return out;
  }

  function badge(className, text, data) {
    const b = el('span', 'badge ' + className, text);
    if (data) b.dataset.check = data;
    return b;
  }

  function render(d) {
    const article = el('article', 'delivery');
    article.id = 'delivery-' + d.seq;
    article.dataset.seq = d.seq;
    const invalid = d.signatures.some(s => s.outcome === 'invalid');
    if (invalid) article.classList.add('invalid');
    if (d.status < 200 || d.status > 299) article.classList.add('failed');
    if (d.duplicate) article.classList.add('duplicate');

    article.append(el('h2', null, '#' + d.seq + ' ' + d.method + ' ' + d.path));
    const badges = el('div', 'badges');
    badges.append(badge(d.status >= 200 && d.status < 300 ? 'status' : 'status-error', 'answered ' + d.status));
    badges.append(badge('time', d.receivedAt + ' from ' + d.remote));
    for (const s of d.signatures) {
      if (s.outcome === 'not-sent') continue;
      badges.append(badge(s.outcome, s.scheme + ': ' + s.outcome, s.scheme));
    }
    const f = d.format;
    badges.append(badge('format', f.label, 'format'));
    if (f.schema !== null) badges.append(badge(f.schema === 'valid' ? 'valid' : 'invalid', 'CDEvents schema: ' + f.schema, 'schema'));
    if (d.webhookId !== null) {
      badges.append(d.duplicate
        ? badge('duplicate', 'duplicate of #' + d.firstSeq + ' (attempt ' + d.attempt + ' of webhook-id ' + d.webhookId + ')')
        : badge('id', 'webhook-id ' + d.webhookId));
    }
    article.append(badges);
    for (const s of d.signatures) {
      if (s.outcome === 'not-sent') continue;
      article.append(el('p', 'check-detail', s.scheme + ': ' + s.detail));
    }

    if (f.kind !== 'docker-hub' && f.kind !== 'unknown') {
      const fields = el('dl', 'format-fields');
      for (const [name, value] of f.fields) {
        fields.append(el('dt', null, name));
        const dd = el('dd', null, value === null ? '—' : value);
        dd.dataset.field = name;
        fields.append(dd);
      }
      article.append(fields);
    }
    if (f.problems.length > 0) {
      const problems = el('ul', 'problems');
      for (const p of f.problems) problems.append(el('li', null, p));
      article.append(problems);
    }

    const hub = el('dl', 'hub');
    const field = (name, value) => {
      hub.append(el('dt', null, name));
      const dd = el('dd', null, value === null || value === undefined || value === '' ? '—' : value);
      dd.dataset.field = name;
      hub.append(dd);
    };
    const h = d.dockerHub;
    if (f.kind === 'docker-hub' || f.kind === 'unknown') {
      field('repository.repo_name', h.repo_name);
      field('push_data.tag', h.tag);
      field('push_data.pusher', h.pusher);
      field('push_data.images', h.images.join(', '));
      field('callback_url', h.callback_url);
    }
    if (d.callback !== null) field('callback', d.callback);
    if (d.storedAs !== null) field('stored as', d.storedAs);
    if (h.problem !== null && (f.kind === 'docker-hub' || f.kind === 'unknown')) field('body problem', h.problem);
    if (hub.childElementCount > 0) article.append(hub);

    const bodyBox = el('details', 'body');
    bodyBox.open = true;
    bodyBox.append(el('summary', null, 'Body (' + d.bodySize + ' bytes' + (d.bodyCut ? ', cut for display' : '') + ')'));
    let shown = d.body;
    if (d.bodyEncoding === 'utf-8' && h.problem === null && !d.bodyCut) shown = prettyJson(d.body);
    else if (d.bodyEncoding === 'base64') shown = '(not UTF-8; base64) ' + d.body;
    bodyBox.append(el('pre', 'json', shown));
    const link = el('a', null, 'raw bytes');
    link.href = API + '/' + encodeURIComponent(d.seq) + '/body';
    bodyBox.append(link);
    article.append(bodyBox);

    const headerBox = el('details', 'headers');
    headerBox.append(el('summary', null, 'Headers (' + d.headers.length + ')'));
    const table = el('table', 'headers');
    for (const [name, value] of d.headers) {
      const row = el('tr');
      row.append(el('td', null, name), el('td', null, value));
      table.append(row);
    }
    headerBox.append(table);
    article.append(headerBox);
    return article;
  }

  function show(data) {
    const list = document.getElementById('deliveries');
    for (const d of data.deliveries) {
      const fresh = render(d);
      const old = document.getElementById(fresh.id);
      if (old) {
        fresh.querySelectorAll('details').forEach((box, i) => {
          const before = old.querySelectorAll('details')[i];
          if (before) box.open = before.open;
        });
        old.replaceWith(fresh);
      } else {
        list.prepend(fresh);
        count++;
      }
    }
    lastChange = Math.max(lastChange, data.lastChange);
    const status = document.getElementById('status');
    status.textContent = count === 0
      ? 'Waiting for deliveries…'
      : count + (count === 1 ? ' delivery' : ' deliveries') + ' shown' + (data.dropped > 0 ? ', ' + data.dropped + ' older ones dropped' : '');
  }

  async function poll() {
    try {
      const response = await fetch(API + '?after=' + lastChange, { cache: 'no-store' });
      if (!response.ok) throw new Error('HTTP ' + response.status);
      show(await response.json());
    } catch (e) {
      document.getElementById('status').textContent = 'Receiver not reachable (' + e.message + '); retrying…';
    }
    setTimeout(poll, POLL_MS);
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('self').textContent = location.origin + '/';
    poll();
  });
})();
