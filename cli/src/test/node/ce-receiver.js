// A receiver for CloudEventsSdkIT: every POST is read back with the CloudEvents SDK for JavaScript
// (HTTP.toEvent, both content modes) and what the SDK made of it is appended to OUT as one JSON
// line. With FAIL_FIRST=1 the first request of each webhook-id is answered 503, so the test sees
// the sender's retry. Listens on 127.0.0.1:PORT only.
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const { HTTP } = require('cloudevents');

const port = Number(process.env.PORT);
const out = process.env.OUT;
const failFirst = process.env.FAIL_FIRST === '1';
const seen = new Set();

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const webhookId = req.headers['webhook-id'] || null;
    const record = { webhookId, contentType: req.headers['content-type'] || null };
    try {
      const event = HTTP.toEvent({ headers: req.headers, body });
      record.event = {
        specversion: event.specversion, id: event.id, source: event.source, type: event.type,
        subject: event.subject, time: event.time, datacontenttype: event.datacontenttype,
        valid: event.validate(), data: event.data,
      };
    } catch (e) {
      record.error = String(e && e.message ? e.message : e);
    }
    const first = webhookId !== null && !seen.has(webhookId);
    seen.add(webhookId);
    const status = record.error ? 400 : failFirst && first ? 503 : 202;
    record.status = status;
    fs.appendFileSync(out, JSON.stringify(record) + '\n');
    res.writeHead(status, { 'Content-Type': 'text/plain' });
    res.end(String(status));
  });
}).listen(port, '127.0.0.1');
