import BinaryCoding
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

/// Each complaint's current state (`ComplaintState`, the fields of DOMAIN.md §3) and its stream
/// version, keyed by complaint id. The engine decides from it; queues and queries read it.
///
/// Value: `u64 BE stream version | binary document of the state`.
struct ComplaintStateProjection: Projection {
    let name = "complaints"
    let version: UInt32 = 1
    let translator: EventTranslator
    let policies: PolicyBook
    let fallbackPolicy: ServicePolicy

    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws {
        for record in events {
            if record.type == PolicyBook.eventType {
                try policies.register(record)
                continue
            }
            guard record.streamKind == StreamKind.complaint.rawValue else { continue }
            let logged = try translator.logged(record)
            let key = Array(record.stream.utf8)
            let current = try space.get(key, in: transaction).map { try Self.decode($0).state }
            let policy = policies.policy(at: logged.policyPosition) ?? fallbackPolicy
            guard let next = evolve(current, logged.decided, policy: policy) else { continue }
            try space.put(key, try Self.encode(version: record.streamVersion, state: next), in: transaction)
        }
    }

    static func encode(version: UInt64, state: ComplaintState) throws -> [UInt8] {
        withUnsafeBytes(of: version.bigEndian) { Array($0) } + (try BinaryEncoder().encode(state))
    }

    static func decode(_ bytes: [UInt8]) throws -> (version: UInt64, state: ComplaintState) {
        guard bytes.count > 8 else { throw EventLogError(.storageCorrupted, "complaint state entry is too short") }
        let version = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return (version, try BinaryDecoder().decode(ComplaintState.self, from: Array(bytes.dropFirst(8))))
    }
}
