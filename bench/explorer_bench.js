// The explorer's figure (issue 23): a generated system of 1,000 services and 5,000 channels
// loaded in headless chromium, RUNS times in fresh pages. Measured from navigation start to
// the page being ready for input (drawn, laid out, one frame painted), then the time to
// answer a search and to draw a focus. Prints the medians as one JSON line.
// Usage: node explorer_bench.js PAGE RUNS (NODE_TOOLS: the folder with node_modules)
'use strict';
const path = require('path');
const puppeteer = require(path.join(process.env.NODE_TOOLS, 'node_modules', 'puppeteer-core'));
const [page, runs] = [process.argv[2], parseInt(process.argv[3] || '5', 10)];
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
(async () => {
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const ready = [], search = [], focus = [];
  let drawn = 0, errors = [];
  for (let i = 0; i < runs; ++i) {
    const p = await browser.newPage();
    await p.setViewport({ width: 1400, height: 850 });
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await p.goto('file://' + path.resolve(page));
    await p.waitForFunction('window.explorer && window.explorer.ready', { timeout: 60000 });
    // one painted frame after ready
    ready.push(await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))))));
    drawn = (await p.evaluate('explorer.drawnNodes().length + explorer.drawnEdges().length'));
    let t = Date.now();
    await p.type('#search', 'billing2.entity7', { delay: 0 });
    await p.waitForSelector('#search-results li');
    search.push(Date.now() - t);
    await p.keyboard.press('Enter');
    await p.waitForSelector('#focus-button');
    t = Date.now();
    await p.click('#focus-button');
    await p.waitForFunction(() => explorer.state().focus !== null);
    await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    focus.push(Date.now() - t);
    await p.close();
  }
  await browser.close();
  console.log(JSON.stringify({ runs, readyMs: Math.round(median(ready)), readyMaxMs: Math.round(Math.max(...ready)),
                               searchMs: median(search), focusMs: median(focus), drawnElements: drawn, errors }));
})().catch((e) => { console.error(e); process.exit(1); });
