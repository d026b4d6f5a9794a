public import Foundation

/// One event as the log stores it: what was proposed plus what the log assigned.
public struct RecordedEvent: Sendable, Hashable {
    /// The gapless global position, from 1.
    public var position: UInt64
    /// The stream id.
    public var stream: String
    /// The stream's kind.
    public var streamKind: String
    /// The version within the stream, from 1.
    public var streamVersion: UInt64
    /// The event type name.
    public var type: String
    /// The schema version of ``payload``.
    public var schemaVersion: UInt16
    /// The event's unique id.
    public var id: UUID
    /// The command that recorded it, if any.
    public var commandID: String?
    /// The correlation id, if any.
    public var correlationID: String?
    /// The causation id, if any.
    public var causationID: String?
    /// Who caused it.
    public var actor: EventActor
    /// The commit's clock time, in whole microseconds; never decreasing along positions.
    public var recordedAt: Date
    /// The instant the event stands for, in whole microseconds.
    public var occurredAt: Date
    /// The encoded event data.
    public var payload: [UInt8]
    /// Encoded metadata.
    public var metadata: [UInt8]
    /// The hash of the record at `position - 1` (32 zero bytes for position 1).
    public var previousHash: ChainHash
    /// SHA-256 over ``previousHash`` and the canonical bytes of every other field.
    public var hash: ChainHash
}

/// Converts between `Date` and the log's whole-microsecond timestamps.
enum Microseconds {
    static func from(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    static func date(_ microseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(microseconds) / 1_000_000)
    }
}
