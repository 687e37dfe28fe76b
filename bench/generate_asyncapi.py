#!/usr/bin/env python3
"""Writes a large AsyncAPI 3.0 document for the loader benchmark.

usage: generate_asyncapi.py OUT_FILE --megabytes N

Channels, each with one message whose payload has a dozen typed properties (a $ref to a
shared schema among them), and one operation per channel, until the file reaches N MB.
"""
import argparse

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--megabytes", type=float, default=50)
args = parser.parse_args()
limit = int(args.megabytes * 1024 * 1024)

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
