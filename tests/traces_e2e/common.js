'use strict';
// Shared helpers for the traces_e2e services: argument parsing, module
// loading from the project-local tool folder, OpenTelemetry SDK setup,
// W3C trace-context injection/extraction in MQTT v5 user properties.
const path = require('path');
const Module = require('module');

// Packages live in <repo>/.tools/node/node_modules (or $TRACES_E2E_NODE_MODULES).
const NODE_MODULES = process.env.TRACES_E2E_NODE_MODULES ||
  path.resolve(__dirname, '..', '..', '.tools', 'node', 'node_modules');
const toolRequire = Module.createRequire(path.join(NODE_MODULES, 'index.js'));
function need(name) {
  try {
    return toolRequire(name);
  } catch (e) {
    console.error(`traces_e2e: cannot load npm package '${name}' from ${NODE_MODULES}: ${e.message}`);
    console.error('traces_e2e: run scripts/install-deps.sh first');
    process.exit(10);
  }
}

const api = need('@opentelemetry/api');
const { W3CTraceContextPropagator } = need('@opentelemetry/core');
const { resourceFromAttributes, defaultResource } = need('@opentelemetry/resources');
const { NodeTracerProvider } = need('@opentelemetry/sdk-trace-node');
const { BatchSpanProcessor, AlwaysOnSampler } = need('@opentelemetry/sdk-trace-base');
const { OTLPTraceExporter } = need('@opentelemetry/exporter-trace-otlp-http');
const mqtt = need('mqtt');

// --key value arguments
function parseArgs(argv, defaults) {
  const out = Object.assign({}, defaults);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const k = a.slice(2);
    const v = argv[++i];
    if (v === undefined) throw new Error(`missing value for ${a}`);
    out[k] = v;
  }
  for (const [k, v] of Object.entries(out)) {
    if (v === undefined) throw new Error(`missing required --${k}`);
  }
  return out;
}

function setupTracing(serviceName, otlpBase, expectedSpans) {
  api.diag.setLogger(new api.DiagConsoleLogger(), api.DiagLogLevel.WARN);
  const exporter = new OTLPTraceExporter({
    url: otlpBase.replace(/\/$/, '') + '/v1/traces',
    // JSON is this exporter's encoding; no compression so the receiver sees plain JSON.
    compression: 'none',
  });
  const provider = new NodeTracerProvider({
    // telemetry.sdk.* from the SDK's default resource, service.name per service.
    resource: defaultResource().merge(resourceFromAttributes({ 'service.name': serviceName })),
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new BatchSpanProcessor(exporter, {
      // Large enough queue that no span is ever dropped in a run.
      maxQueueSize: Math.max(2048, 2 * (expectedSpans || 0) + 256),
      maxExportBatchSize: 512,
      scheduledDelayMillis: 500,
    })],
  });
  const propagator = new W3CTraceContextPropagator();
  provider.register({ propagator });
  const tracer = provider.getTracer('traces_e2e/' + serviceName, '1.0.0');
  return { api, provider, tracer, propagator };
}

// MQTT v5 user properties carrier (values may arrive as string or string[]).
const setter = { set(carrier, key, value) { carrier[key] = value; } };
const getter = {
  keys(carrier) { return carrier ? Object.keys(carrier) : []; },
  get(carrier, key) {
    if (!carrier) return undefined;
    const v = carrier[key];
    return Array.isArray(v) ? v[0] : v;
  },
};

function inject(propagator, ctx, userProperties) {
  propagator.inject(ctx, userProperties, setter);
  return userProperties;
}
function extract(propagator, userProperties) {
  return propagator.extract(api.ROOT_CONTEXT, userProperties || {}, getter);
}

// Attributes per the current OTel messaging semantic conventions.
function producerAttrs(topic, messageId) {
  return {
    'messaging.system': 'mqtt',
    'messaging.destination.name': topic,
    'messaging.operation.type': 'send',
    'messaging.operation.name': 'publish',
    'messaging.message.id': messageId,
  };
}
function consumerAttrs(topic, messageId) {
  return {
    'messaging.system': 'mqtt',
    'messaging.destination.name': topic,
    'messaging.operation.type': 'process',
    'messaging.operation.name': 'process',
    'messaging.message.id': messageId,
  };
}

