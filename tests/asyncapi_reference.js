// Compares eventscope's reading of AsyncAPI documents with the reference parser's
// (@asyncapi/parser, installed by scripts/install-deps.sh into .tools/node).
// Usage: node tests/asyncapi_reference.js EVENTSCOPE_BINARY ROOT FILE...
'use strict';
const path = require('path');
const { execFileSync } = require('child_process');
const toolsDir = path.join(__dirname, '..', '.tools', 'node', 'node_modules');
const { Parser, fromFile } = require(path.join(toolsDir, '@asyncapi', 'parser'));

async function referenceReading(file) {
  const parser = new Parser();
  const { document, diagnostics } = await fromFile(parser, file).parse();
  if (!document) {
    return { valid: false, errors: diagnostics.filter(d => d.severity === 0).map(d => d.message) };
  }
  const address = c => (c.address() === undefined ? null : c.address());
  const channels = document.channels().all().map(address).sort();
  const endpoints = [];
  for (const op of document.operations().all()) {
    const role = op.isSend() ? 'produce' : 'consume'; // 2.x `subscribe` is a send
    for (const channel of op.channels().all()) endpoints.push([address(channel), role]);
  }
  endpoints.sort();
  // The messages the channels carry (components that no channel uses are not counted).
  const messages = new Set();
  for (const channel of document.channels().all())
    for (const message of channel.messages().all()) messages.add(message.json()); // one object per dereferenced message
  // Per operation: channel, direction, security (traits applied), the messages' top-level
  // header and payload properties, the reply's channel address and run-time address.
  const props = schema => {
    if (!schema) return [];
    let json = schema.json();
    // A 3.x multi-format schema object: its properties are those of the schema it wraps.
    if (json && typeof json === 'object' && json.schemaFormat && json.schema) json = json.schema;
    return json && typeof json === 'object' && json.properties && typeof json.properties === 'object'
      ? Object.keys(json.properties).sort() : [];
  };
  const operations = [];
  for (const op of document.operations().all()) {
    for (const channel of op.channels().all()) {
      const item = { channel: address(channel), role: op.isSend() ? 'produce' : 'consume',
                     secured: op.security().length > 0,
                     messages: op.messages().all().map(m => ({ headers: props(m.headers()), payload: props(m.payload()) }))
                       .sort((a, b) => JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0) };
      const reply = op.reply && op.reply();
      if (reply) {
        const replyChannel = reply.channel();
        const replyAddress = reply.address();
        item.reply = [replyChannel ? address(replyChannel) : null, replyAddress ? replyAddress.location() || null : null];
      }
      operations.push(item);
    }
  }
  operations.sort((a, b) => JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0);
  return { valid: true, title: document.info().title(), version: document.version(), channels, endpoints,
           messages: messages.size, operations };
}

function eventscopeReading(binary, root, file) {
  try {
    const out = execFileSync(binary, ['contract', 'show', path.relative(root, file)], { cwd: root, encoding: 'utf8',
                                                                                        stdio: ['ignore', 'pipe', 'pipe'] });
    const doc = JSON.parse(out)[0];
    const order = (a, b) => JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0;
    return { valid: true, title: doc.title, version: doc.version, channels: doc.channels.slice().sort(),
             endpoints: doc.endpoints.slice().sort(), messages: doc.messages,
             operations: doc.operations.map(op => Object.assign({}, op, { messages: op.messages.slice().sort(order) }))
               .sort(order) };
  } catch (e) {
    return { valid: false, error: String(e.stderr || e.message).trim() };
  }
}

module.exports = { referenceReading, eventscopeReading };
if (require.main !== module) return;

(async () => {
  const [binary, root, ...files] = process.argv.slice(2);
  let compared = 0, failed = 0;
  for (const file of files) {
    const expected = await referenceReading(file);
    const actual = eventscopeReading(binary, root, file);
    const rel = path.relative(root, file);
    if (!expected.valid) {
      if (actual.valid) { console.error(`FAIL ${rel}: the reference parser refuses it, eventscope read it`); failed++; }
      else console.log(`ok   ${rel}: refused by both (${actual.error.split('\n')[0]})`);
      continue;
    }
    const same = JSON.stringify(expected) === JSON.stringify(actual);
    if (!same) {
      console.error(`FAIL ${rel}\n  reference:  ${JSON.stringify(expected)}\n  eventscope: ${JSON.stringify(actual)}`);
      failed++;
    } else {
      compared++;
      console.log(`ok   ${rel}`);
    }
  }
  console.log(`${compared + (files.length - compared - failed)} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
