public import EventLog
import ComplaintWorkflow

/// Live feeds for hosts: the decoded workflow events, and which complaints changed.
///
/// Both are built on ``EventLog/subscribe(from:)``: they first read what is already recorded from
/// the given position, then wait for each new commit (woken by the writer, no polling). They never
/// skip or repeat an event, end when the task iterating them is cancelled or the engine closes (or,
/// for ``ComplaintEngine/events(from:through:)`` given a last position, once they read it), and can
/// be resumed from the last position seen plus one.
extension ComplaintEngine {
    /// Every workflow event from log position `position` on, decoded as ``LoggedEvent`` (personal
    /// fields revealed, or `"[erased]"` once the customer was forgotten).
    ///
    /// `PolicyActivated` records are skipped: they are not workflow events, and hosts see the
    /// policy in force on each event (``LoggedEvent/policyPosition``, or the audit trail's
    /// ``AuditEntry/policyVersion``). Positions therefore skip the policy records; everything else
    /// arrives once, in position order.
    ///
    /// To read up to a position and stop, pass it as `through`: the feed ends once it has read the
    /// record there, whether or not that record is a workflow event, waiting for it while it is not
    /// yet recorded. Reading "everything so far" is therefore
    ///
    /// ```swift
    /// for try await event in engine.events(from: 1, through: try engine.log.headPosition()) { … }
    /// ```
    ///
    /// which ends even when the head is a `PolicyActivated` record (as it is right after an engine
    /// opens a new store or logs a changed policy), where waiting for an event at the head position
    /// would wait for ever. Follow on live with `events(from: head + 1)`.
    ///
    /// - Parameters:
    ///   - position: the first log position to read.
    ///   - last: the last log position to read; `nil` (the default) follows new commits until the
    ///     iterating task is cancelled or the engine closes. A `last` before `position` gives an
    ///     empty feed.
    public func events(from position: UInt64 = 1, through last: UInt64? = nil) -> LoggedEventSequence {
        LoggedEventSequence(records: log.subscribe(from: position), translator: translator, first: position, last: last)
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

/// The workflow events of the log as they are recorded (see ``ComplaintEngine/events(from:through:)``).
public struct LoggedEventSequence: AsyncSequence, Sendable {
    /// Each element is one decoded workflow event.
    public typealias Element = LoggedEvent

    let records: EventSubscription
    let translator: EventTranslator
    /// The first position to read.
    let first: UInt64
    /// The last position to read, or `nil` to follow new commits.
    let last: UInt64?

    /// Reads records and decodes the workflow events among them.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var records: EventSubscription.AsyncIterator
        let translator: EventTranslator
        let last: UInt64?
        /// Whether the record at `last` was read (positions start at 1).
        var ended: Bool

        /// The next workflow event, or `nil` when the feed ended (cancelled, closed, or past its
        /// last position).
        ///
        /// - Throws: a storage error, or a decoding error for a record this library cannot read.
        public mutating func next() async throws -> LoggedEvent? {
            while !ended, let record = try await records.next() {
                if let last {
                    guard record.position <= last else { break }
                    ended = record.position == last
                }
                guard EventType(rawValue: record.type) != nil else { continue }
                return try translator.logged(record)
            }
            ended = true
            return nil
        }
    }

    /// Starts at the feed's position.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(
            records: records.makeAsyncIterator(), translator: translator, last: last,
            ended: last.map { $0 < Swift.max(first, 1) } ?? false)
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
