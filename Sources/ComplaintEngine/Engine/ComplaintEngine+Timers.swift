public import Foundation
import ComplaintWorkflow
import EventLog

extension ComplaintEngine {
    /// Moves a ``ManualClock`` to `instant`, then fires every SLA timer due up to and including it,
    /// across all complaints, in due order (DOMAIN.md §4): by due time, then stream id (UTF-8
    /// bytes), then clock, warning before breach. Each timer's events carry its due time as
    /// `occurredAt` and its deterministic timer command id, so no timer fires twice, whoever else
    /// fires it (a command on the stream, the background scheduler, another `advance`). Then it
    /// records the improvement suggestions due at `instant` (see ``recordImprovementSuggestions()``).
    ///
    /// - Throws: ``EngineError/refused(_:)`` with `validationFailed` (field `instant`) when the
    ///   engine's clock is not a ``ManualClock`` and `instant` is in its future;
    ///   ``EngineError/storage(_:)`` when recording fails (timers fired before it stay fired).
    public func advance(to instant: Date) async throws(EngineError) {
        if let manual = configuration.clock as? ManualClock {
            manual.set(instant)
        } else if instant > configuration.clock.now() {
            throw .refused(.invalid("instant", "only a ManualClock can be moved; this engine reads another clock"))
        }
        try await firing { try await fireTimersDue(through: instant) }
        _ = try await recordSuggestions(checkingEverything: false)
    }

    /// Fires every SLA timer due at or before the clock's current time, across all complaints, in
    /// due order (see ``advance(to:)``), then records the improvement suggestions due now. After a restart it catches up on everything that fell due
    /// while the engine was closed, each event stamped with its own due time.
    public func fireDueTimers() async throws(EngineError) {
        let now = configuration.clock.now()
        try await firing { try await fireTimersDue(through: now) }
        _ = try await recordSuggestions(checkingEverything: false)
    }

    /// The due time of the earliest pending SLA timer of any complaint, or `nil` when none waits.
    public func nextTimerDue() throws(EngineError) -> Date? {
        try reading { try dueEntry(after: nil, through: .max).map { DueTimerIndex.date(micros: $0.micros) } }
    }

    /// Fires, stream by stream in the due-timer index's order, what is due through `instant`.
    /// Returns how many index entries it processed.
    @discardableResult
    func fireTimersDue(through instant: Date) async throws -> Int {
        let limit = DueTimerIndex.micros(instant)
        var last: [UInt8]?
        var processed = 0
        // Firing a stream removes its entry and may add a later one (its next timer), which this
        // loop reaches in order; an entry it could not fire stays behind `last` and is not retried
        // until the next call, so the loop always ends.
        while let entry = try dueEntry(after: last, through: limit) {
            let due = DueTimerIndex.date(micros: entry.micros).addingTimeInterval(0.000_001)
            try await fireTimers(stream: entry.stream, until: min(instant, due))
            last = entry.key
            processed += 1
        }
        return processed
    }

    /// The first due-timer entry after `key` (all when `nil`) due at or before `limit` µs.
    func dueEntry(after key: [UInt8]?, through limit: UInt64) throws -> DueTimerIndex.Entry? {
        try log.readProjection("complaints") { space, txn in
            var found: DueTimerIndex.Entry?
            try space.scan(prefix: DueTimerIndex.prefix, in: txn) { raw, _ in
                guard let entry = DueTimerIndex.decode(raw) else { return true }
                guard entry.micros <= limit else { return false }
                if let key, !key.lexicographicallyPrecedes(entry.key) { return true }
                found = entry
                return false
            }
            return found
        }
    }

    private func firing(_ body: () async throws -> Int) async throws(EngineError) {
        do {
            _ = try await body()
        } catch {
            throw EngineError.from(error)
        }
    }
}
