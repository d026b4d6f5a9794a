import ComplaintLMDB
import EventLog
import Foundation

/// Indexes every record by actor and by time, so audit queries by actor or time range read only the
/// positions they return instead of scanning the log. Per-stream trails need no index: the log's
/// `stream-index` serves them.
///
/// Keys (all integers big-endian; an instant is its whole microseconds since 1970 as an `i64` with
/// the sign bit flipped, so byte order is time order):
/// - `a | u8 len | actorId | u64 position` → empty;
/// - `r | u64 recordedAt | u64 position` → one byte: 0 when `occurredAt == recordedAt`, 1 otherwise;
/// - `o | u64 occurredAt | u64 position` → empty, only for events whose `occurredAt` differs from
///   their `recordedAt` (timer events and what they triggered), so the occurredAt view costs a put
///   only for those.
///
/// It reads nothing but the record's envelope (no payload, no metadata), so it is deterministic and
/// identical before and after an erasure.
struct AuditProjection: Projection {
    static let projectionName = "audit"
    let name = AuditProjection.projectionName
    let version: UInt32 = 1

    func apply(_ events: [RecordedEvent], to space: ProjectionSpace, in transaction: borrowing WriteTransaction) throws {
        for record in events {
            let recorded = AuditKey.instant(record.recordedAt)
            let occurred = AuditKey.instant(record.occurredAt)
            try space.put(AuditKey.actor(record.actor.id, position: record.position), [], in: transaction)
            try space.put(
                AuditKey.recorded(recorded, position: record.position), [occurred == recorded ? 0 : 1], in: transaction)
            if occurred != recorded {
                try space.put(AuditKey.occurred(occurred, position: record.position), [], in: transaction)
            }
        }
    }
}

/// The key layout of ``AuditProjection``.
enum AuditKey {
    static let actorTag = UInt8(ascii: "a")
    static let recordedTag = UInt8(ascii: "r")
    static let occurredTag = UInt8(ascii: "o")

    /// An instant as an order-preserving `u64`: whole microseconds with the sign bit flipped.
    static func instant(_ date: Date) -> UInt64 {
        UInt64(bitPattern: AuditTime.microseconds(date)) ^ (1 << 63)
    }

    static func bytes(_ value: UInt64) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    /// The `u64` at the end of a key (its position).
    static func trailingPosition(_ key: some Collection<UInt8>) -> UInt64 {
        key.suffix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// `a | u8 len | actorId` (actor ids are at most 128 bytes, so one length byte keeps ids that are
    /// prefixes of each other apart).
    static func actorPrefix(_ actor: String) -> [UInt8] {
        let id = Array(actor.utf8.prefix(255))
        return [actorTag, UInt8(id.count)] + id
    }

    static func actor(_ actor: String, position: UInt64) -> [UInt8] {
        actorPrefix(actor) + bytes(position)
    }

    static func recorded(_ instant: UInt64, position: UInt64) -> [UInt8] {
        [recordedTag] + bytes(instant) + bytes(position)
    }

    static func occurred(_ instant: UInt64, position: UInt64) -> [UInt8] {
        [occurredTag] + bytes(instant) + bytes(position)
    }
}
