public import EventLog
import ComplaintWorkflow

/// Live feeds for hosts: the decoded workflow events, and which complaints changed.
///
/// Both are built on ``EventLog/subscribe(from:)``: they first read what is already recorded from
/// the given position, then wait for each new commit (woken by the writer, no polling). They never
/// skip or repeat an event, end when the task iterating them is cancelled or the engine closes,
/// and can be resumed from the last position seen plus one.
extension ComplaintEngine {
    /// Every workflow event from log position `position` on, decoded as ``LoggedEvent`` (personal
    /// fields revealed, or `"[erased]"` once the customer was forgotten).
    ///
    /// `PolicyActivated` records are skipped: they are not workflow events, and hosts see the
    /// policy in force on each event (``LoggedEvent/policyPosition``, or the audit trail's
    /// ``AuditEntry/policyVersion``). Positions therefore skip the policy records; everything else
    /// arrives once, in position order.
    public func events(from position: UInt64 = 1) -> LoggedEventSequence {
        LoggedEventSequence(records: log.subscribe(from: position), translator: translator)
    }

    /// One ``ComplaintChange`` for every event recorded on a complaint stream from log position
    /// `position` on (each changes that complaint's state, queues and KPIs), in position order.
    ///
    /// It reads only record envelopes (no payload decoding), so it is cheap to keep open.
    /// Erasing a customer (`CustomerForgotten` on `customer:<id>`) yields nothing: no complaint
    /// view holds personal data.
    public func complaintChanges(from position: UInt64 = 1) -> ComplaintChangeSequence {
        ComplaintChangeSequence(records: log.subscribe(from: position))
    }
}

/// The workflow events of the log as they are recorded (see ``ComplaintEngine/events(from:)``).
public struct LoggedEventSequence: AsyncSequence, Sendable {
    /// Each element is one decoded workflow event.
    public typealias Element = LoggedEvent

    let records: EventSubscription
    let translator: EventTranslator

    /// Reads records and decodes the workflow events among them.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var records: EventSubscription.AsyncIterator
        let translator: EventTranslator

        /// The next workflow event, or `nil` when the feed ended (cancelled or closed).
        ///
        /// - Throws: a storage error, or a decoding error for a record this library cannot read.
        public mutating func next() async throws -> LoggedEvent? {
            while let record = try await records.next() {
                guard EventType(rawValue: record.type) != nil else { continue }
                return try translator.logged(record)
            }
            return nil
        }
    }

    /// Starts at the feed's position.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(records: records.makeAsyncIterator(), translator: translator)
    }
}

/// That a complaint's state changed, and at which log position.
public struct ComplaintChange: Sendable, Hashable {
    /// The complaint (stream) id.
    public var complaintId: String
    /// The position of the event that changed it.
    public var position: UInt64
    /// The complaint's stream version after the change.
    public var streamVersion: UInt64
    /// The event's type name.
    public var eventType: String

    /// Creates a change record.
    public init(complaintId: String, position: UInt64, streamVersion: UInt64, eventType: String) {
        self.complaintId = complaintId
        self.position = position
        self.streamVersion = streamVersion
        self.eventType = eventType
    }
}

/// The complaints that change as events are recorded (see ``ComplaintEngine/complaintChanges(from:)``).
public struct ComplaintChangeSequence: AsyncSequence, Sendable {
    /// Each element names a complaint and the position that changed it.
    public typealias Element = ComplaintChange

    let records: EventSubscription

    /// Reads records and keeps those of complaint streams.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var records: EventSubscription.AsyncIterator

        /// The next change, or `nil` when the feed ended (cancelled or closed).
        public mutating func next() async throws -> ComplaintChange? {
            while let record = try await records.next() {
                guard record.streamKind == StreamKind.complaint.rawValue else { continue }
                return ComplaintChange(
                    complaintId: record.stream, position: record.position, streamVersion: record.streamVersion,
                    eventType: record.type)
            }
            return nil
        }
    }

    /// Starts at the feed's position.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(records: records.makeAsyncIterator())
    }
}
