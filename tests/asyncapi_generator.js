// Differential testing of the AsyncAPI loader (issue 19): documents of AsyncAPI 2.6 and 3.0
// that combine, at random with a fixed seed, operation and message traits, replies, null
// addresses, channel parameters, YAML merge keys and anchors, external $refs and schema
// compositions; each is read by the reference parser (@asyncapi/parser) and by eventscope
// (`contract show`), and the readings compared: channels, endpoints, messages, and per
// operation its security, messages' header and payload properties and reply.
//
// Usage: node tests/asyncapi_generator.js EVENTSCOPE_BINARY COUNT [SEED]
// Exit 1 with each disagreement (its document kept under the printed directory) when any
// document reads differently; the figures on the last line.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { referenceReading, eventscopeReading } = require('./asyncapi_reference.js');

// mulberry32: a small PRNG, so a seed gives the same documents on every machine.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// YAML in flow style, with anchors, aliases and merge keys where the value asks for them:
// {$anchor: name, value}, {$alias: name}; a key '<<' is written plain (a merge key).
function yaml(value) {
  if (value && typeof value === 'object' && '$anchor' in value) return `&${value.$anchor} ${yaml(value.value)}`;
  if (value && typeof value === 'object' && '$alias' in value) return `*${value.$alias}`;
  if (Array.isArray(value)) return `[${value.map(yaml).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value).map(([k, v]) => `${k === '<<' ? '<<' : JSON.stringify(k)}: ${yaml(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

// One document: { main: its file name, files: every file's text (the document and the
// message files its $refs name), doc: the document as an object }. Without merge keys
// (`merges` false) the object is plain JSON data, for tools that take objects.
function generate(random, index, merges = true) {
  const pick = list => list[Math.floor(random() * list.length)];
  const chance = p => random() < p;
  const v3 = chance(0.5);
  const files = {};
  const doc = { asyncapi: v3 ? '3.0.0' : '2.6.0', info: { title: `svc-${index}`, version: '1.0.0' } };
  const components = { securitySchemes: { sasl: { type: 'scramSha512' } }, messageTraits: {}, operationTraits: {},
                       schemas: {} };
  const useMerge = merges && chance(0.3);
  const anchors = {};
  let anchorCount = 0;
  const fieldNames = ['id', 'total', 'region', 'code', 'name', 'at'];
  const schema = depth => {
    const properties = {};
    const n = 1 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) properties[pick(fieldNames)] = { type: pick(['string', 'number', 'integer']) };
    const object = { type: 'object', properties };
    if (depth < 2 && chance(0.25)) return { allOf: [object, schema(depth + 1)] };
    if (depth < 2 && chance(0.15)) return { oneOf: [object, schema(depth + 1)] };
    return object;
  };
  const message = name => {
    const external = chance(0.2); // then its $refs into this document name the document
    const here = external ? `doc-${index}.yaml` : '';
    const m = { name, payload: schema(0) };
    if (chance(0.3)) m.headers = { type: 'object', properties: { traceId: { type: 'string' } } };
    if (chance(0.3)) {
      const trait = `mt${Object.keys(components.messageTraits).length}`;
      components.messageTraits[trait] = chance(0.5)
        ? { headers: { type: 'object', properties: { messageId: { type: 'string' } } } }
        : { contentType: 'application/json' };
      m.traits = [{ $ref: `${here}#/components/messageTraits/${trait}` }];
    }
    if (external) {
      const file = `msg-${index}-${name}.yaml`;
      files[file] = yaml({ [name]: m });
      return { $ref: `${file}#/${name}` };
    }
    return m;
  };
  const security = v3 ? [{ $ref: '#/components/securitySchemes/sasl' }] : [{ sasl: [] }];
  const operationExtras = () => {
    const extras = {};
    if (chance(0.3)) extras.security = security;
    if (chance(0.3)) {
      const trait = `ot${Object.keys(components.operationTraits).length}`;
      components.operationTraits[trait] = chance(0.6) ? { security } : { description: 'from a trait' };
      extras.traits = [{ $ref: `#/components/operationTraits/${trait}` }];
    }
    return extras;
  };
  // Merge keys: an operation's extras written once under an anchor, merged into each user.
  const merged = extras => {
    if (!useMerge || !Object.keys(extras).length || !chance(0.6)) return extras;
    const name = `a${anchorCount++}`;
    anchors[name] = extras;
    return { '<<': { $alias: name } };
  };
  const addresses = ['orders.placed', 'orders.{id}.paid', 'users/{userId}/signedup', 'alerts', 'price.quoted'];
  const channelCount = 1 + Math.floor(random() * 3);
  if (!v3) {
    doc.channels = {};
    for (let c = 0; c < channelCount; c++) {
      const address = `${pick(addresses)}.${c}`;
      const channel = {};
      if (address.includes('{')) {
        channel.parameters = {};
        for (const p of address.match(/\{(\w+)\}/g)) channel.parameters[p.slice(1, -1)] = { schema: { type: 'string' } };
      }
      for (const key of ['publish', 'subscribe'])
        if (chance(0.6) || (key === 'subscribe' && !channel.publish))
          channel[key] = Object.assign({ operationId: `${key}${c}` }, merged(operationExtras()),
                                       { message: message(`M${c}${key}`) });
      doc.channels[address] = channel;
    }
  } else {
    doc.channels = {};
    doc.operations = {};
    const ids = [];
    for (let c = 0; c < channelCount; c++) {
      const id = `ch${c}`;
      const kind = random();
      const channel = {};
      if (kind < 0.15) channel.address = null;
      else if (kind > 0.25) channel.address = `${pick(addresses)}.${c}`;
      if (channel.address && channel.address.includes('{')) {
        channel.parameters = {};
        for (const p of channel.address.match(/\{(\w+)\}/g)) channel.parameters[p.slice(1, -1)] = {};
      }
      channel.messages = { [`M${c}`]: message(`M${c}`) };
      doc.channels[id] = channel;
      ids.push(id);
    }
    ids.forEach((id, c) => {
      const op = Object.assign({ action: pick(['send', 'receive']), channel: { $ref: `#/channels/${id}` } },
                               merged(operationExtras()));
      if (chance(0.3)) {
        const replyTo = pick(ids);
        op.reply = chance(0.7) ? { channel: { $ref: `#/channels/${replyTo}` } } : {};
        if (chance(0.3) || !op.reply.channel) {
          op.reply.address = { location: '$message.header#/replyTo' };
          if (op.reply.channel) { // the spec requires a null address then, and so no parameters
            doc.channels[replyTo].address = null;
            delete doc.channels[replyTo].parameters;
          }
        }
      }
      doc.operations[`op${c}`] = op;
    });
  }
  for (const key of Object.keys(components)) if (!Object.keys(components[key]).length) delete components[key];
  doc.components = components;
  if (useMerge && Object.keys(anchors).length)
    doc['x-anchors'] = Object.fromEntries(Object.entries(anchors).map(([name, value]) => [name, { $anchor: name, value }]));
  // Anchors must come before their aliases: x-anchors first.
  const ordered = doc['x-anchors'] ? Object.assign({ asyncapi: doc.asyncapi, 'x-anchors': doc['x-anchors'] }, doc) : doc;
  return { main: `doc-${index}.yaml`, files: Object.assign(files, { [`doc-${index}.yaml`]: yaml(ordered) + '\n' }),
           doc: ordered };
}

module.exports = { prng, generate };
if (require.main !== module) return;

(async () => {
  const [binary, countText, seedText] = process.argv.slice(2);
  const count = Number(countText || 50), seed = Number(seedText || 19);
  const random = prng(seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asyncapi-generated-'));
  let agreed = 0, refusedByBoth = 0;
  // How many documents have each feature: a run that never made one proves nothing of it.
  const features = { '3.0': /"asyncapi": "3\.0\.0"/, traits: /"traits"/, reply: /"reply"/,
                     'null address': /"address": null/, 'merge key': /<<: \*/, 'external $ref': /\.yaml#\//,
                     allOf: /"allOf"/, oneOf: /"oneOf"/, parameters: /"parameters"/, security: /"security"/ };
  const covered = {};
  const disagreements = [];
  for (let i = 0; i < count; i++) {
    const { main, files } = generate(random, i);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const text = Object.values(files).join('\n');
    for (const [feature, pattern] of Object.entries(features))
      if (pattern.test(text)) covered[feature] = (covered[feature] || 0) + 1;
    const file = path.join(dir, main);
    const expected = await referenceReading(file);
    const actual = eventscopeReading(binary, dir, file);
    if (!expected.valid && !actual.valid) {
      refusedByBoth++;
      if (process.env.SHOW_REFUSED) console.error(`refused ${main}: ${JSON.stringify(expected.errors).slice(0, 300)} | ${actual.error.slice(0, 200)}`);
    }
    else if (JSON.stringify(expected) === JSON.stringify(actual)) agreed++;
    else disagreements.push({ file: main, expected, actual });
  }
  for (const d of disagreements)
    console.error(`DIFFERENT ${path.join(dir, d.file)}\n  reference:  ${JSON.stringify(d.expected)}\n  eventscope: ${JSON.stringify(d.actual)}`);
  console.log(`${count} generated documents (seed ${seed}): ${agreed} read alike, ${refusedByBoth} refused by both, ` +
              `${disagreements.length} different; documents with ` +
              Object.keys(features).map(f => `${f} ${covered[f] || 0}`).join(', '));
  if (!disagreements.length) fs.rmSync(dir, { recursive: true });
  process.exit(disagreements.length ? 1 : 0);
})();
