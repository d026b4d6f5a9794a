import BinaryCoding
import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation

/// The facts every KPI of DOMAIN.md §6 needs, per complaint, stored by receipt time so that a query
/// over a window reads only the complaints received in it; and the interactions recorded, by the
/// start of their period, for the complaint rate.
///
/// Keys (all integers big-endian):
/// - `r | u64 receivedAt µs | complaintId` → binary ``ComplaintFacts``;
/// - `i | u64 period.from µs | u64 log position` → binary ``InteractionFacts``;
/// - `s | complaintId` → the complaint's state as this projection folds it (``StoredState``), which
///   tells it where the clock instances stand and where the complaint's facts live.
///
/// It folds each complaint's state with the workflow's own `evolve`, under the policy logged for
/// each event, so clock outcomes are exactly those of the complaint state.
struct KPIProjection: Projection {
    let name = "kpi"
    /// 2: states and facts in ``StateCodec``'s positional format (1 used `BinaryEncoder` documents).
    let version: UInt32 = 2
    let translator: EventTranslator
    let policies: PolicyBook
    let fallbackPolicy: ServicePolicy
    /// Each complaint's fold and facts by the stream version they follow (see ``VersionedCache``).
    let cache: VersionedCache<Folded>

    /// One complaint as this projection keeps it: its state and its facts (under `factsKey`).
    struct Folded: Sendable {
        var state: ComplaintState
        var facts: ComplaintFacts
        var factsKey: [UInt8]
    }
    /// Testing only (``EngineConfiguration/faults``).
    var faults: WorkflowFaults = []

    static let factsTag = UInt8(ascii: "r")
    static let interactionsTag = UInt8(ascii: "i")
    static let stateTag = UInt8(ascii: "s")

    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws {
        // Each complaint is read at most once per apply and written once, at the end: the bytes are
        // those that writing after every event would leave.
        var folds: [String: (version: UInt64, folded: Folded)] = [:]
        var order: [String] = []
        for record in events {
            if record.type == PolicyBook.eventType {
                try policies.register(record)
                continue
            }
            switch record.streamKind {
            case StreamKind.complaint.rawValue:
                let before = try folds[record.stream]?.folded ?? load(record, space, transaction)
                guard let after = try fold(record, before, space, transaction) else { continue }
                if folds.updateValue((record.streamVersion, after), forKey: record.stream) == nil { order.append(record.stream) }
            case StreamKind.interactions.rawValue:
                let logged = try translator.logged(record)
                guard case .interactionsRecorded(let recorded) = logged.decided.event else { continue }
                let facts = InteractionFacts(
                    channel: recorded.channel, count: recorded.count, from: recorded.period.from, to: recorded.period.to)
                try space.put(
                    Self.interactionKey(from: recorded.period.from, position: record.position),
                    try BinaryEncoder().encode(facts), in: transaction)
            default:
                continue
            }
        }
        for stream in order {
            guard let (version, folded) = folds[stream] else { continue }
            try space.put([Self.stateTag] + Array(stream.utf8), try StoredState.encode(folded.state), in: transaction)
            try space.put(folded.factsKey, StateCodec.encode(folded.facts), in: transaction)
            cache.store(stream, version: version, value: folded)
        }
    }

    func discarded() { cache.removeAll() }

    /// The complaint's fold before `record`: cached at the version before it, else stored.
    private func load(
        _ record: RecordedEvent, _ space: ProjectionSpace, _ transaction: borrowing WriteTransaction
    ) throws -> Folded? {
        if record.streamVersion > 1, let cached = cache.value(record.stream, at: record.streamVersion - 1) { return cached }
        guard let state = try space.get([Self.stateTag] + Array(record.stream.utf8), in: transaction).map({ try StoredState.decode($0) }) else {
            return nil
        }
        let key = Self.factsKey(receivedAt: state.receivedAt, complaint: record.stream)
        let facts = try space.get(key, in: transaction).map { try StateCodec.decodeFacts($0) }
            ?? ComplaintFacts(receivedAt: state.receivedAt, channel: state.channel)
        return Folded(state: state, facts: facts, factsKey: key)
    }

