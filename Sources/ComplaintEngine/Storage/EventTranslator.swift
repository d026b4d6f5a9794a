import BinaryCoding
import ComplaintPolicy
import ComplaintPrivacy
import Synchronization
public import ComplaintWorkflow
public import EventLog
public import Foundation

/// A workflow event as the log recorded it.
public struct LoggedEvent: Sendable, Hashable {
    /// The event with its actor, instant, rule and reason.
    public var decided: DecidedEvent
    /// Its log position.
    public var position: UInt64
    /// Its stream.
    public var stream: String
    /// Its version in the stream.
    public var streamVersion: UInt64
    /// The command that recorded it (a `timer:` id for timer events).
    public var commandId: String?
    /// The commit time.
    public var recordedAt: Date
    /// The log position of the policy in force.
    public var policyPosition: UInt64?
    /// The record's hash in the chain.
    public var hash: ChainHash
}

/// Converts between the workflow's decided events and the log's records: the payload codec,
/// sealing of personal fields, and metadata.
struct EventTranslator: Sendable {
    let codec = EventCodec()
    let keys: CustomerKeyStore
    /// Records decoded for the projections, by position (see ``loggedForProjections(_:)``).
    let projectionMemo = ProjectionMemo()

    func proposed(
        _ decided: DecidedEvent, customerId: String?, policyPosition: UInt64?, correlationId: String?, causationId: String?
    ) throws -> ProposedEvent {
        try proposal(
            decided, customerId: customerId, policyPosition: policyPosition, correlationId: correlationId,
            causationId: causationId
        ).event
    }

    /// The record to append for `decided`, with what ``logged(appended:request:result:)`` needs to
    /// describe it once appended.
    func proposal(
        _ decided: DecidedEvent, customerId: String?, policyPosition: UInt64?, correlationId: String?, causationId: String?
    ) throws -> Proposal {
        let type = decided.event.type
        let clear = try codec.tree(of: decided.event)
        var tree = clear
        let owner = customerId ?? Self.customer(of: decided.event)
        if let owner { tree = try PersonalData.seal(tree, type: type, customerId: owner, keys: keys) }
        let metadata = EventMetadata(
            rule: decided.rule?.rawValue, reason: decided.reason, policyPosition: policyPosition, customerId: owner)
        let event = ProposedEvent(
            type: type.typeName, schemaVersion: UInt16(type.schemaVersion),
            actor: EventActor(id: decided.actor.id, role: decided.actor.role.rawValue),
            occurredAt: decided.occurredAt, correlationID: correlationId, causationID: causationId,
            payload: tree.encoded, metadata: try metadata.encoded())
        return Proposal(decided: decided, event: event, clearTree: clear, policyPosition: policyPosition)
    }

    /// Decodes a record for a projection: personal fields read `[erased]` (no key is looked up and
    /// nothing decrypted), which projections may rely on because their bytes must not depend on
    /// personal data (a rebuild after an erasure writes the same bytes). The complaint and KPI
    /// projections decode each record once per commit between them: the result is remembered by
    /// position and record hash.
    func loggedForProjections(_ record: RecordedEvent) throws -> LoggedEvent {
        if let known = projectionMemo.event(at: record.position, hash: record.hash) { return known }
        let logged = try logged(record, revealing: false)
        projectionMemo.remember(logged)
        return logged
    }

    /// Decodes a record of a workflow event, revealing personal fields (or `[erased]`).
    func logged(_ record: RecordedEvent) throws -> LoggedEvent {
        try logged(record, revealing: true)
    }

    func logged(_ record: RecordedEvent, revealing: Bool) throws -> LoggedEvent {
        let metadata = try EventMetadata.decode(record.metadata)
        guard let type = EventType(rawValue: record.type) else {
            throw WorkflowError(.validationFailed, rule: "decoding", reason: "unknown event type \(record.type)")
        }
        let tree = try PersonalData.reveal(
            try BinaryValue(decoding: record.payload), type: type, customerId: revealing ? metadata.customerId : nil, keys: keys)
        let event = try codec.decode(typeName: record.type, schemaVersion: Int(record.schemaVersion), tree: tree)
        guard let role = Role(rawValue: record.actor.role) else {
            throw WorkflowError(.validationFailed, rule: "decoding", reason: "unknown role \(record.actor.role)")
        }
        let decided = DecidedEvent(
            event, actor: Actor(id: record.actor.id, role: role), occurredAt: record.occurredAt,
            rule: metadata.rule.flatMap(RuleKey.init(rawValue:)), reason: metadata.reason,
            timerCommandId: record.commandID?.hasPrefix("timer:") == true ? record.commandID : nil)
        return LoggedEvent(
            decided: decided, position: record.position, stream: record.stream, streamVersion: record.streamVersion,
            commandId: record.commandID, recordedAt: record.recordedAt, policyPosition: metadata.policyPosition,
            hash: record.hash)
    }

    /// The customer an event names itself (ReceiveComplaint, ForgetCustomer).
    static func customer(of event: WorkflowEvent) -> String? {
        switch event {
        case .complaintReceived(let received): received.customer.id
        default: nil
        }
    }
}

/// The last few thousand records decoded for projections, in a ring indexed by position (positions
/// are consecutive, so no hashing); a hit must also match the record's hash, so a position reused
/// after an aborted commit is never confused with its predecessor.
final class ProjectionMemo: Sendable {
    static let capacity = 4_096
    private let ring = Mutex<[LoggedEvent?]>(Array(repeating: nil, count: ProjectionMemo.capacity))

    func event(at position: UInt64, hash: ChainHash) -> LoggedEvent? {
        ring.withLock { ring in
            guard let event = ring[Int(position % UInt64(Self.capacity))], event.position == position, event.hash == hash else {
                return nil
            }
            return event
        }
    }

    func remember(_ event: LoggedEvent) {
        ring.withLock { $0[Int(event.position % UInt64(Self.capacity))] = event }
    }
}
