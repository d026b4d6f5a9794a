"""Independent reader/verifier for the event log, written from Specs/log-format.md alone.

Usage: verify_log.py STORE_DIR [--through P] [--dump] [--stream ID]

Opens the LMDB store read-only (the writer may be running), reads `events` in one read
transaction and checks the hash chain as the document's "Verifying a log" section says.
Prints `intact N HEADPOSITION:HEADHASHHEX` (exit 0) or `broken POSITION REASON` (exit 1);
exit 2 on usage errors or an unopenable store. --through P checks positions 1..P only;
--dump prints each verified event as JSON first; --stream ID prints that stream's positions
(from `stream-index`). An empty log is reported as `intact 0 0:` + 64 zeros.
"""
import hashlib, json, struct, sys, uuid

import lmdb

ZERO = bytes(32)


class Unreadable(Exception):
    """The record does not decode as format 1."""


def decode(rec):
    """Decode one `events` value into a dict, or raise Unreadable."""
    try:
        if len(rec) < 51 or rec[0] != 1:
            raise Unreadable  # unknown format bytes must be rejected
        pos, ver, rec_at, occ_at, schema = struct.unpack_from(">QQqqH", rec, 1)
        off, fields = 51, []
        for width in (2,) * 8 + (4,) * 2:  # eight str16, then metadata and payload bytes32
            (n,) = struct.unpack_from(">H" if width == 2 else ">I", rec, off)
            if off + width + n > len(rec):
                raise Unreadable
            fields.append(rec[off + width:off + width + n])
            off += width + n
        strs = [f.decode("utf-8") for f in fields[:8]]
        blobs = fields[8:]
    except (struct.error, UnicodeDecodeError):
        raise Unreadable
    if len(rec) - off != 64:
        raise Unreadable
    stream, kind, etype, cmd, corr, caus, actor_id, actor_role = strs
    return {
        "position": pos, "stream": stream, "streamKind": kind, "streamVersion": ver,
        "type": etype, "schemaVersion": schema, "eventId": str(uuid.UUID(bytes=rec[35:51])),
        "commandId": cmd or None, "correlationId": corr or None, "causationId": caus or None,
        "actor": {"id": actor_id, "role": actor_role},
        "recordedAt": rec_at, "occurredAt": occ_at,
        "payloadHex": blobs[1].hex(), "metadataHex": blobs[0].hex(),
        "previousHash": rec[off:off + 32].hex(), "hash": rec[off + 32:].hex(),
        "_body": rec[:off], "_prev": rec[off:off + 32], "_hash": rec[off + 32:],
    }


def verify(txn, events, through, dump):
    """Return (ok, summary_line)."""
    expected, prev_hash, prev_rec_at = 1, ZERO, None
    cur = txn.cursor(db=events)
    started = cur.set_range(struct.pack(">Q", 1))  # "in key order from position 1"
    for key, rec in cur.iternext() if started else ():
        if through is not None and expected > through:
            break
        if len(key) != 8:
            return False, f"broken {expected} unreadable"
        (pos,) = struct.unpack(">Q", key)
        if pos != expected:
            return False, f"broken {expected} missing"
        try:
            ev = decode(rec)
        except Unreadable:
            return False, f"broken {pos} unreadable"
        if hashlib.sha256(ev["_prev"] + ev["_body"]).digest() != ev["_hash"]:
            return False, f"broken {pos} hash-mismatch"
        if ev["_prev"] != prev_hash:
            return False, f"broken {pos} broken-link"
        if ev["position"] != pos:
            return False, f"broken {pos} position-mismatch"
        if prev_rec_at is not None and ev["recordedAt"] < prev_rec_at:
            return False, f"broken {pos} recorded-at-decreased"
        if dump:
            print(json.dumps({k: v for k, v in ev.items() if not k.startswith("_")}))
        prev_hash, prev_rec_at, expected = ev["_hash"], ev["recordedAt"], expected + 1
    if through is not None and expected <= through:
        return False, f"broken {expected} missing"
    return True, f"intact {expected - 1} {expected - 1}:{prev_hash.hex()}"


def stream_positions(txn, index, stream_id):
    sid = stream_id.encode("utf-8")
    if not 1 <= len(sid) <= 255:
        return []
    prefix = bytes([len(sid)]) + sid
    out, cur = [], txn.cursor(db=index)
    if cur.set_range(prefix + struct.pack(">Q", 0)):
        for key, value in cur:
            if not key.startswith(prefix):
                break
            if len(key) == len(prefix) + 8:
                out.append(struct.unpack(">Q", value)[0])
    return out


def usage(msg):
    print(f"verify_log.py: {msg}\nusage: verify_log.py STORE_DIR [--through P] [--dump] [--stream ID]",
          file=sys.stderr)
    sys.exit(2)


def main(argv):
    path, through, dump, stream = None, None, False, None
    args = iter(argv)
    for a in args:
        if a == "--dump":
            dump = True
        elif a in ("--through", "--stream"):
            v = next(args, None)
            if v is None:
                usage(f"{a} needs a value")
            if a == "--stream":
                stream = v
            elif not v.isdigit():
                usage("--through needs a non-negative integer")
            else:
                through = int(v)
        elif a.startswith("-") or path is not None:
            usage(f"unexpected argument {a!r}")
        else:
            path = a
    if path is None:
        usage("missing STORE_DIR")
    try:
        env = lmdb.open(path, readonly=True, lock=True, max_dbs=64, subdir=True, create=False)
        for attempt in range(5):
            try:
                txn = env.begin()
                break
            except lmdb.MapResizedError:  # the writer grew the map: adopt its size, retry
                env.set_mapsize(0)
        else:
            raise lmdb.Error("map keeps resizing")
        events = env.open_db(b"events", txn=txn, create=False)
        meta = env.open_db(b"meta", txn=txn, create=False)
        fmt = txn.get(b"format", db=meta)
        if fmt is None or len(fmt) != 4 or struct.unpack(">I", fmt)[0] != 1:
            raise lmdb.Error(f"unknown or missing format version {bytes(fmt or b'').hex()}")
        index = env.open_db(b"stream-index", txn=txn, create=False) if stream is not None else None
    except lmdb.Error as e:
        print(f"verify_log.py: cannot open store {path}: {e}", file=sys.stderr)
        sys.exit(2)
    with txn:
        ok, summary = verify(txn, events, through, dump)
        if stream is not None:
            print(json.dumps(stream_positions(txn, index, stream)))
    print(summary)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
