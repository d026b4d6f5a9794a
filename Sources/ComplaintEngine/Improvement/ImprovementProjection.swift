import BinaryCoding
import ComplaintLMDB
import ComplaintWorkflow
import EventLog

/// Each improvement cycle's state (``ImprovementState``, DOMAIN.md §7) and stream version, keyed by
/// cycle id, and an index of the cycles by status. Built with `evolveImprovement` from the events
/// of `improvement` streams only.
///
/// Keys: `'s' | cycle id` → `u64 BE stream version | binary document of the state`;
/// `'x' | status | 0x00 | cycle id` → empty (one entry per cycle, under its current status).
struct ImprovementProjection: Projection {
    let name = "improvements"
    let version: UInt32 = 1
    let translator: EventTranslator

    static let statePrefix = UInt8(ascii: "s")
    static let indexPrefix = UInt8(ascii: "x")

    static func stateKey(_ id: String) -> [UInt8] { [statePrefix] + Array(id.utf8) }

    static func indexPrefix(_ status: ImprovementStatus) -> [UInt8] { [indexPrefix] + Array(status.rawValue.utf8) + [0] }

    static func indexKey(_ status: ImprovementStatus, _ id: String) -> [UInt8] { indexPrefix(status) + Array(id.utf8) }

    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws {
        for record in events where record.streamKind == StreamKind.improvement.rawValue {
            let logged = try translator.logged(record)
            let key = Self.stateKey(record.stream)
            let current = try space.get(key, in: transaction).map { try Self.decode($0).state }
            guard let next = evolveImprovement(current, logged.decided) else { continue }
            try space.put(key, try Self.encode(version: record.streamVersion, state: next), in: transaction)
            if current?.status != next.status {
                if let current { try space.delete(Self.indexKey(current.status, record.stream), in: transaction) }
                try space.put(Self.indexKey(next.status, record.stream), [], in: transaction)
            }
        }
    }

    static func encode(version: UInt64, state: ImprovementState) throws -> [UInt8] {
        withUnsafeBytes(of: version.bigEndian) { Array($0) } + (try BinaryEncoder().encode(state))
    }

    static func decode(_ bytes: [UInt8]) throws -> (version: UInt64, state: ImprovementState) {
        guard bytes.count > 8 else { throw EventLogError(.storageCorrupted, "improvement state entry is too short") }
        let version = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return (version, try BinaryDecoder().decode(ImprovementState.self, from: Array(bytes.dropFirst(8))))
    }
}
