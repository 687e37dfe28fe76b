#!/usr/bin/env python3
"""Writes a large AsyncAPI 3.0 document for the loader benchmark.

usage: generate_asyncapi.py OUT_FILE --megabytes N [--json]

Channels, each with one message whose payload has a dozen typed properties (a $ref to a
shared schema among them), and one operation per channel, until the file reaches N MB.
YAML in block style, or with --json the same document as JSON indented by two spaces.
"""
import argparse
import json
import textwrap

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--megabytes", type=float, default=50)
parser.add_argument("--json", action="store_true")
args = parser.parse_args()
limit = int(args.megabytes * 1024 * 1024)


def json_document():
    """The YAML document's content as JSON, written channel by channel to stay under the size."""
    def typed(t, **more):
        return dict(type=t, **more)
    chunks, size, i = [], 0, 0
    operations = []
    while size < limit:
        payload = {"type": "object", "required": ["id", "envelope"], "properties": {
            "envelope": {"$ref": "#/components/schemas/Envelope"},
            "id": typed("string", maxLength=64), "amount": typed("number", minimum=0),
            "currency": typed("string", enum=["EUR", "USD", "GBP"]), "quantity": typed("integer"),
            "note": typed("string"), "tags": typed("array", items=typed("string")),
            "status": typed("string", enum=["new", "open", "closed"]), "owner": typed("string"),
            "region": typed("string"), "priority": typed("integer", minimum=1, maximum=5)}}
        channel = {"address": f"domain{i % 97}.entity{i}.changed", "messages": {f"Changed{i}": {
            "name": f"Changed{i}", "contentType": "application/json", "payload": payload}}}
        operation = {"action": "send" if i % 2 else "receive", "channel": {"$ref": f"#/channels/ch{i}"}}
        text = textwrap.indent(json.dumps({f"ch{i}": channel}, indent=2)[2:-2], "  ")
        op = textwrap.indent(json.dumps({f"op{i}": operation}, indent=2)[2:-2], "  ")
        chunks.append(text)
        operations.append(op)
        size += len(text) + len(op) + 4
        i += 1
    head = json.dumps({"asyncapi": "3.0.0", "info": {"title": "Generated", "version": "1.0.0"},
                       "components": {"schemas": {"Envelope": {"type": "object", "properties": {
                           "eventId": {"type": "string", "format": "uuid"},
                           "occurredAt": {"type": "string", "format": "date-time"}}}}}}, indent=2)[:-2]
    return head + ',\n  "channels": {\n' + ",\n".join(chunks) + '\n  },\n  "operations": {\n' + \
        ",\n".join(operations) + "\n  }\n}\n", i


if args.json:
    text, count = json_document()
    with open(args.out, "w") as out:
        out.write(text)
    print(f"{args.out}: {count} channels, {len(text) / 1024 / 1024:.1f} MB")
    raise SystemExit(0)

header = """asyncapi: 3.0.0
info:
  title: Generated
  version: 1.0.0
components:
  schemas:
    Envelope:
      type: object
      properties:
        eventId: {type: string, format: uuid}
        occurredAt: {type: string, format: date-time}
channels:
"""
channel = """  ch{i}:
    address: domain{d}.entity{i}.changed
    messages:
      Changed{i}:
        name: Changed{i}
        contentType: application/json
        payload:
          type: object
          required: [id, envelope]
          properties:
            envelope: {{$ref: '#/components/schemas/Envelope'}}
            id: {{type: string, maxLength: 64}}
            amount: {{type: number, minimum: 0}}
            currency: {{type: string, enum: [EUR, USD, GBP]}}
            quantity: {{type: integer}}
            note: {{type: string}}
            tags: {{type: array, items: {{type: string}}}}
            status: {{type: string, enum: [new, open, closed]}}
            owner: {{type: string}}
            region: {{type: string}}
            priority: {{type: integer, minimum: 1, maximum: 5}}
"""
operation = """  op{i}:
    action: {action}
    channel: {{$ref: '#/channels/ch{i}'}}
"""
channels, operations = [], []
size, i = len(header) + len("operations:\n"), 0
while size < limit:
    c = channel.format(i=i, d=i % 97)
    o = operation.format(i=i, action="send" if i % 2 else "receive")
    channels.append(c)
    operations.append(o)
    size += len(c) + len(o)
    i += 1
with open(args.out, "w") as out:
    out.write(header)
    out.writelines(channels)
    out.write("operations:\n")
    out.writelines(operations)
print(f"{args.out}: {i} channels, {size / 1024 / 1024:.1f} MB")