    /// Folds one complaint event into the state and the facts; `nil` when there is no state.
    private func fold(
        _ record: RecordedEvent, _ before: Folded?, _ space: ProjectionSpace, _ transaction: borrowing WriteTransaction
    ) throws -> Folded? {
        let logged = try translator.loggedForProjections(record)
        let policy = policies.policy(at: logged.policyPosition) ?? fallbackPolicy
        guard let after = evolve(before?.state, logged.decided, policy: policy, faults: faults) else { return nil }
        let key = Self.factsKey(receivedAt: after.receivedAt, complaint: record.stream)
        var facts: ComplaintFacts
        if let before, before.factsKey == key {
            facts = before.facts
        } else {
            facts = try space.get(key, in: transaction).map { try StateCodec.decodeFacts($0) }
                ?? ComplaintFacts(receivedAt: after.receivedAt, channel: after.channel)
        }
        facts.record(logged.decided, before: before?.state, after: after)
        if faults.contains(.kpiCountsCancelledClocks) {
            for index in facts.clocks.indices where facts.clocks[index].outcome == .void { facts.clocks[index].outcome = .onTime }
        }
        return Folded(state: after, facts: facts, factsKey: key)
    }

    // MARK: Keys

    static func factsKey(receivedAt: Date, complaint: String) -> [UInt8] {
        [factsTag] + bigEndian(microseconds(receivedAt)) + Array(complaint.utf8)
    }

    static func interactionKey(from: Date, position: UInt64) -> [UInt8] {
        [interactionsTag] + bigEndian(microseconds(from)) + bigEndian(position)
    }

    /// Whole microseconds since 1970, rounded as `BinaryCoding` rounds timestamps (instants before
    /// 1970 count as 0), so a key agrees with the instant stored in its value.
    static func microseconds(_ instant: Date) -> UInt64 {
        let micros = (instant.timeIntervalSince1970 * 1_000_000).rounded()
        return micros <= 0 ? 0 : UInt64(micros)
    }

    static func bigEndian(_ value: UInt64) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    /// The `u64` that follows `tag` at the start of `key`.
    static func instant(inKey key: ArraySlice<UInt8>) -> UInt64 {
        key.dropFirst().prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// Byte-aligned prefixes of big-endian `u64`s that together cover every value in `lower...upper`,
    /// each 1–`maximumLength` bytes long, fewest first-to-last. Blocks at the edges may reach past
    /// the bounds (by less than 2^(8·(8 − maximumLength))), so callers still compare each key.
    static func coveringPrefixes(_ lower: UInt64, _ upper: UInt64, maximumLength: Int = 4) -> [[UInt8]] {
        guard lower <= upper else { return [] }
        let finest = UInt64(8 * (8 - maximumLength))
        var prefixes: [[UInt8]] = []
        var current = (lower >> finest) << finest
        while true {
            // The largest aligned block starting at `current` that does not pass `upper`'s finest block.
            var shift = finest
            while shift + 8 < 64 {
                let wider = shift + 8
                let mask = (UInt64(1) << wider) - 1
                guard current & mask == 0, current | mask <= (upper | ((UInt64(1) << finest) - 1)) else { break }
                shift = wider
            }
            let length = 8 - Int(shift / 8)
            prefixes.append(Array(bigEndian(current).prefix(length)))
            let last = current | ((UInt64(1) << shift) - 1)
            if last >= upper { break }
            current = last + 1
        }
        return prefixes
    }
}

/// A complaint state as ``KPIProjection`` stores it, in ``StateCodec``'s format (clocks in clock
/// order, so equal states always give equal bytes).
enum StoredState {
    static func encode(_ state: ComplaintState) throws -> [UInt8] {
        try StateCodec.encode(state)
    }

    static func decode(_ bytes: [UInt8]) throws -> ComplaintState {
        try StateCodec.decodeState(bytes)
    }
}
