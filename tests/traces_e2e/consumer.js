'use strict';
// A consuming service: `warehouse` (shop/orders/placed, dropping exactly the
// messages whose seq % 20 is 0, 1 or 2 (15%) WITHOUT any span) or `ledger`
// (shop/payments/settled, every message). For each processed message a CONSUMER
// span whose parent is the producer context from the MQTT v5 user properties.
// Usage: node consumer.js --name warehouse|ledger --broker mqtt://127.0.0.1:PORT --otlp http://127.0.0.1:PORT --n N [--idle-ms MS]
const c = require('./common');

const SERVICES = {
  warehouse: { topic: 'shop/orders/placed', drops: c.warehouseDrops, id: (seq) => `order-${seq}` },
  ledger: { topic: 'shop/payments/settled', drops: () => false, id: (seq) => `settled-${seq}` },
};

async function main() {
  const args = c.parseArgs(process.argv.slice(2), { name: undefined, broker: undefined, otlp: undefined, n: '200', 'idle-ms': '5000' });
  const NAME = args.name;
  const service = SERVICES[NAME];
  if (!service) throw new Error(`unknown consumer --name ${NAME} (warehouse or ledger)`);
  const IN = service.topic;
  const n = parseInt(args.n, 10);
  const { provider, tracer, propagator } = c.setupTracing(NAME, args.otlp, n);
  const client = await c.connect(args.broker, `${NAME}-${process.pid}`);
  let received = 0;
  let processed = 0;
  let done = false;
  const seen = new Set();

  const stop = (code, why) => {
    if (done) return;
    done = true;
    watchdog.stop();
    console.log(`${NAME}: ${why}: received ${received}/${n}, processed ${processed}, dropped ${received - processed}`);
    c.finish({ provider, client, code, name: NAME });
  };
  const watchdog = c.idleWatchdog(parseInt(args['idle-ms'], 10), () => stop(3, 'idle timeout'));

  client.on('message', (topic, payload, packet) => {
    watchdog.kick();
    if (topic !== IN) return;
    const msg = JSON.parse(payload.toString());
    if (seen.has(msg.seq)) { console.error(`${NAME}: duplicate delivery of seq ${msg.seq} ignored`); return; }
    seen.add(msg.seq);
    received++;
    if (!service.drops(msg.seq)) {
      const userProperties = packet.properties && packet.properties.userProperties;
      const { span } = c.startConsumerSpan({ tracer, propagator, topic, messageId: service.id(msg.seq), userProperties });
      span.end();
      processed++;
    }
    if (received >= n) stop(0, 'done');
  });
  client.on('error', (e) => { if (done) return; console.error(`${NAME}: mqtt error: ${e.message}`); stop(6, 'mqtt error'); });
  client.on('close', () => { if (!done) { console.error(`${NAME}: broker connection closed`); stop(6, 'connection closed'); } });

  await c.subscribe(client, IN);
  console.log('ready');
}

main().catch((e) => { console.error(`consumer: ${e.stack || e}`); process.exit(1); });
