'use strict';
// Service `orders`: prints "ready", waits for SIGUSR2 (sent by run.sh once every
// consumer is subscribed) and then publishes N messages on shop/orders/placed,
// each in its own root PRODUCER span. Exits once all N publishes are acknowledged.
// (The settlements go to `ledger`: orders consuming them would make the sample a
// request/reply over events, which eventscope's request-reply rule reports.)
// Usage: node orders.js --broker mqtt://127.0.0.1:PORT --otlp http://127.0.0.1:PORT --n N [--idle-ms MS] [--start now|signal]
const c = require('./common');

const NAME = 'orders';
const OUT = 'shop/orders/placed';

async function main() {
  const args = c.parseArgs(process.argv.slice(2), { broker: undefined, otlp: undefined, n: '200', 'idle-ms': '5000', start: 'signal' });
  const n = parseInt(args.n, 10);
  const { api, provider, tracer, propagator } = c.setupTracing(NAME, args.otlp, 2 * n);
  const client = await c.connect(args.broker, `${NAME}-${process.pid}`);
  let published = 0;
  let failed = 0;
  let done = false;
  let started = false;

  const stop = (code, why) => {
    if (done) return;
    done = true;
    if (watchdog) watchdog.stop();
    console.log(`${NAME}: ${why}: published ${published}/${n}` + (failed ? `, ${failed} failed` : ''));
    c.finish({ provider, client, code, name: NAME });
  };
  let watchdog = null;
  const maybeDone = () => { if (published + failed >= n) stop(failed ? 5 : 0, 'done'); };
  client.on('error', (e) => { if (done) return; console.error(`${NAME}: mqtt error: ${e.message}`); stop(6, 'mqtt error'); });
  client.on('close', () => { if (!done) { console.error(`${NAME}: broker connection closed`); stop(6, 'connection closed'); } });

  const produce = async () => {
    if (started) return;
    started = true;
    watchdog = c.idleWatchdog(parseInt(args['idle-ms'], 10), () => stop(3, 'idle timeout'));
    const pending = [];
    for (let seq = 0; seq < n; seq++) {
      const p = c.tracedPublish({
        tracer, propagator, client, parentCtx: api.ROOT_CONTEXT, topic: OUT, messageId: `order-${seq}`,
        payload: { seq, orderId: `o-${seq}`, amount: 10 + (seq % 7), items: 1 + (seq % 3) },
        extraProps: { seq: String(seq) },
      }).then(() => { published++; watchdog.kick(); }, (err) => {
        failed++;
        console.error(`${NAME}: publish ${seq} failed: ${err.message}`);
      });
      pending.push(p);
    }
    await Promise.all(pending);
    maybeDone();
  };

  if (args.start === 'now') {
    console.log('ready');
    produce();
  } else {
    process.on('SIGUSR2', () => { produce(); });
    console.log('ready');
  }
}

main().catch((e) => { console.error(`${NAME}: ${e.stack || e}`); process.exit(1); });
