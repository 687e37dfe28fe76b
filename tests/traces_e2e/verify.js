'use strict';
// Checks a trace file written by run.sh (OTLP JSON lines).
// Usage: node verify.js OUTFILE [N]      exit 0 if all checks pass.
const fs = require('fs');

const file = process.argv[2];
const n = parseInt(process.argv[3] || '200', 10);
if (!file) { console.error('usage: node verify.js OUTFILE [N]'); process.exit(2); }
const text = fs.readFileSync(file, 'utf8');
const KIND = { 4: 'PRODUCER', 5: 'CONSUMER', SPAN_KIND_PRODUCER: 'PRODUCER', SPAN_KIND_CONSUMER: 'CONSUMER' };
const attrVal = (v) => v && (v.stringValue ?? v.intValue ?? v.boolValue ?? v.doubleValue);
const attrs = (list) => Object.fromEntries((list || []).map((a) => [a.key, attrVal(a.value)]));

const spans = [];
let lines = 0;
for (const line of text.split('\n')) {
  if (!line.trim()) continue;
  lines++;
  const req = JSON.parse(line);
  for (const rs of req.resourceSpans || []) {
    const service = attrs(rs.resource && rs.resource.attributes)['service.name'];
    for (const ss of rs.scopeSpans || []) for (const s of ss.spans || []) {
      spans.push({ service, kind: KIND[s.kind] || String(s.kind), name: s.name, a: attrs(s.attributes),
        traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId || '' });
    }
  }
}

let warehouseExpected = 0;
for (let seq = 0; seq < n; seq++) if (seq % 20 >= 3) warehouseExpected++;
const T = { placed: 'shop/orders/placed', settled: 'shop/payments/settled', audit: 'shop/audit/payments' };
const expected = [
  ['orders', T.placed, 'PRODUCER', n],
  ['payments', T.placed, 'CONSUMER', n],
  ['payments', T.settled, 'PRODUCER', n],
  ['payments', T.audit, 'PRODUCER', n],
  ['warehouse', T.placed, 'CONSUMER', warehouseExpected],
  ['ledger', T.settled, 'CONSUMER', n],
];
const counts = new Map();
for (const s of spans) {
  const k = `${s.service}|${s.a['messaging.destination.name']}|${s.kind}`;
  counts.set(k, (counts.get(k) || 0) + 1);
}
const errors = [];
console.log(`${file}: ${lines} lines, ${spans.length} spans`);
for (const [svc, topic, kind, want] of expected) {
  const got = counts.get(`${svc}|${topic}|${kind}`) || 0;
  console.log(`  ${svc.padEnd(10)} ${kind.padEnd(9)} ${topic.padEnd(22)} ${String(got).padStart(5)} (expected ${want})`);
  if (got !== want) errors.push(`${svc} ${kind} ${topic}: ${got} != ${want}`);
}
const total = expected.reduce((a, e) => a + e[3], 0);
if (spans.length !== total) errors.push(`total spans ${spans.length} != ${total}`);

// Attributes, names, parent links.
const producers = new Map(); // spanId -> span
for (const s of spans) if (s.kind === 'PRODUCER') producers.set(s.spanId, s);
let linked = 0;
for (const s of spans) {
  const topic = s.a['messaging.destination.name'];
  const op = s.kind === 'PRODUCER' ? ['send', 'publish'] : ['process', 'process'];
  if (s.a['messaging.system'] !== 'mqtt') errors.push(`${s.name}: messaging.system=${s.a['messaging.system']}`);
  if (s.a['messaging.operation.type'] !== op[0] || s.a['messaging.operation.name'] !== op[1]) errors.push(`${s.name}: bad messaging.operation.*`);
  if (s.name !== `${op[0]} ${topic}`) errors.push(`bad span name '${s.name}' for ${s.kind} on ${topic}`);
  if (s.kind === 'CONSUMER') {
    const p = producers.get(s.parentSpanId);
    if (!p || p.a['messaging.destination.name'] !== topic || p.traceId !== s.traceId) {
      errors.push(`${s.service} CONSUMER ${s.spanId} on ${topic}: parent ${s.parentSpanId || '(none)'} is not a producer span on that topic`);
    } else linked++;
  }
}
// payments' producer spans are children of payments' consumer spans.
const consumers = new Map(spans.filter((s) => s.kind === 'CONSUMER').map((s) => [s.spanId, s]));
for (const s of spans) {
  if (s.service === 'payments' && s.kind === 'PRODUCER') {
    const p = consumers.get(s.parentSpanId);
    if (!p || p.service !== 'payments' || p.a['messaging.destination.name'] !== T.placed) errors.push(`payments PRODUCER ${s.spanId} on ${s.a['messaging.destination.name']} is not a child of a payments process span`);
  }
  if (s.service === 'orders' && s.kind === 'PRODUCER' && s.parentSpanId) errors.push(`orders PRODUCER ${s.spanId} is not a root span`);
}
console.log(`  consumer spans whose parent is a producer span on the same topic: ${linked}/${consumers.size}`);
if (errors.length) {
  console.error(`FAILED: ${errors.length} problem(s)`);
  for (const e of errors.slice(0, 20)) console.error('  ' + e);
  process.exit(1);
}
console.log('OK');
