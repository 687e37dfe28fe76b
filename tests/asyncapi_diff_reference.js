// Agreement with @asyncapi/diff (installed by scripts/install-deps.sh into .tools/node):
// for pairs of documents, every change it classifies (breaking or non-breaking) must get the
// same verdict at the same pointer from `eventscope contract diff`. Pairs: its own fixtures,
// eventscope's hand-labelled pair, and mutations of the public AsyncAPI examples (a channel
// removed or added, a server moved, a description and info.version edited, an enum value
// dropped), none of which either tool saw written down.
// Usage: node tests/asyncapi_diff_reference.js EVENTSCOPE_BINARY SOURCE_DIR [CORPUS_DIR]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const modules = path.join(__dirname, '..', '.tools', 'node', 'node_modules');
const { diff } = require(path.join(modules, '@asyncapi', 'diff'));
const yaml = require(path.join(modules, 'js-yaml'));

const [binary, sourceDir, corpusDir] = process.argv.slice(2);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'eventscope-diff-'));

function eventscopeChanges(before, after) {
  let out;
  try {
    out = execFileSync(binary, ['contract', 'diff', before, after, '--format', 'json', '--no-fail', '-q'],
                       { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    return { error: String(e.stderr || e.message).trim() };
  }
  const changes = new Map();
  for (const contract of JSON.parse(out).contracts)
    for (const c of contract.changes) changes.set(c.action + ' ' + c.pointer, c.type);
  return { changes };
}

function referenceChanges(before, after) {
  const output = diff(before, after, { outputType: 'json' });
  const classified = new Map();
  for (const c of output.breaking()) classified.set(c.action + ' ' + c.path, 'breaking');
  for (const c of output.nonBreaking()) classified.set(c.action + ' ' + c.path, 'non-breaking');
  return classified;
}

// The object at `pointer` with its traits applied as the specification says (JSON Merge
// Patch; 2.x: the trait wins, 3.0: the object wins), local $refs followed: what eventscope
// compares, so that a trait change with no effect (the object already says the same) is none.
function withTraits(doc, pointer) {
  const at = p => p.split('/').slice(1).reduce((o, t) => o == null ? o : o[t.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  const follow = n => n && typeof n.$ref === 'string' && n.$ref.startsWith('#') ? follow(at(n.$ref.slice(1))) : n;
  const patch = (target, p) => {
    if (!p || typeof p !== 'object' || Array.isArray(p)) return p;
    const out = target && typeof target === 'object' && !Array.isArray(target) ? Object.assign({}, target) : {};
    for (const [k, v] of Object.entries(p)) { if (v === null) delete out[k]; else out[k] = patch(out[k], v); }
    return out;
  };
  const object = at(pointer);
  if (!object || typeof object !== 'object') return object;
  const own = Object.assign({}, object); delete own.traits;
  const traits = (object.traits || []).map(follow).reduce((m, t) => patch(m, t), {});
  return String(doc.asyncapi).startsWith('2.') ? patch(own, traits) : patch(traits, own);
}

let pairs = 0, compared = 0, refused = 0, disagreements = 0;
// `dir`: where the pair is written, beside the files its relative $refs name.
function check(name, beforeDoc, afterDoc, dir = work) {
  const a = path.join(dir, 'before.json'), b = path.join(dir, 'after.json');
  fs.writeFileSync(a, JSON.stringify(beforeDoc));
  fs.writeFileSync(b, JSON.stringify(afterDoc));
  pairs++;
  const ours = eventscopeChanges(a, b);
  if (ours.error) { refused++; if (process.env.VERBOSE) console.log('REFUSED ' + name + ': ' + ours.error); return; } // a mutation that left the document invalid
  for (const [key, verdict] of referenceChanges(beforeDoc, afterDoc)) {
    compared++;
    // eventscope diffs documents with their traits applied (shared case asyncapi/12): a
    // change @asyncapi/diff sees in `traits` is, for eventscope, a change of what the traits
    // bring to that operation or message. It must report one there, whatever its verdict.
    const traits = key.match(/^\S+ (.*)\/traits(\/.*)?$/);
    if (traits) {
      const owner = traits[1];
      const canonical = v => JSON.stringify(v, (k, x) => x && typeof x === 'object' && !Array.isArray(x)
        ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x);
      const same = canonical(withTraits(beforeDoc, owner)) === canonical(withTraits(afterDoc, owner));
      if (!same && ![...ours.changes.keys()].some(k => k.split(' ')[1].startsWith(owner + '/'))) {
        disagreements++;
        console.log(`DIFFER ${name}: ${key}: @asyncapi/diff ${verdict}, eventscope reports nothing under ${owner}`);
      }
      continue;
    }
    const mine = ours.changes.get(key);
    if (mine !== verdict) {
      disagreements++;
      console.log(`DIFFER ${name}: ${key}: @asyncapi/diff ${verdict}, eventscope ${mine || 'not reported'}`);
    }
  }
}

const load = file => yaml.load(fs.readFileSync(file, 'utf8'));
const fixtures = path.join(sourceDir, 'tests', 'fixtures');
check('fixture v2', load(path.join(fixtures, 'asyncapi-diff', 'asyncapi.yml')), load(path.join(fixtures, 'asyncapi-diff', 'diffSpec.yml')));
check('fixture v3', load(path.join(fixtures, 'asyncapi-diff', 'asyncapi-v3.yml')), load(path.join(fixtures, 'asyncapi-diff', 'asyncapi-v3-diff.yml')));
check('quotes', load(path.join(fixtures, 'contract-diff', 'quotes-v1.yaml')), load(path.join(fixtures, 'contract-diff', 'quotes-v2.yaml')));

const clone = o => JSON.parse(JSON.stringify(o));
const mutations = {
  'info.version': d => { d.info.version = d.info.version + '.1'; },
  'info.description': d => { d.info.description = 'changed'; },
  'channel removed': d => { const k = Object.keys(d.channels || {})[0]; if (!k) return false; delete d.channels[k];
    if (d.operations) for (const [id, op] of Object.entries(d.operations)) if (JSON.stringify(op).includes('#/channels/' + k.replace(/~/g, '~0').replace(/\//g, '~1'))) delete d.operations[id]; },
  'channel added': d => { const k = Object.keys(d.channels || {})[0]; if (!k) return false; const c = clone(d.channels[k]);
    if (c.address) c.address = c.address + '.copy'; d.channels[k + 'Copy'] = c; },
  'server moved': d => { const k = Object.keys(d.servers || {})[0]; if (!k) return false; const s = d.servers[k];
    if (s.url) s.url = s.url + 'x'; else if (s.host) s.host = s.host + 'x'; else return false; },
  'channel description': d => { const k = Object.keys(d.channels || {})[0]; if (!k) return false; d.channels[k].description = 'changed'; },
  'server removed': d => { const k = Object.keys(d.servers || {})[0]; if (!k) return false; delete d.servers[k];
    const drop = o => { if (o && typeof o === 'object') { if (Array.isArray(o.servers)) o.servers = o.servers.filter(r => !JSON.stringify(r).includes(k)); Object.values(o).forEach(drop); } };
    drop(d.channels); },
};
if (corpusDir && fs.existsSync(corpusDir)) {
  const copy = path.join(work, 'corpus');
  fs.cpSync(corpusDir, copy, { recursive: true });
  const files = [];
  const walk = dir => { for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p); else if (/\.ya?ml$/.test(e.name)) files.push(p); } };
  walk(copy);
  for (const file of files.sort()) {
    let doc;
    try { doc = load(file); } catch (e) { continue; }
    if (!doc || typeof doc !== 'object' || !doc.asyncapi || !doc.info) continue;
    for (const [name, mutate] of Object.entries(mutations)) {
      const after = clone(doc);
      if (mutate(after) === false) continue;
      check(path.relative(copy, file) + ' / ' + name, doc, after, path.dirname(file));
    }
  }
}
// Generated documents (tests/asyncapi_generator.js: traits, replies, null addresses,
// parameters, external $refs, compositions), each mutated as above and as below.
const { prng, generate } = require('./asyncapi_generator.js');
const generatedMutations = Object.assign({}, mutations, {
  'operation trait dropped': d => { const ops = Object.values(d.operations || {}).concat(
      Object.values(d.channels || {}).flatMap(c => [c.publish, c.subscribe])).filter(o => o && o.traits);
    if (!ops.length) return false; delete ops[0].traits; },
  'reply dropped': d => { const op = Object.values(d.operations || {}).find(o => o.reply); if (!op) return false; delete op.reply; },
  'address nulled': d => { const c = Object.values(d.channels || {}).find(c => typeof c.address === 'string');
    if (!c || !d.operations) return false; c.address = null; delete c.parameters; },
  'action flipped': d => { const op = Object.values(d.operations || {})[0]; if (!op) return false;
    op.action = op.action === 'send' ? 'receive' : 'send'; },
});
const generatedCount = Number(process.env.GENERATED_PAIRS || 30);
const random = prng(19);
const generatedDir = path.join(work, 'generated');
fs.mkdirSync(generatedDir);
for (let i = 0; i < generatedCount; i++) {
  const { files, doc } = generate(random, i, false);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(generatedDir, name), text);
  for (const [name, mutate] of Object.entries(generatedMutations)) {
    const after = clone(doc);
    if (mutate(after) === false) continue;
    check(`generated ${i} / ${name}`, doc, after, generatedDir);
  }
}
fs.rmSync(work, { recursive: true, force: true });
console.log(`${pairs} pairs, ${compared} changes @asyncapi/diff classifies, ${disagreements} disagreement(s), ${refused} pair(s) eventscope refused as invalid`);
process.exit(disagreements ? 1 : 0);
