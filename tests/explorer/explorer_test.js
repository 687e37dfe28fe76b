// Issue 23: the HTML explorer in a real browser. Debian's chromium, headless, driven through
// the DevTools protocol by puppeteer-core; every task is done as a person does it (typing,
// clicking buttons, double-clicking a group, following a link) and checked against what
// eventscope's own scan and check say of the same system, not against the page's own data.
// Usage: node explorer_test.js WORK SCREENS; WORK holds the pages and JSON explorer_test.sh
// wrote; a screenshot of each state goes to SCREENS for a person to look at.
'use strict';
const fs = require('fs');
const path = require('path');
const [work, screens] = process.argv.slice(2);
const puppeteer = require(path.join(process.env.NODE_TOOLS, 'node_modules', 'puppeteer-core'));

const failures = [];
function check(ok, what, detail) {
  if (!ok) failures.push(what + (detail === undefined ? '' : ': ' + JSON.stringify(detail)));
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
}
const sorted = (a) => Array.from(a).sort();
const same = (a, b) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
const readJson = (name) => JSON.parse(fs.readFileSync(path.join(work, name), 'utf8'));

// What the page must show, from eventscope's scan (endpoints) and check (typo pairs): one
// hop from a node is the channels it produces or consumes, or a channel's producers and
// consumers, and a misspelled channel's near-miss.
function neighboursFrom(scan, check) {
  const up = new Map(), down = new Map();
  const add = (m, a, b) => { if (!m.has(a)) m.set(a, new Set()); m.get(a).add(b); };
  for (const e of scan.endpoints) {
    const s = 'service:' + e.service, c = 'channel:' + e.channel;
    if (e.role === 'produce' || e.role === 'call') { add(down, s, c); add(up, c, s); } else { add(down, c, s); add(up, s, c); }
  }
  for (const f of check.findings)
    if (f.rule === 'channel-name-typo') {
      const [typo, near] = f.channels.map((c) => 'channel:' + c);
      add(down, typo, near); add(up, near, typo);
    }
  const nodes = new Set([...scan.endpoints.map((e) => 'service:' + e.service), ...scan.endpoints.map((e) => 'channel:' + e.channel)]);
  return { nodes, one: (id) => new Set([id, ...(down.get(id) || []), ...(up.get(id) || [])]) };
}

