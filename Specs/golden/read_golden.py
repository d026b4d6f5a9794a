#!/usr/bin/env python3
"""An independent reader of the golden event payloads, written from ../event-encoding.md alone.

Usage: read_golden.py [DIR]            check every *.b64 file in DIR (default: this script's directory)
       read_golden.py --json [DIR]     also print each payload as JSON (timestamps as {"$ts": micros})

Checks per file: the 0xB1 marker, exactly one value and no bytes after it, known tags, lengths inside
the document, valid UTF-8, map keys strictly ascending by bytes (so unique), varints of at most 10
bytes, nesting of at most 256, and that re-encoding the value gives the same bytes (the encoding is
canonical). Exits 1 with a message on the first problem. Standard library only.
"""
import base64
import json
import os
import struct
import sys


class Malformed(Exception):
    pass


class Timestamp(int):
    pass


class Unsigned(int):
    pass


def read_varint(data, offset):
    value = 0
    for index in range(10):
        if offset >= len(data):
            raise Malformed("varint runs past the end")
        byte = data[offset]
        offset += 1
        value |= (byte & 0x7F) << (7 * index)
        if not byte & 0x80:
            if value >= 1 << 64:
                raise Malformed("varint above 64 bits")
            return value, offset
    raise Malformed("varint longer than 10 bytes")


def unzigzag(n):
    return (n >> 1) ^ -(n & 1)


def take(data, offset, count):
    if count > len(data) - offset:
        raise Malformed("length %d runs past the end at offset %d" % (count, offset))
    return data[offset:offset + count], offset + count


def read_value(data, offset, depth):
    if depth > 256:
        raise Malformed("nesting deeper than 256")
    tag, offset = take(data, offset, 1)
    tag = tag[0]
    if tag == 0:
        return None, offset
    if tag in (1, 2):
        return tag == 2, offset
    if tag == 3:
        n, offset = read_varint(data, offset)
        return unzigzag(n), offset
    if tag == 4:
        n, offset = read_varint(data, offset)
        return Unsigned(n), offset
    if tag == 5:
        raw, offset = take(data, offset, 8)
        return struct.unpack(">d", raw)[0], offset
    if tag in (6, 7):
        n, offset = read_varint(data, offset)
        raw, offset = take(data, offset, n)
        if tag == 7:
            return bytes(raw), offset
        try:
            return raw.decode("utf-8"), offset
        except UnicodeDecodeError:
            raise Malformed("invalid UTF-8 at offset %d" % offset)
    if tag == 8:
        n, offset = read_varint(data, offset)
        return Timestamp(unzigzag(n)), offset
    if tag == 9:
        count, offset = read_varint(data, offset)
        items = []
        for _ in range(count):
            item, offset = read_value(data, offset, depth + 1)
            items.append(item)
        return items, offset
    if tag == 10:
        count, offset = read_varint(data, offset)
        fields = {}
        previous = None
        for _ in range(count):
            length, offset = read_varint(data, offset)
            key, offset = take(data, offset, length)
            if previous is not None and key <= previous:
                raise Malformed("map key %r not after %r (keys must ascend by bytes)" % (key, previous))
            previous = key
            try:
                name = key.decode("utf-8")
            except UnicodeDecodeError:
                raise Malformed("invalid UTF-8 in a key")
            fields[name], offset = read_value(data, offset, depth + 1)
        return fields, offset
    raise Malformed("unknown tag %d at offset %d" % (tag, offset - 1))


def write_varint(n, out):
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return


def zigzag(n):
    return ((n << 1) ^ (n >> 63)) & 0xFFFFFFFFFFFFFFFF


def write_value(value, out):
    if value is None:
        out.append(0)
    elif value is True or value is False:
        out.append(2 if value else 1)
    elif isinstance(value, Timestamp):
        out.append(8)
        write_varint(zigzag(value), out)
    elif isinstance(value, Unsigned):
        out.append(4)
        write_varint(value, out)
    elif isinstance(value, int):
        out.append(3)
        write_varint(zigzag(value), out)
    elif isinstance(value, float):
        out.append(5)
        out += struct.pack(">d", value)
    elif isinstance(value, str):
        raw = value.encode("utf-8")
        out.append(6)
        write_varint(len(raw), out)
        out += raw
    elif isinstance(value, bytes):
        out.append(7)
        write_varint(len(value), out)
        out += value
    elif isinstance(value, list):
        out.append(9)
        write_varint(len(value), out)
        for item in value:
            write_value(item, out)
    elif isinstance(value, dict):
        out.append(10)
        write_varint(len(value), out)
        for key in sorted(value, key=lambda k: k.encode("utf-8")):
            raw = key.encode("utf-8")
            write_varint(len(raw), out)
            out += raw
            write_value(value[key], out)
    else:
        raise TypeError(type(value))


def read_document(data):
    if len(data) < 1 or data[0] != 0xB1:
        raise Malformed("not a binary document (marker 0xB1 missing)")
    value, offset = read_value(data, 1, 0)
    if offset != len(data):
        raise Malformed("%d bytes after the value" % (len(data) - offset))
    return value


def to_json(value):
    if isinstance(value, Timestamp):
        return {"$ts": int(value)}
    if isinstance(value, bytes):
        return {"$bytes": value.hex()}
    if isinstance(value, list):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    return value


def main(argv):
    show = "--json" in argv
    rest = [arg for arg in argv if arg != "--json"]
    directory = rest[0] if rest else os.path.dirname(os.path.abspath(__file__))
    names = sorted(name for name in os.listdir(directory) if name.endswith(".b64"))
    if not names:
        print("no .b64 files in %s" % directory, file=sys.stderr)
        return 1
    for name in names:
        with open(os.path.join(directory, name), "rb") as handle:
            data = base64.b64decode(handle.read().strip(), validate=True)
        try:
            value = read_document(data)
        except Malformed as problem:
            print("%s: %s" % (name, problem), file=sys.stderr)
            return 1
        if not isinstance(value, dict):
            print("%s: an event payload is a map" % name, file=sys.stderr)
            return 1
        again = bytearray([0xB1])
        write_value(value, again)
        if bytes(again) != data:
            print("%s: re-encoding gives other bytes (not canonical)" % name, file=sys.stderr)
            return 1
        if show:
            print(name, json.dumps(to_json(value), ensure_ascii=False, sort_keys=True))
    print("%d golden payloads read" % len(names))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
