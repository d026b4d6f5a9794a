public import EventLog
public import Foundation

/// One line of an audit trail (DOMAIN.md §6): who did what, when, under which command, which policy
/// and which rule, with the record's place in the hash chain.
///
/// Entries are read from the log's records and their metadata only; they never decode a payload, so
/// they carry no personal data and read the same before and after a customer is forgotten. Use
/// ``ComplaintEngine/exportAudit(complaint:to:)-(_,FileHandle)`` for the event data itself.
public struct AuditEntry: Sendable, Hashable {
    /// The record's global log position.
    public var position: UInt64
    /// The stream the event belongs to (a complaint id, `customer:<id>`, `policies`, …).
    public var stream: String
    /// The stream's kind (`complaint`, `improvement`, `customer`, `policies`, …).
    public var streamKind: String
    /// The event's version within its stream, from 1.
    public var streamVersion: UInt64
    /// The event type name (`ComplaintReceived`, `SlaBreached`, `PolicyActivated`, …).
    public var eventType: String
    /// The schema version of the event's stored data.
    public var schemaVersion: UInt16
    /// Who caused it: an id and a role (`system`/`system` for timers and rules).
    public var actor: EventActor
    /// The instant the event stands for: the command's time, or the due time of the timer it followed.
    public var occurredAt: Date
    /// The commit's clock time; never decreasing along positions.
    public var recordedAt: Date
    /// The command that recorded it (`timer:<stream>:<clock>:<instance>:<kind>` for timer events);
    /// `nil` for appends without a command id (`PolicyActivated`).
    public var commandId: String?
    /// The host's correlation id of the command, if it sent one.
    public var correlationId: String?
    /// The host's causation id of the command, if it sent one.
    public var causationId: String?
    /// The log position of the `PolicyActivated` event of the policy in force (for a
    /// `PolicyActivated` event, its own position).
    public var policyPosition: UInt64?
    /// The version label of the policy in force (`ServicePolicy/version`).
    public var policyVersion: String?
    /// The rule that recorded an automatic event (`acknowledgementBreach`, `legalOrSafety`, …).
    public var rule: String?
    /// Why the rule fired.
    public var reason: String?
    /// The record's hash in the chain (`ChainHash/hex` gives its 64 hex digits).
    public var hash: ChainHash
    /// The hash of the record before it (`ChainHash/genesis` at position 1).
    public var previousHash: ChainHash

    /// Whether a timer or an automatic rule recorded the event.
    public var isAutomatic: Bool { rule != nil }
}

/// Which instant of an event a time-range audit query selects on.
public enum AuditTimeField: Sendable, Hashable {
    /// The commit's clock time (never decreasing along positions).
    case recordedAt
    /// The instant the event stands for; earlier than `recordedAt` for timer events fired late.
    case occurredAt
}