async function open(browser, file, fragment) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 850 });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn' || m.type() === 'warning') problems.push(m.type() + ': ' + m.text()); });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('requestfailed', (r) => problems.push('request failed: ' + r.url()));
  page.on('request', (r) => { if (!/^(file|data|about):/.test(r.url())) problems.push('network request: ' + r.url()); });
  await page.goto('file://' + path.join(work, file) + (fragment || ''));
  await page.waitForFunction('window.explorer && window.explorer.ready', { timeout: 30000 });
  page.problems = problems;
  return page;
}
const drawn = (page) => page.evaluate('explorer.drawnNodes()');
const lit = (page) => page.evaluate('explorer.highlightedNodes()');
async function shot(page, name) { await page.screenshot({ path: path.join(screens, name) }); }
async function search(page, text) {
  await page.click('#search', { clickCount: 3 });
  await page.keyboard.press('Backspace');
  await page.type('#search', text);
  await page.waitForSelector('#search-results li');
  return page.$$eval('#search-results li', (items) => items.map((li) => li.getAttribute('data-node')));
}
async function chooseBySearch(page, text, id) {
  const results = await search(page, text);
  const at = results.indexOf(id);
  if (at < 0) throw new Error('search "' + text + '" did not list ' + id + ': ' + results.join(', '));
  await page.click('#search-results li:nth-child(' + (at + 1) + ')');
}
async function doubleClickNode(page, id) {
  const p = await page.evaluate((i) => explorer.pagePosition(i), id);
  await page.mouse.click(p.x, p.y);
  await page.mouse.click(p.x, p.y);
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--user-data-dir=' + path.join(work, 'chromium-profile')],
  });
  try {
    const scan = readJson('cpp-shop.scan.json'), checked = readJson('cpp-shop.check.json');
    const truth = neighboursFrom(scan, checked);

    // 1. Loads offline, without console errors, showing every service and channel.
    let page = await open(browser, 'cpp-shop.html');
    check(page.problems.length === 0, 'loads without console errors, warnings or network requests', page.problems);
    check(same(await drawn(page), truth.nodes), 'draws every service and channel scan reports', await drawn(page));
    check((await page.$$('#findings li')).length === checked.findings.length, 'lists every finding check reports');
    await shot(page, '01-loaded.png');

    // 2. Fuzzy search finds a channel from a misspelling, and selecting it shows its details.
    const results = await search(page, 'ordr plcd');
    check(results[0] === 'channel:order.placed', 'search "ordr plcd" lists channel order.placed first', results);
    await page.keyboard.press('Enter');
    check(same(await page.evaluate('explorer.selected()'), ['channel:order.placed']), 'Enter selects it');
    const details = await page.$eval('#details', (d) => d.innerText);
    check(/channel order\.placed/.test(details) && /Produced by[\s\S]*orders/.test(details) && /Consumed by[\s\S]*payments/.test(details),
          'the panel shows its producers and consumers', details);
    // Links to code: relative to the page, and the file is there.
    const hrefs = await page.$$eval('#details a.place', (as) => as.map((a) => a.getAttribute('href')));
    check(hrefs.length > 0 && hrefs.every((h) => fs.existsSync(path.resolve(work, decodeURIComponent(h)))),
          'its file:line links lead to the files, relative to the page', hrefs);
    await shot(page, '02-search.png');

    // 3. Focus with depth 1 shows exactly the neighbours.
    await page.click('#focus-depth', { clickCount: 3 });
    await page.type('#focus-depth', '1');
    await page.click('#focus-button');
    check(same(await drawn(page), truth.one('channel:order.placed')), 'focus on order.placed, depth 1: exactly its producers and consumers',
          await drawn(page));
    await shot(page, '03-focus.png');
    // ... and for every other node, through the link a colleague would be sent.
    let wrong = [];
    for (const id of truth.nodes) {
      await page.evaluate((f) => { location.hash = f; }, 'focus=' + encodeURIComponent(id) + '&depth=1&dir=both&cc=none&sc=none');
      await page.waitForFunction((i) => explorer.state().focus === i, {}, id);
      if (!same(await drawn(page), truth.one(id))) wrong.push(id);
    }
    check(wrong.length === 0, 'focus depth 1 on each of ' + truth.nodes.size + ' nodes: exactly its neighbours', wrong);

    // 4. The path from one service to another is highlighted, the rest faded.
    await page.goto('file://' + path.join(work, 'cpp-shop.html') + '#cc=none&sc=none');
    await page.waitForFunction('explorer.ready');
    await chooseBySearch(page, 'orders', 'service:orders');
    await page.click('#path-from');
    await chooseBySearch(page, 'courier', 'service:courier');
    await page.click('#path-to');
    const way = ['service:orders', 'channel:order.confirmed', 'service:warehouse', 'channel:shipment.scheduled', 'service:courier'];
    check(same(await lit(page), way), 'path orders -> courier: its nodes highlighted', await lit(page));
    const status = await page.$eval('#status', (s) => s.innerText);
    check(status.includes('orders \u2192 order.confirmed \u2192 warehouse \u2192 shipment.scheduled \u2192 courier'), 'the status line spells the path', status);
    check((await page.evaluate('explorer.highlightedEdges()')).length === 4, 'its four edges highlighted');
    await shot(page, '04-path.png');

    // 5. A finding highlights its nodes.
    const cycle = checked.findings.findIndex((f) => f.rule === 'event-cycle');
    await page.click('#findings li:nth-child(' + (cycle + 1) + ')');
    const cycleNodes = checked.findings[cycle].channels.map((c) => 'channel:' + c).concat(['service:' + checked.findings[cycle].service]);
    check(same(await lit(page), cycleNodes), 'the event-cycle finding highlights its channels and service', await lit(page));
    await shot(page, '05-finding.png');

    // 6. The fragment keeps the view: a link opened elsewhere shows the same.
    await chooseBySearch(page, 'payments', 'service:payments');
    const triggers = await page.$eval('#details', (d) => d.innerText);
    const trigger = scan.triggers.find((t) => t.service === 'payments');
    check(trigger && triggers.includes('Triggers: consuming leads to producing') &&
          triggers.includes(trigger.from + ' \u2192 ' + trigger.to), "a service's panel shows the triggers scan reports", triggers);
    await page.click('#focus-depth', { clickCount: 3 });
    await page.type('#focus-depth', '2');
    await page.select('#focus-direction', 'down');
    await page.click('#focus-button');
    const link = page.url();
    const before = await page.evaluate('[explorer.drawnNodes(), explorer.highlightedNodes(), explorer.selected(), explorer.state()]');
    const other = await open(browser, 'cpp-shop.html', new URL(link).hash);
    const after = await other.evaluate('[explorer.drawnNodes(), explorer.highlightedNodes(), explorer.selected(), explorer.state()]');
    check(JSON.stringify(before) === JSON.stringify(after) && before[3].focus === 'service:payments' && before[3].depth === 2,
          'the link restores focus, depth, direction, selection and drawing', [link, before, after]);
    check(other.problems.length === 0, 'no console errors after restoring', other.problems);
    await shot(other, '06-restored.png');
    await other.close();

    // 7. Handlers and producing functions on demand, inside their services.
    await page.click('#reset');
    await page.click('#functions');
    const functions = (await drawn(page)).filter((id) => id.startsWith('function:'));
    const channelsDot = fs.readFileSync(path.join(work, 'cpp-shop.channels.dot'), 'utf8');
    const expectFunctions = new Set(Array.from(channelsDot.matchAll(/^\s*"(function:[^"]+)" \[/gm), (m) => m[1]));
    check(expectFunctions.size > 5 && same(functions, expectFunctions),
          'handlers and functions shown: those `graph --view channels` draws',
          [functions, sorted(expectFunctions)]);
    // Each service is a box around its own functions only: no box overlaps another or holds a
    // node that is not its own.
    const boxes = await page.evaluate('explorer.boxes()');
    const inside = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const parents = new Set(boxes.map((b) => b.parent).filter((p) => p));
    const clashes = [];
    for (const p of boxes.filter((b) => parents.has(b.id)))
      for (const other of boxes)
        if (other.id !== p.id && other.parent !== p.id && inside(p.box, other.box)) clashes.push(p.id + ' / ' + other.id);
    check(parents.size >= 5 && clashes.length === 0, 'services drawn around their functions overlap nothing else', clashes);
    await shot(page, '07-functions.png');
    check(page.problems.length === 0, 'no console errors through all of it', page.problems);
    await page.close();

    // 8. Groups from the config, collapsed and expanded; links through the URL template.
    page = await open(browser, 'grouped.html');
    await page.select('#collapse-services', 'group');
    let nodes = await drawn(page);
    check(nodes.includes('group:service:checkout-team') && nodes.includes('group:service:fleet-team') && nodes.includes('service:telemetry') &&
          !nodes.includes('service:cart'), 'services collapse by their groups (telemetry has none)', nodes);
    const label = await page.evaluate(() => document.title);
    check(label.startsWith('eventscope explorer'), 'the title', label);
    await shot(page, '08-groups.png');
    await doubleClickNode(page, 'group:service:checkout-team');
    await page.waitForFunction(() => explorer.drawnNodes().includes('service:cart'));
    nodes = await drawn(page);
    check(['service:cart', 'service:checkout', 'service:payments', 'service:payouts'].every((n) => nodes.includes(n)) &&
          nodes.includes('group:service:fleet-team'), 'double-clicking a group expands it, the other stays', nodes);
    await page.select('#collapse-channels', 'prefix');
    nodes = await drawn(page);
    check(nodes.includes('group:channel:fleet') && nodes.includes('group:channel:payment') && !nodes.includes('channel:fleet.route.planned'),
          'channels collapse by prefix', nodes);
    await page.select('#collapse-channels', 'namespace');
    nodes = await drawn(page);
    check(nodes.includes('group:channel:fleet.vehicle') && nodes.includes('channel:fleet.route.planned'),
          'channels collapse by namespace (fleet.vehicle.*; fleet.route.planned alone in its own)', nodes);
    await chooseBySearch(page, 'fleet.vehicle.position', 'channel:fleet.vehicle.position');
    nodes = await drawn(page);
    check(nodes.includes('channel:fleet.vehicle.position'), 'a node found by search is drawn out of its collapsed group', nodes);
    const forge = await page.$$eval('#details a.place', (as) => as.map((a) => a.getAttribute('href')));
    check(forge.length > 0 && forge.every((h) => /^https:\/\/forge\.example\/shop\/blob\/main\/services\/fleet\.yaml#L\d+$/.test(h)),
          'links go through source_url', forge);
    await shot(page, '09-collapsed.png');
    // Two paths from checkout to tracking, and a loop hanging off them that is on neither.
    await page.select('#collapse-channels', 'none');
    await page.select('#collapse-services', 'none');
    await chooseBySearch(page, 'checkout', 'service:checkout');
    await page.click('#path-from');
    await chooseBySearch(page, 'tracking', 'service:tracking');
    await page.click('#path-to');
    check(same(await lit(page), ['service:checkout', 'channel:order.placed', 'service:dispatch', 'channel:fleet.vehicle.assigned',
                                 'channel:fleet.route.planned', 'service:tracking']),
          'path checkout -> tracking: both ways highlighted, not the loop through rechecker', await lit(page));
    check((await page.evaluate('explorer.highlightedEdges()')).length === 6, 'and exactly their six edges',
          await page.evaluate('explorer.highlightedEdges()'));
    await shot(page, '10-two-paths.png');
    await search(page, 'zzzqqqxxx');
    check(await page.$eval('#search-results', (l) => l.innerText.trim() === 'No match'), 'a search that finds nothing says so');
    check(page.problems.length === 0, 'no console errors on the grouped system', page.problems);
    await page.close();

    // 9. With traces: observed counts on the edges and in the panel.
    page = await open(browser, 'traced.html');
    await chooseBySearch(page, 'shop/orders/placed', 'channel:shop/orders/placed');
    const observed = await page.$eval('#details', (d) => d.innerText);
    check(/Observed in traces[\s\S]*orders produce: \d+ messages/.test(observed), 'the panel shows what the traces observed', observed);
    const labels = await page.evaluate(() => explorer.edgeLabels());
    check(labels.some((l) => /\d+ msgs/.test(l)), 'edges carry their message counts', labels);
    await shot(page, '11-traces.png');
    check(page.problems.length === 0, 'no console errors with traces', page.problems);
    await page.close();

    // 10. A large system starts collapsed, and says so.
    page = await open(browser, 'large.html');
    nodes = await drawn(page);
    const notice = await page.$eval('#status', (s) => s.innerText);
    check(nodes.some((n) => n.startsWith('group:channel:')) && nodes.length < 400 && /collapsed/.test(notice),
          'a large system opens collapsed, with a notice', [nodes.length, notice]);
    await shot(page, '12-large.png');
    await page.close();

    // 11. The catalog's index.html is the same explorer, with links relative to the catalog.
    page = await open(browser, 'catalog/index.html');
    await chooseBySearch(page, 'order.placed', 'channel:order.placed');
    const catalogLinks = await page.$$eval('#details a.place', (as) => as.map((a) => a.getAttribute('href')));
    check(catalogLinks.length > 0 && catalogLinks.every((h) => fs.existsSync(path.resolve(work, 'catalog', decodeURIComponent(h)))),
          "the catalog's explorer links lead to the files", catalogLinks);
    const pageLink = await page.$eval('#catalog-page', (a) => a.getAttribute('href'));
    check(fs.existsSync(path.resolve(work, 'catalog', pageLink)) && pageLink.startsWith('channels/'),
          "and to the channel's page in the catalog", pageLink);
    check(page.problems.length === 0, 'no console errors in the catalog explorer', page.problems);
    await page.close();
  } finally {
    await browser.close();
  }
  if (failures.length) {
    console.error('\n' + failures.length + ' check(s) failed:\n' + failures.join('\n'));
    process.exit(1);
  }
  console.log('explorer: every check passed; screenshots in ' + screens);
})().catch((e) => { console.error(e); process.exit(1); });
