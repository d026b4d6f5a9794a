import BinaryCoding
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

/// Each complaint's current state (`ComplaintState`, the fields of DOMAIN.md §3) and its stream
/// version, keyed by complaint id. The engine decides from it; queues and queries read it.
///
/// Value: `u64 BE stream version | the state in StateCodec's format`.
///
/// The same apply keeps the work queues (``QueueIndex``) and the due-timer index
/// (``DueTimerIndex``) in step with the states. Their keys start with `0xFF`, which no complaint
/// id (UTF-8) can start with: a scan for states must skip them (``isStateKey(_:)``). Both indexes
/// follow the latest logged policy (its position under `FF 'p'`); a `PolicyActivated` with another
/// calendar re-indexes every complaint, so the indexes always match the policy the engine fires
/// timers with, and a rebuild reaches the same bytes.
struct ComplaintStateProjection: Projection {
    let name = "complaints"
    /// 3: states in ``StateCodec``'s positional format (2 was a `BinaryEncoder` document).
    let version: UInt32 = 3
    let translator: EventTranslator
    let policies: PolicyBook
    let fallbackPolicy: ServicePolicy
    /// States by the version they follow, shared with the engine (never consulted for a version
    /// other than the one needed, so a hit is exactly the stored state).
    let cache: VersionedCache<ComplaintState>
    /// Testing only (``EngineConfiguration/faults``).
    var faults: WorkflowFaults = []

    static let indexPolicyKey: [UInt8] = [QueueIndex.marker, UInt8(ascii: "p")]

    /// Whether a key of the `complaints` space is a complaint state (not an index entry).
    static func isStateKey(_ key: some Collection<UInt8>) -> Bool { key.first != QueueIndex.marker }

    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws {
        var index = try IndexBatch(policy: indexPolicy(space, transaction), cache: cache, faults: faults)
        for record in events {
            if record.type == PolicyBook.eventType {
                let (_, policy) = try policies.register(record)
                try index.flush(space, transaction)
                if policy.calendar != index.policy.calendar {
                    try reindex(from: index.policy, to: policy, space, transaction)
                }
                index = IndexBatch(policy: policy, cache: cache, faults: faults)
                try space.put(Self.indexPolicyKey, withUnsafeBytes(of: record.position.bigEndian) { Array($0) }, in: transaction)
                continue
            }
            guard record.streamKind == StreamKind.complaint.rawValue else { continue }
            let logged = try translator.loggedForProjections(record)
            let key = Array(record.stream.utf8)
            // A stream's state is decoded once per commit and written once, at the flush.
            let current = try index.changes[record.stream]?.after
                ?? (record.streamVersion <= 1 ? nil : cache.value(record.stream, at: record.streamVersion - 1))
                ?? space.get(key, in: transaction).map { try Self.decode($0).state }
            let policy = policies.policy(at: logged.policyPosition) ?? fallbackPolicy
            guard let next = evolve(current, logged.decided, policy: policy, faults: faults) else { continue }
            index.note(record.stream, version: record.streamVersion, before: current, after: next)
        }
        try index.flush(space, transaction)
    }

    func discarded() { cache.removeAll() }

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
        var order: [String] = []
        var changes: [String: (version: UInt64, before: ComplaintState?, after: ComplaintState)] = [:]

        let cache: VersionedCache<ComplaintState>
        let faults: WorkflowFaults

        init(policy: ServicePolicy, cache: VersionedCache<ComplaintState>, faults: WorkflowFaults) {
            self.policy = policy
            self.cache = cache
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
                cache.store(stream, version: change.version, value: change.after)
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
        var out = ByteSink(capacity: 320)
        withUnsafeBytes(of: version.bigEndian) { out.bytes.append(contentsOf: $0) }
        try StateCodec.encode(state, into: &out)
        return out.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> (version: UInt64, state: ComplaintState) {
        guard bytes.count > 8 else { throw EventLogError(.storageCorrupted, "complaint state entry is too short") }
        let version = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return (version, try StateCodec.decodeState(bytes.dropFirst(8)))
    }
}
