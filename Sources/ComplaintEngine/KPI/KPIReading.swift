import BinaryCoding
import ComplaintLMDB
import ComplaintPolicy
import EventLog
import Foundation

/// Reads ``KPIProjection``'s entries of a time range: only the keys of that range are visited
/// (through byte-aligned prefix scans), and only the values inside it are decoded.
extension KPIProjection {
    /// Calls `body` with the facts of every complaint received in `window`, in receipt order.
    static func forEachComplaint(
        in window: TimeWindow, space: ProjectionSpace, transaction: borrowing ReadTransaction,
        _ body: (ComplaintFacts) throws -> Void
    ) throws {
        try forEachEntry(tag: factsTag, in: window, space: space, transaction: transaction) { bytes in
            let facts = try StateCodec.decodeFacts(bytes)
            if window.contains(facts.receivedAt) { try body(facts) }
        }
    }

    /// Calls `body` with every recorded interaction count whose period starts in `window`.
    static func forEachInteraction(
        startingIn window: TimeWindow, space: ProjectionSpace, transaction: borrowing ReadTransaction,
        _ body: (InteractionFacts) throws -> Void
    ) throws {
        try forEachEntry(tag: interactionsTag, in: window, space: space, transaction: transaction) { bytes in
            let interaction = try BinaryDecoder().decode(InteractionFacts.self, from: bytes)
            if window.contains(interaction.from) { try body(interaction) }
        }
    }

    /// The receipt time of the earliest complaint received, or `nil` when there is none.
    static func firstReceipt(_ space: ProjectionSpace, _ transaction: borrowing some ReadableTransaction & ~Copyable) throws -> Date? {
        var first: Date?
        try space.scan(prefix: [factsTag], in: transaction) { _, value in
            first = try StateCodec.decodeFacts(Array(value)).receivedAt
            return false
        }
        return first
    }

    private static func forEachEntry(
        tag: UInt8, in window: TimeWindow, space: ProjectionSpace, transaction: borrowing ReadTransaction,
        _ body: ([UInt8]) throws -> Void
    ) throws {
        guard window.from < window.to else { return }
        let lower = microseconds(window.from)
        let upper = microseconds(window.to)
        for prefix in coveringPrefixes(lower, upper) {
            try space.scan(prefix: [tag] + prefix, in: transaction) { key, value in
                let instant = instant(inKey: key)
                guard instant <= upper else { return false }
                if instant >= lower { try body(Array(value)) }
                return true
            }
        }
    }
}
