public import Foundation

/// Who caused an event: an id and a role, both opaque to the log.
public struct EventActor: Sendable, Hashable, CustomStringConvertible {
    /// The actor's id (1–128 bytes).
    public var id: String
    /// The actor's role (1–64 bytes).
    public var role: String

    /// Creates an actor.
    public init(id: String, role: String) {
        self.id = id
        self.role = role
    }

    /// `id/role`.
    public var description: String { "\(id)/\(role)" }
}

/// The stream version an append expects to find, checked before anything is written.
public enum ExpectedVersion: Sendable, Hashable, CustomStringConvertible {
    /// No check.
    case any
    /// The stream must not exist yet.
    case noStream
    /// The stream must exist, at any version.
    case exists
    /// The stream's last version must be exactly this (0 means the stream must not exist).
    case exact(UInt64)

    /// A readable form for error messages.
    public var description: String {
        switch self {
        case .any: "any"
        case .noStream: "no stream"
        case .exists: "an existing stream"
        case .exact(let version): "version \(version)"
        }
    }

    func admits(current: UInt64) -> Bool {
        switch self {
        case .any: true
        case .noStream: current == 0
        case .exists: current > 0
        case .exact(let version): current == version
        }
    }
}

/// An event to append: everything but what the log assigns (position, stream version, times, hashes).
public struct ProposedEvent: Sendable, Hashable {
    /// The event's type name (see ``LogLimits/eventTypeBytes``).
    public var type: String
    /// The schema version of `payload`'s encoding.
    public var schemaVersion: UInt16
    /// A unique id for the event; generated when not given.
    public var id: UUID
    /// Who caused it.
    public var actor: EventActor
    /// The instant the event stands for; `nil` means the commit time (``RecordedEvent/recordedAt``).
    public var occurredAt: Date?
    /// Groups the events of one business flow.
    public var correlationID: String?
    /// The event or command that caused this one.
    public var causationID: String?
    /// The encoded event data (at most ``LogLimits/maxPayloadBytes``).
    public var payload: [UInt8]
    /// Encoded metadata (at most ``LogLimits/maxMetadataBytes``).
    public var metadata: [UInt8]

    /// Creates an event to append.
    public init(
        type: String, schemaVersion: UInt16 = 1, id: UUID = UUID(), actor: EventActor, occurredAt: Date? = nil,
        correlationID: String? = nil, causationID: String? = nil, payload: [UInt8], metadata: [UInt8] = []
    ) {
        self.type = type
        self.schemaVersion = schemaVersion
        self.id = id
        self.actor = actor
        self.occurredAt = occurredAt
        self.correlationID = correlationID
        self.causationID = causationID
        self.payload = payload
        self.metadata = metadata
    }
}

/// Events for one stream within an ``AppendRequest``.
public struct StreamAppend: Sendable, Hashable {
    /// The stream id (1–128 bytes of UTF-8).
    public var stream: String
    /// The stream's kind; fixed by the first append to the stream.
    public var kind: String
    /// The version the caller expects the stream to be at.
    public var expectedVersion: ExpectedVersion
    /// The events, in order.
    public var events: [ProposedEvent]

    /// Creates the events of one stream.
    public init(stream: String, kind: String, expectedVersion: ExpectedVersion = .any, events: [ProposedEvent]) {
        self.stream = stream
        self.kind = kind
        self.expectedVersion = expectedVersion
        self.events = events
    }
}

/// One atomic append: events for one or more streams, all recorded or none.
public struct AppendRequest: Sendable, Hashable {
    /// The idempotency key: a request whose command id the log has seen returns the original result
    /// and writes nothing. Command ids are kept forever.
    public var commandID: String?
    /// Opaque bytes stored with the command id and returned with a duplicate's result, so the caller
    /// can tell a true retry from a reused id (at most ``LogLimits/maxFingerprintBytes``).
    public var fingerprint: [UInt8]
    /// The streams and their events, in the order they are recorded.
    public var streams: [StreamAppend]

    /// Creates an append request.
    public init(commandID: String? = nil, fingerprint: [UInt8] = [], streams: [StreamAppend]) {
        self.commandID = commandID
        self.fingerprint = fingerprint
        self.streams = streams
    }

    /// Creates a request appending to one stream.
    public init(
        commandID: String? = nil, fingerprint: [UInt8] = [], stream: String, kind: String,
        expectedVersion: ExpectedVersion = .any, events: [ProposedEvent]
    ) {
        self.init(commandID: commandID, fingerprint: fingerprint, streams: [
            StreamAppend(stream: stream, kind: kind, expectedVersion: expectedVersion, events: events),
        ])
    }

    var eventCount: Int { streams.reduce(0) { $0 + $1.events.count } }
}

/// What an append recorded.
public struct AppendResult: Sendable, Hashable {
    /// The positions of the recorded events (empty when the request had none).
    public var positions: ClosedRange<UInt64>?
    /// Each stream's last version after the append.
    public var streamVersions: [String: UInt64]
    /// Whether this is the stored result of an earlier request with the same command id.
    public var isDuplicate: Bool
    /// The fingerprint stored with the command id (the original request's, for a duplicate).
    public var fingerprint: [UInt8]
    /// The commit time of the recorded events.
    public var recordedAt: Date?
    /// The chain hash of each recorded event, in position order (one per position in
    /// ``positions``), so a caller can describe what it recorded without reading it back.
    public var hashes: [ChainHash] = []
}