// Publish one QoS 1 message inside its own PRODUCER span (child of parentCtx);
// the span ends when the broker acknowledges (PUBACK).
function tracedPublish({ tracer, propagator, client, parentCtx, topic, messageId, payload, extraProps }) {
  const span = tracer.startSpan('send ' + topic, {
    kind: api.SpanKind.PRODUCER,
    attributes: producerAttrs(topic, messageId),
  }, parentCtx);
  const userProperties = Object.assign({}, extraProps || {});
  inject(propagator, api.trace.setSpan(parentCtx, span), userProperties);
  return new Promise((resolve, reject) => {
    client.publish(topic, JSON.stringify(payload), { qos: 1, properties: { userProperties } }, (err) => {
      if (err) {
        span.recordException(err);
        span.setStatus({ code: api.SpanStatusCode.ERROR, message: String(err.message || err) });
        span.end();
        reject(err);
      } else {
        span.end();
        resolve();
      }
    });
  });
}

function startConsumerSpan({ tracer, propagator, topic, messageId, userProperties }) {
  const parentCtx = extract(propagator, userProperties);
  const span = tracer.startSpan('process ' + topic, {
    kind: api.SpanKind.CONSUMER,
    attributes: consumerAttrs(topic, messageId),
  }, parentCtx);
  return { span, ctx: api.trace.setSpan(parentCtx, span) };
}

function connect(brokerUrl, clientId) {
  return new Promise((resolve, reject) => {
    const client = mqtt.connect(brokerUrl, {
      protocolVersion: 5,
      clientId,
      clean: true,
      reconnectPeriod: 0, // a lost connection must fail the run, not silently retry
      connectTimeout: 5000,
    });
    client.once('connect', () => resolve(client));
    client.once('error', reject);
    client.once('close', () => reject(new Error('connection closed before CONNACK')));
  });
}

function subscribe(client, topic) {
  return new Promise((resolve, reject) => {
    client.subscribe(topic, { qos: 1 }, (err, granted) => {
      if (err) return reject(err);
      const g = granted && granted[0];
      if (!g || g.qos > 2) return reject(new Error(`subscription to ${topic} refused: ${JSON.stringify(granted)}`));
      resolve();
    });
  });
}

function endClient(client) {
  return new Promise((resolve) => client.end(false, {}, () => resolve()));
}

// Sequence numbers whose seq % 20 is 0, 1 or 2 are dropped by warehouse (15%).
function warehouseDrops(seq) { return seq % 20 < 3; }

// Exit helper: flush + shut down the SDK, close MQTT, then exit.
async function finish({ provider, client, code, name }) {
  // Let the PUBACK of a message just handled be written before DISCONNECT.
  await new Promise((r) => setTimeout(r, 50));
  try { if (client) await endClient(client); } catch (e) { console.error(`${name}: mqtt end: ${e.message}`); }
  try {
    await provider.forceFlush();
    await provider.shutdown();
  } catch (e) {
    console.error(`${name}: OpenTelemetry shutdown failed: ${e.message}`);
    code = code || 4;
  }
  process.exit(code);
}

// Idle watchdog: calls onIdle when no activity was reported for ms
// (firstMs, default 30 s, until the first activity: slow start-ups are not idleness).
function idleWatchdog(ms, onIdle, firstMs) {
  let t = setTimeout(onIdle, firstMs || Math.max(ms, 30000));
  const kick = () => { clearTimeout(t); t = setTimeout(onIdle, ms); };
  return { kick, stop: () => clearTimeout(t) };
}

module.exports = {
  api, parseArgs, setupTracing, tracedPublish, startConsumerSpan, connect, subscribe,
  warehouseDrops, finish, idleWatchdog,
};
