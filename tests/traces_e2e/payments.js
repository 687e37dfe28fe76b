'use strict';
// Service `payments`: consumes shop/orders/placed; for each message a CONSUMER
// span (parent = producer context from MQTT v5 user property traceparent) and,
// inside it, two PRODUCER spans: shop/payments/settled and shop/audit/payments.
// Usage: node payments.js --broker mqtt://127.0.0.1:PORT --otlp http://127.0.0.1:PORT --n N [--idle-ms MS]
const c = require('./common');

const NAME = 'payments';
const IN = 'shop/orders/placed';
const OUT_SETTLED = 'shop/payments/settled';
const OUT_AUDIT = 'shop/audit/payments';

async function main() {
  const args = c.parseArgs(process.argv.slice(2), { broker: undefined, otlp: undefined, n: '200', 'idle-ms': '5000' });
  const n = parseInt(args.n, 10);
  const { api, provider, tracer, propagator } = c.setupTracing(NAME, args.otlp, 3 * n);
  const client = await c.connect(args.broker, `${NAME}-${process.pid}`);
  let handled = 0;
  let failed = 0;
  let done = false;
  const seen = new Set();

  const stop = (code, why) => {
    if (done) return;
    done = true;
    watchdog.stop();
    console.log(`${NAME}: ${why}: handled ${handled}/${n}` + (failed ? `, ${failed} failed` : ''));
    c.finish({ provider, client, code, name: NAME });
  };
  const watchdog = c.idleWatchdog(parseInt(args['idle-ms'], 10), () => stop(3, 'idle timeout'));

  client.on('message', (topic, payload, packet) => {
    watchdog.kick();
    if (topic !== IN) return;
    const msg = JSON.parse(payload.toString());
    if (seen.has(msg.seq)) { console.error(`${NAME}: duplicate delivery of seq ${msg.seq} ignored`); return; }
    seen.add(msg.seq);
    const userProperties = packet.properties && packet.properties.userProperties;
    const { span, ctx } = c.startConsumerSpan({ tracer, propagator, topic, messageId: `order-${msg.seq}`, userProperties });
    const common = { tracer, propagator, client, parentCtx: ctx, extraProps: { seq: String(msg.seq) } };
    Promise.all([
      c.tracedPublish(Object.assign({ topic: OUT_SETTLED, messageId: `settled-${msg.seq}`, payload: { seq: msg.seq, orderId: msg.orderId, status: 'settled' } }, common)),
      c.tracedPublish(Object.assign({ topic: OUT_AUDIT, messageId: `audit-${msg.seq}`, payload: { seq: msg.seq, orderId: msg.orderId, amount: msg.amount } }, common)),
    ]).then(() => {
      span.end();
    }, (err) => {
      failed++;
      span.setStatus({ code: api.SpanStatusCode.ERROR, message: String(err.message || err) });
      span.end();
      console.error(`${NAME}: publish failed for seq ${msg.seq}: ${err.message}`);
    }).then(() => {
      handled++;
      watchdog.kick();
      if (handled >= n) stop(failed ? 5 : 0, 'done');
    });
  });
  client.on('error', (e) => { if (done) return; console.error(`${NAME}: mqtt error: ${e.message}`); stop(6, 'mqtt error'); });
  client.on('close', () => { if (!done) { console.error(`${NAME}: broker connection closed`); stop(6, 'connection closed'); } });

  await c.subscribe(client, IN);
  console.log('ready');
}

main().catch((e) => { console.error(`${NAME}: ${e.stack || e}`); process.exit(1); });
