import BinaryCoding
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

/// Each complaint's current state (`ComplaintState`, the fields of DOMAIN.md §3) and its stream
/// version, keyed by complaint id. The engine decides from it; queues and queries read it.
///
/// Value: `u64 BE stream version | binary document of the state`.
///
/// The same apply keeps the work queues (``QueueIndex``) and the due-timer index
/// (``DueTimerIndex``) in step with the states. Their keys start with `0xFF`, which no complaint
/// id (UTF-8) can start with: a scan for states must skip them (``isStateKey(_:)``). Both indexes
/// follow the latest logged policy (its position under `FF 'p'`); a `PolicyActivated` with another
/// calendar re-indexes every complaint, so the indexes always match the policy the engine fires
/// timers with, and a rebuild reaches the same bytes.
struct ComplaintStateProjection: Projection {
    let name = "complaints"
    let version: UInt32 = 2
    let translator: EventTranslator
    let policies: PolicyBook
    let fallbackPolicy: ServicePolicy
    /// Testing only (``EngineConfiguration/faults``).
    var faults: WorkflowFaults = []

    static let indexPolicyKey: [UInt8] = [QueueIndex.marker, UInt8(ascii: "p")]

    /// Whether a key of the `complaints` space is a complaint state (not an index entry).
    static func isStateKey(_ key: some Collection<UInt8>) -> Bool { key.first != QueueIndex.marker }

    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws {
        var index = try IndexBatch(policy: indexPolicy(space, transaction), faults: faults)
        for record in events {
            if record.type == PolicyBook.eventType {
                let (_, policy) = try policies.register(record)
                try index.flush(space, transaction)
                if policy.calendar != index.policy.calendar {
                    try reindex(from: index.policy, to: policy, space, transaction)
                }
                index = IndexBatch(policy: policy, faults: faults)
                try space.put(Self.indexPolicyKey, withUnsafeBytes(of: record.position.bigEndian) { Array($0) }, in: transaction)
                continue
            }
            guard record.streamKind == StreamKind.complaint.rawValue else { continue }
            let logged = try translator.logged(record)
            let key = Array(record.stream.utf8)
            // A stream's state is decoded once per commit and written once, at the flush.
            let current = try index.changes[record.stream]?.after ?? space.get(key, in: transaction).map { try Self.decode($0).state }
            let policy = policies.policy(at: logged.policyPosition) ?? fallbackPolicy
            guard let next = evolve(current, logged.decided, policy: policy, faults: faults) else { continue }
            index.note(record.stream, version: record.streamVersion, before: current, after: next)
        }
        try index.flush(space, transaction)
    }

    /// The policy the indexes follow: the latest `PolicyActivated` applied.
    private func indexPolicy(_ space: ProjectionSpace, _ transaction: borrowing WriteTransaction) throws -> ServicePolicy {
        guard let bytes = try space.get(Self.indexPolicyKey, in: transaction) else { return fallbackPolicy }
        return policies.policy(at: QueueIndex.decodeCount(bytes)) ?? fallbackPolicy
    }

    /// Moves every complaint's index entries from where `old` placed them to where `new` does.
    private func reindex(
        from old: ServicePolicy, to new: ServicePolicy, _ space: ProjectionSpace, _ transaction: borrowing WriteTransaction
    ) throws {
        var states: [(id: String, state: ComplaintState)] = []
        try space.scan(in: transaction) { key, value in
            guard Self.isStateKey(key) else { return false }  // index keys sort after every state
            states.append((String(decoding: key, as: UTF8.self), try Self.decode(Array(value)).state))
            return true
        }
        for (id, state) in states where state.isOpen {
            try QueueIndex.move(
                from: .init(state, id: id, policy: old, faults: faults), to: .init(state, id: id, policy: new, faults: faults), in: space, transaction)
            try DueTimerIndex.move(
                id, from: DueTimerIndex.nextDue(state, policy: old), to: DueTimerIndex.nextDue(state, policy: new),
                in: space, transaction)
        }
    }

    /// The complaints one apply changed: each one's state before the batch and after it, so the
    /// indexes move once per complaint and batch.
    private struct IndexBatch {
        let policy: ServicePolicy
        var faults: WorkflowFaults = []
        var order: [String] = []
        var changes: [String: (version: UInt64, before: ComplaintState?, after: ComplaintState)] = [:]

        init(policy: ServicePolicy, faults: WorkflowFaults) {
            self.policy = policy
            self.faults = faults
        }

        mutating func note(_ stream: String, version: UInt64, before: ComplaintState?, after: ComplaintState) {
            if let earlier = changes[stream] {
                changes[stream] = (version, earlier.before, after)
            } else {
                order.append(stream)
                changes[stream] = (version, before, after)
            }
        }

        /// Writes each changed state once and moves its index entries.
        mutating func flush(_ space: ProjectionSpace, _ transaction: borrowing WriteTransaction) throws {
            for stream in order {
                guard let change = changes[stream] else { continue }
                try space.put(Array(stream.utf8), try ComplaintStateProjection.encode(version: change.version, state: change.after), in: transaction)
                try QueueIndex.move(
                    from: .init(change.before, id: stream, policy: policy, faults: faults), to: .init(change.after, id: stream, policy: policy, faults: faults),
                    in: space, transaction)
                // Due times depend only on the clocks and whether the complaint is open (`dueTimers`);
                // a business clock's due time costs a calendar walk, so skip it when neither moved.
                if let before = change.before, before.isOpen == change.after.isOpen, before.clocks == change.after.clocks {
                    continue
                }
                try DueTimerIndex.move(
                    stream, from: DueTimerIndex.nextDue(change.before, policy: policy),
                    to: DueTimerIndex.nextDue(change.after, policy: policy), in: space, transaction)
            }
            order.removeAll()
            changes.removeAll()
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
