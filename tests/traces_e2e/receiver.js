'use strict';
// Minimal OTLP/HTTP JSON trace receiver. Appends each POST /v1/traces body as
// one compact JSON line to OUTFILE (the OpenTelemetry Collector file exporter
// format). Protobuf bodies are refused with 415.
// Usage: node receiver.js OUTFILE [PORT]   (PORT 0 or absent: any free port)
// Prints "listening PORT" once bound.
const http = require('http');
const fs = require('fs');
const zlib = require('zlib');

const outFile = process.argv[2];
const port = parseInt(process.argv[3] || '0', 10);
if (!outFile) { console.error('usage: node receiver.js OUTFILE [PORT]'); process.exit(2); }
fs.writeFileSync(outFile, '');
let requests = 0;
let spans = 0;

function reply(res, code, body, type) {
  res.writeHead(code, { 'content-type': type || 'application/json' });
  res.end(body);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname !== '/v1/traces') return reply(res, 404, '{"error":"not found"}');
  if (req.method !== 'POST') return reply(res, 405, '{"error":"method not allowed"}');
  const type = (req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
  const chunks = [];
  req.on('data', (d) => chunks.push(d));
  req.on('end', () => {
    if (type !== 'application/json') {
      console.error(`receiver: refused body with content-type '${req.headers['content-type']}' (only OTLP JSON is accepted)`);
      return reply(res, 415, '{"error":"only application/json (OTLP/HTTP JSON) is accepted"}');
    }
    let raw = Buffer.concat(chunks);
    try {
      const enc = (req.headers['content-encoding'] || '').toLowerCase();
      if (enc === 'gzip') raw = zlib.gunzipSync(raw);
      else if (enc && enc !== 'identity') return reply(res, 415, '{"error":"unsupported content-encoding"}');
      const obj = JSON.parse(raw.toString('utf8'));
      fs.appendFileSync(outFile, JSON.stringify(obj) + '\n');
      requests++;
      for (const rs of obj.resourceSpans || []) for (const ss of rs.scopeSpans || []) spans += (ss.spans || []).length;
      reply(res, 200, '{}');
    } catch (e) {
      console.error(`receiver: bad request: ${e.message}`);
      reply(res, 400, JSON.stringify({ error: e.message }));
    }
  });
});

server.listen(port, '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
const bye = () => {
  console.log(`receiver: ${requests} requests, ${spans} spans written to ${outFile}`);
  server.close();
  process.exit(0);
};
process.on('SIGTERM', bye);
process.on('SIGINT', bye);
