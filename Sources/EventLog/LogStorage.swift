import ComplaintLMDB
import Foundation

/// The log's named databases and key encodings (see `Specs/log-format.md`), and the reads and
/// writes over them that the writer and the readers share.
struct LogStorage: Sendable {
    static let formatVersion: UInt32 = 1

    /// `events`: u64 BE position → record.
    static let eventsName = "events"
    /// `streams`: stream id bytes → u64 BE last version | u64 BE last position | str16 kind.
    static let streamsName = "streams"
    /// `stream-index`: u8 id length | id | u64 BE version → u64 BE position.
    static let streamIndexName = "stream-index"
    /// `commands`: command id bytes → u64 BE first position | u64 BE event count | u64 BE recordedAt µs | fingerprint.
    static let commandsName = "commands"
    /// `meta`: ASCII key → value (`format` → u32 BE format version).
    static let metaName = "meta"

    static let databaseSpecs = [eventsName, streamsName, streamIndexName, commandsName, metaName].map { DatabaseSpec($0) }

    let events: Database
    let streams: Database
    let streamIndex: Database
    let commands: Database
    let meta: Database

    init(_ environment: Environment) {
        events = environment.database(Self.eventsName)
        streams = environment.database(Self.streamsName)
        streamIndex = environment.database(Self.streamIndexName)
        commands = environment.database(Self.commandsName)
        meta = environment.database(Self.metaName)
    }

    // MARK: Streams

    struct StreamInfo {
        var lastVersion: UInt64
        var lastPosition: UInt64
        var kind: String
    }

    func streamInfo(_ txn: borrowing some ReadableTransaction & ~Copyable, _ stream: String) throws -> StreamInfo? {
        try Array(stream.utf8).withUnsafeBytes { key in
            try txn.withValue(in: streams, key: key) { value -> StreamInfo? in
                guard let value else { return nil }
                var reader = ByteReader(value)
                do {
                    return StreamInfo(
                        lastVersion: try reader.integer(), lastPosition: try reader.integer(),
                        kind: try reader.shortString())
                } catch {
                    throw EventLogError(.storageCorrupted, "stream entry of \(stream) is malformed")
                }
            }
        }
    }

    func putStreamInfo(_ txn: borrowing WriteTransaction, _ stream: String, _ info: StreamInfo) throws {
        var writer = ByteWriter(capacity: 24 + info.kind.utf8.count)
        writer.integer(info.lastVersion)
        writer.integer(info.lastPosition)
        writer.shortString(info.kind)
        try txn.put(in: streams, key: Array(stream.utf8), value: writer.bytes)
    }

    static func indexKey(_ stream: String, _ version: UInt64) -> [UInt8] {
        var key: [UInt8] = [UInt8(stream.utf8.count)]
        key.reserveCapacity(9 + stream.utf8.count)
        key.append(contentsOf: stream.utf8)
        withUnsafeBytes(of: version.bigEndian) { key.append(contentsOf: $0) }
        return key
    }

    // MARK: Commands

    struct StoredCommand {
        var firstPosition: UInt64
        var eventCount: UInt64
        var recordedAt: Int64
        var fingerprint: [UInt8]
    }

    func command(_ txn: borrowing some ReadableTransaction & ~Copyable, _ id: String) throws -> StoredCommand? {
        try Array(id.utf8).withUnsafeBytes { key in
            try txn.withValue(in: commands, key: key) { value -> StoredCommand? in
                guard let value else { return nil }
                var reader = ByteReader(value)
                do {
                    let first: UInt64 = try reader.integer()
                    let count: UInt64 = try reader.integer()
                    let recordedAt: Int64 = try reader.integer()
                    return StoredCommand(
                        firstPosition: first, eventCount: count, recordedAt: recordedAt,
                        fingerprint: Array(try reader.raw(reader.remaining)))
                } catch {
                    throw EventLogError(.storageCorrupted, "command entry \(id) is malformed")
                }
            }
        }
    }

