import Foundation

/// The byte layout of one stored record (format version 1). `Specs/log-format.md` documents it
/// for readers in other languages; keep the two in step.
///
/// ```
/// body  = u8 format(=1) | u64 position | u64 streamVersion | i64 recordedAt µs | i64 occurredAt µs
///       | u16 schemaVersion | 16 bytes event id
///       | str16 stream | str16 streamKind | str16 type | str16 commandId | str16 correlationId
///       | str16 causationId | str16 actorId | str16 actorRole | bytes32 metadata | bytes32 payload
/// record = body | 32 bytes previousHash | 32 bytes hash,   hash = SHA-256(previousHash | body)
/// ```
/// Integers are big-endian; `str16` is a u16 length then UTF-8; `bytes32` a u32 length then bytes;
/// absent optional ids are empty strings.
enum RecordFormat {
    static let version: UInt8 = 1
    static let trailerBytes = 64

    /// The fields the log assigns to a proposed event.
    struct Assigned {
        var position: UInt64
        var stream: String
        var streamKind: String
        var streamVersion: UInt64
        var commandID: String
        var recordedAt: Int64
        var occurredAt: Int64
    }

    /// Encodes the canonical body (everything the hash covers except the previous hash).
    static func body(_ event: ProposedEvent, _ assigned: Assigned) -> [UInt8] {
        // The exact record size: fixed fields, eight length-prefixed strings, two byte fields, two hashes.
        let strings = assigned.stream.utf8.count + assigned.streamKind.utf8.count + event.type.utf8.count
            + assigned.commandID.utf8.count + (event.correlationID?.utf8.count ?? 0) + (event.causationID?.utf8.count ?? 0)
            + event.actor.id.utf8.count + event.actor.role.utf8.count
        var writer = ByteWriter(capacity: 51 + 16 + strings + 8 + event.metadata.count + event.payload.count + trailerBytes)
        writer.integer(version)
        writer.integer(assigned.position)
        writer.integer(assigned.streamVersion)
        writer.integer(assigned.recordedAt)
        writer.integer(assigned.occurredAt)
        writer.integer(event.schemaVersion)
        let id = event.id.uuid
        withUnsafeBytes(of: id) { writer.bytes.append(contentsOf: $0) }
        writer.shortString(assigned.stream)
        writer.shortString(assigned.streamKind)
        writer.shortString(event.type)
        writer.shortString(assigned.commandID)
        writer.shortString(event.correlationID ?? "")
        writer.shortString(event.causationID ?? "")
        writer.shortString(event.actor.id)
        writer.shortString(event.actor.role)
        writer.longBytes(event.metadata)
        writer.longBytes(event.payload)
        return writer.bytes
    }

    /// Why a stored record could not be read.
    struct Malformed: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }

    /// Decodes a stored record and reports where its body ends (for re-hashing).
    static func decode(_ record: UnsafeRawBufferPointer) throws(Malformed) -> (event: RecordedEvent, bodyLength: Int) {
        guard record.count > trailerBytes else { throw Malformed(reason: "record of \(record.count) bytes is too short") }
        let bodyLength = record.count - trailerBytes
        var reader = ByteReader(UnsafeRawBufferPointer(rebasing: record[0..<bodyLength]))
        do {
            let format = try reader.integer(UInt8.self)
            guard format == version else { throw Malformed(reason: "unknown record format \(format)") }
            let position = try reader.integer(UInt64.self)
            let streamVersion = try reader.integer(UInt64.self)
            let recordedAt = try reader.integer(Int64.self)
            let occurredAt = try reader.integer(Int64.self)
            let schemaVersion = try reader.integer(UInt16.self)
            let idBytes = try reader.raw(16)
            let id = UUID(uuid: (idBytes[0], idBytes[1], idBytes[2], idBytes[3], idBytes[4], idBytes[5], idBytes[6],
                                 idBytes[7], idBytes[8], idBytes[9], idBytes[10], idBytes[11], idBytes[12], idBytes[13],
                                 idBytes[14], idBytes[15]))
            let stream = try reader.shortString()
            let kind = try reader.shortString()
            let type = try reader.shortString()
            let commandID = try reader.shortString()
            let correlationID = try reader.shortString()
            let causationID = try reader.shortString()
            let actorID = try reader.shortString()
            let actorRole = try reader.shortString()
            let metadata = try reader.longBytes()
            let payload = try reader.longBytes()
            guard reader.remaining == 0 else { throw Malformed(reason: "\(reader.remaining) unexpected bytes after the payload") }
            let previous = ChainHash(bytes: Array(record[bodyLength..<bodyLength + 32]))
            let hash = ChainHash(bytes: Array(record[(bodyLength + 32)...]))
            let event = RecordedEvent(
                position: position, stream: stream, streamKind: kind, streamVersion: streamVersion, type: type,
                schemaVersion: schemaVersion, id: id, commandID: commandID.isEmpty ? nil : commandID,
                correlationID: correlationID.isEmpty ? nil : correlationID,
                causationID: causationID.isEmpty ? nil : causationID,
                actor: EventActor(id: actorID, role: actorRole),
                recordedAt: Microseconds.date(recordedAt), occurredAt: Microseconds.date(occurredAt),
                payload: payload, metadata: metadata, previousHash: previous, hash: hash)
            return (event, bodyLength)
        } catch is ByteReader.Truncated {
            throw Malformed(reason: "record is truncated")
        } catch let error as Malformed {
            throw error
        } catch {
            throw Malformed(reason: "\(error)")
        }
    }
}
