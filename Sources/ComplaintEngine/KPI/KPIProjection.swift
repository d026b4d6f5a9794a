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
    let version: UInt32 = 1
    let translator: EventTranslator
    let policies: PolicyBook
    let fallbackPolicy: ServicePolicy
    /// Testing only (``EngineConfiguration/faults``).
    var faults: WorkflowFaults = []

    static let factsTag = UInt8(ascii: "r")
    static let interactionsTag = UInt8(ascii: "i")
    static let stateTag = UInt8(ascii: "s")

    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws {
        for record in events {
            if record.type == PolicyBook.eventType {
                try policies.register(record)
                continue
            }
            switch record.streamKind {
            case StreamKind.complaint.rawValue:
                try applyComplaintEvent(record, to: space, in: transaction)
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
    }

    private func applyComplaintEvent(
        _ record: RecordedEvent, to space: ProjectionSpace, in transaction: borrowing WriteTransaction
    ) throws {
        let logged = try translator.logged(record)
        let stateKey = [Self.stateTag] + Array(record.stream.utf8)
        let before = try space.get(stateKey, in: transaction).map { try StoredState.decode($0) }
        let policy = policies.policy(at: logged.policyPosition) ?? fallbackPolicy
        guard let after = evolve(before, logged.decided, policy: policy, faults: faults) else { return }
        try space.put(stateKey, try StoredState.encode(after), in: transaction)

        let factsKey = Self.factsKey(receivedAt: after.receivedAt, complaint: record.stream)
        var facts = try space.get(factsKey, in: transaction).map { try BinaryDecoder().decode(ComplaintFacts.self, from: $0) }
            ?? ComplaintFacts(receivedAt: after.receivedAt, channel: after.channel)
        facts.record(logged.decided, before: before, after: after)
        if faults.contains(.kpiCountsCancelledClocks) {
            for index in facts.clocks.indices where facts.clocks[index].outcome == .void { facts.clocks[index].outcome = .onTime }
        }
        try space.put(factsKey, try BinaryEncoder().encode(facts), in: transaction)
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

/// A complaint state as ``KPIProjection`` stores it: the clocks as a list in clock order, so equal
/// states always give equal bytes (a dictionary keyed by an enum encodes in hash order).
struct StoredState: Codable {
    var state: ComplaintState
    var clocks: [SLAClock]

    static func encode(_ state: ComplaintState) throws -> [UInt8] {
        var bare = state
        bare.clocks = [:]
        return try BinaryEncoder().encode(StoredState(state: bare, clocks: state.clocks.values.sorted { $0.name < $1.name }))
    }

    static func decode(_ bytes: [UInt8]) throws -> ComplaintState {
        let stored = try BinaryDecoder().decode(StoredState.self, from: bytes)
        var state = stored.state
        state.clocks = Dictionary(uniqueKeysWithValues: stored.clocks.map { ($0.name, $0) })
        return state
    }
}
