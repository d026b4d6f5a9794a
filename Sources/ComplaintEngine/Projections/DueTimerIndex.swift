import ComplaintLMDB
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation

/// Every open complaint's next due SLA timer (the first of `dueTimers`), stored beside the
/// complaint states in the `complaints` projection and kept in step with them, so the engine
/// finds what is due across all streams with one ordered scan.
///
/// Keys: `FF 't' | u64 BE due time in µs since 1970 (rounded up) | stream id` → empty. Key order is
/// DOMAIN.md §4's firing order across streams: due time, then stream id (UTF-8 bytes); the engine
/// fires a stream's timers clock by clock, warning before breach.
enum DueTimerIndex {
    static let prefix: [UInt8] = [QueueIndex.marker, UInt8(ascii: "t")]

    /// An instant in whole microseconds since 1970, rounded up (so an entry never reads as due
    /// before its timer is).
    static func micros(_ date: Date) -> UInt64 {
        let value = (date.timeIntervalSince1970 * 1_000_000).rounded(.up)
        return value <= 0 ? 0 : value >= 1.8e19 ? UInt64.max : UInt64(value)
    }

    static func date(micros: UInt64) -> Date {
        Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    static func key(micros: UInt64, stream: String) -> [UInt8] {
        var key = prefix
        QueueIndex.append(micros, to: &key)
        key.append(contentsOf: stream.utf8)
        return key
    }

    /// The µs due time of the complaint's next timer, or `nil` when it waits for none.
    static func nextDue(_ state: ComplaintState?, policy: ServicePolicy) -> UInt64? {
        guard let state, let first = dueTimers(state, policy: policy).first else { return nil }
        return micros(first.dueAt)
    }

    /// Replaces the stream's entry for `old` with the one for `new`.
    static func move(
        _ stream: String, from old: UInt64?, to new: UInt64?, in space: ProjectionSpace,
        _ transaction: borrowing WriteTransaction
    ) throws {
        guard old != new else { return }
        if let old { try space.delete(key(micros: old, stream: stream), in: transaction) }
        if let new { try space.put(key(micros: new, stream: stream), [], in: transaction) }
    }

    /// One entry as read back.
    struct Entry: Hashable {
        var key: [UInt8]
        var micros: UInt64
        var stream: String
    }

    static func decode(_ key: some Collection<UInt8>) -> Entry? {
        let bytes = Array(key)
        guard bytes.count > prefix.count + 8, bytes.starts(with: prefix) else { return nil }
        let micros = QueueIndex.decodeCount(bytes[prefix.count..<(prefix.count + 8)])
        return Entry(key: bytes, micros: micros, stream: String(decoding: bytes[(prefix.count + 8)...], as: UTF8.self))
    }
}
