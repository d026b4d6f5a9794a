public import ComplaintLMDB
public import Foundation

/// A domain-free, append-only event log in an LMDB environment.
///
/// Every event gets a gapless global position (from 1) and a version in its stream (from 1), and
/// is chained to the one before it by a SHA-256 hash, so ``verify(from:through:progress:)`` detects any
/// change to a stored record. Appends are atomic across streams, checked against an expected
/// version, and idempotent by command id. A single writer thread group-commits concurrent appends:
/// one transaction and one flush for everything queued, each caller answered on its own.
///
/// ```swift
/// let log = try EventLog.open(directory: "/var/lib/complaints")
/// let result = try await log.append(AppendRequest(
///     commandID: "cmd-1", stream: "C-1", kind: "complaint", expectedVersion: .noStream,
///     events: [ProposedEvent(type: "ComplaintReceived", actor: EventActor(id: "agent-1", role: "agent"), payload: bytes)]))
/// for try await event in log.subscribe(from: 1) { … }
/// ```
///
/// Open one log per store and process for writing; other processes open it
/// ``Configuration/readOnly`` to read, verify and subscribe up to the head.
public final class EventLog: Sendable {
    /// The environment holding the log (and any projection databases declared in the configuration).
    public let environment: Environment
    /// The configuration the log was opened with.
    public let configuration: Configuration
    let storage: LogStorage
    private let committer: GroupCommitter?
    let broadcast: HeadBroadcast
    let projections: ProjectionCoordinator?

    /// Opens (creating when writable) the log in `directory`.
    ///
    /// - Throws: ``EventLogError`` with code ``EventLogError/Code/storeBusy`` when another process
    ///   (or another log in this process) writes to the store; ``EventLogError/Code/storageCorrupted``
    ///   when the files are not a log of this format.
    public static func open(
        directory: String, configuration: Configuration = Configuration()
    ) throws(EventLogError) -> EventLog {
        let environment: Environment
        do {
            environment = try Environment.open(directory: directory, configuration: EnvironmentConfiguration(
                databases: LogStorage.databaseSpecs + ProjectionCoordinator.databaseSpecs + configuration.extraDatabases,
                mapSize: configuration.mapSize, maximumMapSize: configuration.maximumMapSize,
                durability: configuration.durability, access: configuration.access))
        } catch {
            throw EventLogError.from(error, doing: "open \(directory)")
        }
        do {
            return try EventLog(environment: environment, configuration: configuration)
        } catch {
            environment.close()
            throw EventLogError.from(error, doing: "open \(directory)")
        }
    }

    private init(environment: Environment, configuration: Configuration) throws {
        self.environment = environment
        self.configuration = configuration
        let storage = LogStorage(environment)
        self.storage = storage
        if configuration.access == .readWrite {
            try environment.write { txn in try Self.checkFormat(storage, txn) }
        }
        let projections = configuration.projections.isEmpty ? nil : ProjectionCoordinator(
            projections: configuration.projections, next: configuration.observer, environment: environment)
        self.projections = projections
        if configuration.access == .readWrite, let projections {
            try projections.catchUp(
                environment: environment, storage: storage, chunk: configuration.projectionChunkSize,
                progress: configuration.projectionProgress)
        }
        let head = try environment.read { txn in try storage.head(txn) }
        broadcast = HeadBroadcast(head: head.position)
        if configuration.access == .readWrite {
            let committer = GroupCommitter(
                environment: environment, storage: storage, configuration: configuration,
                observer: projections ?? configuration.observer, published: broadcast,
                tip: .init(position: head.position, hash: head.hash, recordedAt: head.recordedAt))
            committer.start()
            self.committer = committer
        } else {
            committer = nil
        }
    }

    private static func checkFormat(_ storage: LogStorage, _ txn: borrowing WriteTransaction) throws {
        let key = Array("format".utf8)
        if let stored = try txn.get(in: storage.meta, key: key) {
            var version: UInt32 = 0
            for byte in stored { version = version << 8 | UInt32(byte) }
            guard stored.count == 4, version == LogStorage.formatVersion else {
                throw EventLogError(.storageCorrupted, "log format \(version) is not supported (this build reads format \(LogStorage.formatVersion))")
            }
        } else {
            try txn.put(in: storage.meta, key: key, value: withUnsafeBytes(of: LogStorage.formatVersion.bigEndian) { Array($0) })
        }
    }

    /// Commits what is queued, stops the writer, and closes the environment. Subscriptions end.
    public func close() {
        committer?.close()
        broadcast.close()
        environment.close()
    }

    // MARK: Appending

