import CComplaintLMDB
import ComplaintLMDB
import EventLog
import Foundation
import Testing

/// Changes stored records with the raw LMDB API, as an attacker with file access would.
@Suite struct TamperTests {
    /// One field of each kind in the record layout of `Specs/log-format.md`.
    static let fields = [
        "format", "position", "streamVersion", "recordedAt", "occurredAt", "schemaVersion", "eventId", "stream",
        "streamKind", "type", "commandId", "correlationId", "causationId", "actorId", "actorRole", "metadata",
        "payload", "previousHash", "hash",
    ]

    /// The offset of a byte inside `field` of a stored record of `size` bytes.
    static func offset(of field: String, in event: RecordedEvent, size: Int) -> Int {
        // Fixed header: 1 format, 8 position, 8 version, 8 recordedAt, 8 occurredAt, 2 schema, 16 id.
        let fixed = ["format": 0, "position": 8, "streamVersion": 16, "recordedAt": 24, "occurredAt": 32,
                     "schemaVersion": 34, "eventId": 45]
        if let offset = fixed[field] { return offset }
        if field == "previousHash" { return size - 64 }
        if field == "hash" { return size - 1 }
        let strings = [("stream", event.stream), ("streamKind", event.streamKind), ("type", event.type),
                       ("commandId", event.commandID ?? ""), ("correlationId", event.correlationID ?? ""),
                       ("causationId", event.causationID ?? ""), ("actorId", event.actor.id), ("actorRole", event.actor.role)]
        var offset = 51
        for (name, value) in strings {
            if name == field { return offset + 2 }
            offset += 2 + value.utf8.count
        }
        if field == "metadata" { return offset + 4 }
        return offset + 4 + event.metadata.count + 4
    }

    static func populate(_ log: EventLog) async throws {
        for index in 0..<10 {
            _ = try await log.append(AppendRequest(commandID: "cmd-\(index)", stream: "S-\(index % 3)", kind: "test", events: [
                ProposedEvent(type: "Tampered", actor: testActor, correlationID: "corr", causationID: "cause",
                              payload: Array("payload \(index)".utf8), metadata: Array("meta \(index)".utf8)),
            ]))
        }
    }

    @Test(arguments: fields.indices)
    func changingAnyFieldOfARecordIsFoundAtItsPosition(_ field: Int) async throws {
        let target: UInt64 = 4 + UInt64(field % 5)
        try await withLog { log, _ in
            try await Self.populate(log)
            #expect(try log.verify().isIntact)
            let original = try #require(try log.event(at: target))
            let events = log.environment.database("events")
            try log.environment.write { txn in
                let key = withUnsafeBytes(of: target.bigEndian) { Array($0) }
                var record = try #require(try txn.get(in: events, key: key))
                let offset = Self.offset(of: Self.fields[field], in: original, size: record.count)
                record[offset] ^= 0x01
                try txn.put(in: events, key: key, value: record)
            }
            let report = try log.verify()
            #expect(report.firstBreak?.position == target, "field \(Self.fields[field]): \(report)")
        }
    }

    @Test func deletingARecordIsFoundAsAGap() async throws {
        try await withLog { log, _ in
            try await Self.populate(log)
            let events = log.environment.database("events")
            try log.environment.write { txn in
                _ = try txn.delete(in: events, key: withUnsafeBytes(of: UInt64(6).bigEndian) { Array($0) })
            }
            let report = try log.verify()
            #expect(report.firstBreak == .init(position: 6, reason: .missingPosition))
        }
    }

    @Test func deletingTheLastRecordIsFoundAgainstAnExportedHead() async throws {
        try await withLog { log, _ in
            try await Self.populate(log)
            let exported = try log.chainHead()
            let events = log.environment.database("events")
            try log.environment.write { txn in
                _ = try txn.delete(in: events, key: withUnsafeBytes(of: UInt64(10).bigEndian) { Array($0) })
            }
            #expect(try log.verify().isIntact)
            let report = try log.verify(through: exported.position)
            #expect(report.firstBreak == .init(position: 10, reason: .missingPosition))
        }
    }

    @Test func verifyingARangeChecksItsLinkToTheRecordBefore() async throws {
        try await withLog { log, _ in
            try await Self.populate(log)
            let full = try log.verify()
            let part = try log.verify(from: 5, through: 8)
            #expect(part.isIntact)
            #expect(part.checked == 4)
            #expect(full.lastHash == (try log.chainHead()).hash)
        }
    }
}