    func putCommand(_ txn: borrowing WriteTransaction, _ id: String, _ command: StoredCommand) throws {
        var writer = ByteWriter(capacity: 24 + command.fingerprint.count)
        writer.integer(command.firstPosition)
        writer.integer(command.eventCount)
        writer.integer(command.recordedAt)
        writer.raw(command.fingerprint)
        try txn.put(in: commands, key: Array(id.utf8), value: writer.bytes)
    }

    /// The stored result of an earlier command, as a duplicate append returns it.
    func result(of stored: StoredCommand, _ txn: borrowing some ReadableTransaction & ~Copyable) throws -> AppendResult {
        var versions: [String: UInt64] = [:]
        var hashes: [ChainHash] = []
        if stored.eventCount > 0 {
            for event in try events(txn, from: stored.firstPosition, limit: Int(stored.eventCount)) {
                versions[event.stream] = max(versions[event.stream] ?? 0, event.streamVersion)
                hashes.append(event.hash)
            }
        }
        return AppendResult(
            positions: stored.eventCount > 0 ? stored.firstPosition...(stored.firstPosition + stored.eventCount - 1) : nil,
            streamVersions: versions, isDuplicate: true, fingerprint: stored.fingerprint,
            recordedAt: Microseconds.date(stored.recordedAt), hashes: hashes)
    }

    // MARK: Events

    /// The last position and its hash (position 0 and the genesis hash for an empty log).
    func head(_ txn: borrowing some ReadableTransaction & ~Copyable) throws -> (position: UInt64, hash: ChainHash, recordedAt: Int64) {
        try txn.withCursor(on: events) { cursor in
            guard let last = try cursor.last() else { return (0, .genesis, Int64.min) }
            let event = try decode(last.value, key: last.key)
            return (event.position, event.hash, Microseconds.from(event.recordedAt))
        }
    }

    func decode(_ record: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer) throws -> RecordedEvent {
        let position = PositionKey.decode(key)
        do {
            return try RecordFormat.decode(record).event
        } catch {
            throw EventLogError(.storageCorrupted, "record at position \(position.map(String.init) ?? "?") is unreadable: \(error)", position: position)
        }
    }

    func event(_ txn: borrowing some ReadableTransaction & ~Copyable, at position: UInt64) throws -> RecordedEvent? {
        try PositionKey.bytes(position).withUnsafeBytes { key in
            try txn.withValue(in: events, key: key) { value in
                try value.map { try decode($0, key: key) }
            }
        }
    }

    /// Up to `limit` events from `position` on, in position order.
    func events(_ txn: borrowing some ReadableTransaction & ~Copyable, from position: UInt64, limit: Int) throws -> [RecordedEvent] {
        guard limit > 0 else { return [] }
        return try txn.withCursor(on: events) { cursor in
            var result: [RecordedEvent] = []
            var entry = try PositionKey.bytes(max(position, 1)).withUnsafeBytes { try cursor.seek(atLeast: $0) }
            while let current = entry, result.count < limit {
                result.append(try decode(current.value, key: current.key))
                entry = try cursor.next()
            }
            return result
        }
    }

    /// Positions of a stream's events from `version`, forwards or backwards, at most `limit`.
    func streamPositions(
        _ txn: borrowing some ReadableTransaction & ~Copyable, _ stream: String, from version: UInt64,
        backwards: Bool, limit: Int
    ) throws -> [UInt64] {
        guard limit > 0 else { return [] }
        let prefix = Self.indexKey(stream, 0).dropLast(8)
        return try txn.withCursor(on: streamIndex) { cursor in
            var positions: [UInt64] = []
            let start = Self.indexKey(stream, version)
            var entry = try start.withUnsafeBytes { try cursor.seek(atLeast: $0) }
            if backwards {
                // Land on the greatest key ≤ start.
                if let current = entry {
                    if !current.key.elementsEqual(start) { entry = try cursor.previous() }
                } else {
                    entry = try cursor.last()
                }
            }
            while let current = entry, positions.count < limit, current.key.starts(with: prefix),
                  current.key.count == prefix.count + 8 {
                guard let position = PositionKey.decode(current.value) else {
                    throw EventLogError(.storageCorrupted, "stream index entry of \(stream) is malformed")
                }
                positions.append(position)
                entry = backwards ? try cursor.previous() : try cursor.next()
            }
            return positions
        }
    }
}