    /// Appends the request's events atomically and returns what was recorded.
    ///
    /// The request is validated first (``LogLimits``); then, on the writer, its command id is looked
    /// up (a known id returns the original result, ``AppendResult/isDuplicate``, and writes nothing)
    /// and each stream's expected version and kind are checked. Returns once the commit is durable
    /// under the log's `Durability`.
    ///
    /// - Throws: ``EventLogError`` (`validationFailed`, `versionConflict`, `wrongStreamKind`,
    ///   `readOnly`, `closed`, `storageFull`, …); nothing is recorded when it throws.
    public func append(_ request: AppendRequest) async throws(EventLogError) -> AppendResult {
        guard let committer else { throw EventLogError(.readOnly, "the event log was opened read-only") }
        try request.validate()
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Result<AppendResult, EventLogError>, Never>) in
            committer.submit(request) { continuation.resume(returning: $0) }
        }
        return try outcome.get()
    }

    /// Appends several requests atomically, in order, in one transaction (and one sync): either all
    /// are recorded or none is.
    ///
    /// Each request is checked as if the earlier ones of the group were already recorded (their
    /// stream versions count for the later requests' expected versions). Unlike ``append(_:)``, a
    /// command id the log already knows does not return the stored result: the whole group is
    /// refused with `versionConflict` (field `commandId`), so the caller can look the ids up and
    /// decide again; a command id used twice in the group is `validationFailed`. Concurrent single
    /// appends and other groups still share the commit (group commit).
    ///
    /// - Returns: one result per request, in order.
    /// - Throws: ``EventLogError``; nothing of the group is recorded when it throws.
    public func append(atomically requests: [AppendRequest]) async throws(EventLogError) -> [AppendResult] {
        guard let committer else { throw EventLogError(.readOnly, "the event log was opened read-only") }
        guard !requests.isEmpty else { return [] }
        for request in requests { try request.validate() }
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<Result<[AppendResult], EventLogError>, Never>) in
            committer.submit(group: requests) { continuation.resume(returning: $0) }
        }
        return try outcome.get()
    }

    /// Counters of the writer's work (commits, requests, events) since the log opened.
    public var statistics: Statistics { committer?.statistics ?? Statistics() }

    // MARK: Reading

    /// The last committed position (0 for an empty log).
    public func headPosition() throws -> UInt64 {
        try reading { txn in try storage.head(txn).position }
    }

    /// The end of the hash chain: the last position and its hash, to export and check later.
    public func chainHead() throws -> ChainHead {
        try reading { txn in
            let head = try storage.head(txn)
            return ChainHead(position: head.position, hash: head.hash)
        }
    }

    /// Up to `limit` events from `position` on, in position order (a batch; call again from the
    /// last position + 1 for the next one).
    public func read(from position: UInt64, limit: Int = 1000) throws -> [RecordedEvent] {
        try reading { txn in try storage.events(txn, from: position, limit: limit) }
    }

    /// The event at `position`, or `nil`.
    public func event(at position: UInt64) throws -> RecordedEvent? {
        try reading { txn in try storage.event(txn, at: position) }
    }

    /// Which way to read a stream.
    public enum Direction: Sendable, Hashable {
        /// Ascending versions from the start version.
        case forwards
        /// Descending versions from the start version.
        case backwards
    }

    /// Up to `limit` events of `stream` from `version` on (forwards) or down (backwards).
    /// Backwards from `UInt64.max` starts at the stream's last event.
    public func readStream(
        _ stream: String, from version: UInt64 = 1, direction: Direction = .forwards, limit: Int = Int.max
    ) throws -> [RecordedEvent] {
        try reading { txn in
            let positions = try storage.streamPositions(
                txn, stream, from: version, backwards: direction == .backwards, limit: limit)
            return try positions.map { position in
                guard let event = try storage.event(txn, at: position) else {
                    throw EventLogError(.storageCorrupted, "stream \(stream) points at missing position \(position)", position: position)
                }
                return event
            }
        }
    }

    /// The stored result of the command `id` (as a duplicate append would return it), or `nil` when
    /// the log has not recorded that command id.
    public func commandResult(_ id: String) throws -> AppendResult? {
        try reading { txn in try storage.command(txn, id).map { try storage.result(of: $0, txn) } }
    }

    /// A stream's last version and kind, or `nil` when it does not exist.
    public func streamState(_ stream: String) throws -> (version: UInt64, kind: String)? {
        try reading { txn in try storage.streamInfo(txn, stream).map { ($0.lastVersion, $0.kind) } }
    }

    func reading<R>(_ body: (borrowing ReadTransaction) throws -> R) throws -> R {
        do {
            return try environment.read(body)
        } catch {
            throw EventLogError.from(error, doing: "read")
        }
    }

    // MARK: Subscribing

    /// Every event from `position` on, in order: first those already recorded, then each new commit
    /// as it happens (no polling), never skipping or repeating one. On a read-only log the sequence
    /// ends when it reaches the head; on a writable log it ends when the log closes or the task is
    /// cancelled.
    public func subscribe(from position: UInt64 = 1) -> EventSubscription {
        EventSubscription(log: self, from: max(position, 1), follows: committer != nil)
    }
}

/// The end of the hash chain at some moment.
public struct ChainHead: Sendable, Hashable, CustomStringConvertible {
    /// The last position (0 for an empty log).
    public var position: UInt64
    /// Its record's hash (``ChainHash/genesis`` for an empty log).
    public var hash: ChainHash

    /// Creates a chain head.
    public init(position: UInt64, hash: ChainHash) {
        self.position = position
        self.hash = hash
    }

    /// `position:hash`.
    public var description: String { "\(position):\(hash.hex)" }
}
