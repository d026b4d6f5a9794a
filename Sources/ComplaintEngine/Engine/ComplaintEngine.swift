public import ComplaintPolicy
public import ComplaintWorkflow
public import EventLog
import BinaryCoding
import ComplaintLMDB
import ComplaintPrivacy
import Crypto
import Foundation

/// The embedding API: open an engine on a directory, send it commands from any number of tasks, and
/// read what the accepted ones changed.
///
/// ```swift
/// let engine = try await ComplaintEngine.open(directory: path, configuration: .init(policy: .standard))
/// let events = try await engine.handle(CommandEnvelope(commandId: "c1", streamId: "C-1",
///     actor: Actor(id: "agent-1", role: .agent), command: .receiveComplaint(...)))
/// let state = try engine.complaint("C-1")
/// ```
///
/// Each command is checked against its command id first (a retry returns the original events and
/// records nothing), then the stream's due SLA timers fire, then the workflow decides from the
/// stream's current state, and the events are appended with the stream version the decision saw.
/// If another command got there first, the engine decides again; a host's own `expectedVersion`
/// that no longer matches is refused with `versionConflict`. Concurrent commands share commits.
public final class ComplaintEngine: Sendable {
    /// The log underneath (read access for audits and tools).
    public let log: EventLog
    /// The configuration the engine was opened with.
    public let configuration: EngineConfiguration
    let translator: EventTranslator
    let keys: CustomerKeyStore
    let policies: PolicyBook
    /// The position of the `PolicyActivated` event of the configured policy.
    let policyPosition: UInt64
    /// Complaint states (and KPI folds) by stream version, shared with the projections.
    let caches: EngineCaches

    /// Fires SLA timers in the background when ``EngineConfiguration/firesTimersAutomatically``.
    let scheduler = TimerScheduler()
    /// What the last improvement-suggestion check saw.
    let suggestionChecks = SuggestionCheckMemory()

    static let maximumAttempts = 16

    /// Opens (creating when needed) the engine's store in `directory`.
    ///
    /// Logs `PolicyActivated` when the configured policy differs from the last one logged, and
    /// brings every projection up to date.
    public static func open(directory: String, configuration: EngineConfiguration = .init()) async throws -> ComplaintEngine {
        do {
            let readOnly = configuration.access == .readOnly
            if !readOnly { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            let masterPath = directory + "/master.key"
            let master = try configuration.masterKey
                ?? (readOnly ? MasterKey.load(at: masterPath) ?? MasterKey(bytes: Array(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }))
                    : MasterKey.loadOrCreate(at: masterPath))
            let keys = try CustomerKeyStore(path: directory + "/customer-keys", masterKey: master, readOnly: readOnly)
            let translator = EventTranslator(keys: keys)
            let policies = PolicyBook()
            let caches = EngineCaches(capacity: configuration.stateCacheSize)
            let log = try EventLog.open(directory: directory, configuration: EventLog.Configuration(
                durability: configuration.durability, access: configuration.access, clock: configuration.clock,
                projections: [
                    ComplaintStateProjection(
                        translator: translator, policies: policies, fallbackPolicy: configuration.policy,
                        cache: caches.states, faults: configuration.faults),
                    CustomerHistoryProjection(),
                    KPIProjection(
                        translator: translator, policies: policies, fallbackPolicy: configuration.policy,
                        cache: caches.kpi, faults: configuration.faults),
                    AuditProjection(),
                    ImprovementProjection(translator: translator),
                    RootCauseClosureProjection(),
                ]))
            do {
                let position = readOnly
                    ? try loadPolicies(from: log, into: policies)?.position ?? 0
                    : try await activate(configuration.policy, in: log, book: policies)
                let engine = ComplaintEngine(
                    log: log, configuration: configuration, translator: translator, keys: keys, policies: policies,
                    policyPosition: position, caches: caches)
                if !readOnly { try engine.destroyKeysOfForgottenCustomers() }
                if configuration.firesTimersAutomatically && !readOnly { engine.scheduler.start(engine) }
                return engine
            } catch {
                log.close()
                throw error
            }
        } catch let error as EventLogError {
            throw EngineError.storage(error)
        }
    }

    private init(
        log: EventLog, configuration: EngineConfiguration, translator: EventTranslator, keys: CustomerKeyStore,
        policies: PolicyBook, policyPosition: UInt64, caches: EngineCaches
    ) {
        self.caches = caches
        self.log = log
        self.configuration = configuration
        self.translator = translator
        self.keys = keys
        self.policies = policies
        self.policyPosition = policyPosition
    }

    /// Loads every logged policy into `book`; returns the last one's position and hash.
    private static func loadPolicies(from log: EventLog, into book: PolicyBook) throws -> (position: UInt64, hash: String)? {
        var last: (position: UInt64, hash: String)?
        for record in try log.readStream(PolicyBook.stream) {
            let (activation, _) = try book.register(record)
            last = (record.position, activation.hash)
        }
        return last
    }

    /// Loads every logged policy and appends `PolicyActivated` when `policy` differs from the last.
    private static func activate(_ policy: ServicePolicy, in log: EventLog, book: PolicyBook) async throws -> UInt64 {
        let last = try loadPolicies(from: log, into: book)
        let activation = PolicyBook.activation(of: policy)
        if let last, last.hash == activation.hash { return last.position }
        let request = AppendRequest(
            stream: PolicyBook.stream, kind: StreamKind.policies.rawValue,
            events: [ProposedEvent(type: PolicyBook.eventType, actor: EventActor(id: "system", role: "system"),
                                   payload: try BinaryEncoder().encode(activation))])
        let result = try await log.append(request)
        guard let position = result.positions?.lowerBound else {
            throw EventLogError(.storageFailed, "PolicyActivated was not recorded")
        }
        return position
    }

    /// Stops the timer scheduler and closes the log. Later calls fail with `closed`.
    public func close() {
        scheduler.stop()
        log.close()
    }

    /// The policy new decisions use.
    public var policy: ServicePolicy { configuration.policy }

    // MARK: Handling commands

    /// Decides and records one command; returns the events it recorded (the command's own, then its
    /// automatic ones). Timer events fired first are recorded under their own timer command ids and
    /// are not part of the result.
    ///
    /// - Throws: ``EngineError/refused(_:)`` with the workflow's reason, or ``EngineError/storage(_:)``.
    ///   Nothing is recorded for the command when it throws.
    @discardableResult
    public func handle(_ envelope: CommandEnvelope) async throws(EngineError) -> [LoggedEvent] {
        guard configuration.access == .readWrite else {
            throw .storage(EventLogError(.readOnly, "the engine was opened read-only: it records no commands"))
        }
        do {
            return try await decideAndAppend(envelope)
        } catch {
            throw EngineError.from(error)
        }
    }

    private func decideAndAppend(_ envelope: CommandEnvelope) async throws -> [LoggedEvent] {
        if envelope.command.name.isImprovement { return try await decideAndAppendImprovement(envelope) }
        let recorded = try await record(envelope) { fingerprint in
            let now = configuration.clock.now()
            let snapshot = try await fireTimers(stream: envelope.streamId, until: now) ?? streamSnapshot(envelope.streamId)
            let context = try decisionContext(for: envelope, snapshot: snapshot, now: now)
            let decided = try decide(snapshot.state, envelope, context)
            let kind = snapshot.kind ?? TransitionTable.row(for: envelope.command.name).stream.kind
            let customer = snapshot.state?.customerId
            let proposals = try decided.map {
                try translator.proposal(
                    $0, customerId: customer, policyPosition: policyPosition, correlationId: envelope.correlationId,
                    causationId: envelope.causationId)
            }
            let request = AppendRequest(
                commandID: envelope.commandId, fingerprint: fingerprint, stream: envelope.streamId, kind: kind.rawValue,
                expectedVersion: snapshot.version == 0 ? .noStream : .exact(snapshot.version), events: proposals.map(\.event))
            return (request, proposals)
        }
        // Recorded now or before: either way the key must be gone (a retry finishes a crashed erasure).
        if case .forgetCustomer(let forget) = envelope.command { try keys.forget(forget.customerId) }
        return recorded
    }

    /// The shape every command's handling shares: the command id first (a known id returns its
    /// original events, or is refused when it was used for another command or stream), then
    /// decide-and-append — `request` decides from the current state and returns the append, with
    /// the proposals it was made of when the result should be built from them rather than read back
    /// (``loggedEvents(_:request:result:)``) — until no other command got to the stream first.
    func record(
        _ envelope: CommandEnvelope,
        _ request: (_ fingerprint: [UInt8]) async throws -> (request: AppendRequest, proposals: [Proposal])
    ) async throws -> [LoggedEvent] {
        let fingerprint = Array("\(envelope.command.name.rawValue)|\(envelope.streamId)".utf8)
        if let earlier = try log.commandResult(envelope.commandId) {
            return try replay(earlier, fingerprint: fingerprint)
        }
        for _ in 0..<Self.maximumAttempts {
            let (appending, proposals) = try await request(fingerprint)
            guard let result = try await appendUnlessConflict(appending) else { continue }
            if result.isDuplicate { return try replay(result, fingerprint: fingerprint) }
            return try loggedEvents(proposals, request: appending, result: result)
        }
        throw EngineError.storage(EventLogError(
            .versionConflict, "stream \(envelope.streamId) kept changing; gave up after \(Self.maximumAttempts) attempts"))
    }

    /// Appends; `nil` when a stream moved on since the decision (the caller decides again).
    func appendUnlessConflict(_ request: AppendRequest) async throws -> AppendResult? {
        do {
            defer { scheduler.wake() }
            return try await log.append(request)
        } catch {
            if error.code == .versionConflict { return nil }
            throw error
        }
    }

    /// The original outcome of a command id seen before, or a refusal when the id was used for
    /// another command or stream.
    func replay(_ earlier: AppendResult, fingerprint: [UInt8]) throws -> [LoggedEvent] {
        guard earlier.fingerprint == fingerprint else {
            throw WorkflowError(
                .validationFailed, rule: "idempotency",
                reason: "command id was already used for \(String(decoding: earlier.fingerprint, as: UTF8.self))",
                field: "commandId")
        }
        return try events(at: earlier.positions)
    }

    func events(at positions: ClosedRange<UInt64>?) throws -> [LoggedEvent] {
        guard let positions else { return [] }
        return try log.read(from: positions.lowerBound, limit: positions.count).map(translator.logged)
    }

    // MARK: Timers

    /// Records the stream's SLA timers due at or before `instant`, each under its timer command id.
    ///
    /// - Returns: the stream's snapshot when nothing was due (so the caller need not read it again),
    ///   `nil` when timers were recorded.
    @discardableResult
    func fireTimers(stream: String, until instant: Date) async throws -> StreamSnapshot? {
        for _ in 0..<Self.maximumAttempts {
            let snapshot = try streamSnapshot(stream)
            guard let state = snapshot.state else { return snapshot }
            let due = tick(state, until: instant, streamId: stream, policy: configuration.policy, faults: configuration.faults)
            guard !due.isEmpty else { return snapshot }
            // One append per timer command: its events (the timer's own and what it triggered).
            var groups: [(id: String, events: [DecidedEvent])] = []
            for event in due {
                let id = event.timerCommandId ?? groups.last?.id ?? "timer:\(stream)"
                if groups.last?.id == id { groups[groups.count - 1].events.append(event) } else { groups.append((id, [event])) }
            }
            var version = snapshot.version
            var conflicted = false
            for group in groups {
                let proposed = try group.events.map {
                    try translator.proposed($0, customerId: state.customerId, policyPosition: policyPosition,
                                            correlationId: nil, causationId: nil)
                }
                let result = try await appendUnlessConflict(AppendRequest(
                    commandID: group.id, fingerprint: Array("Timer|\(stream)".utf8), stream: stream,
                    kind: StreamKind.complaint.rawValue, expectedVersion: .exact(version), events: proposed))
                guard let result, !result.isDuplicate else {
                    conflicted = true
                    break
                }
                version = result.streamVersions[stream] ?? version
            }
            if !conflicted { return nil }
        }
        return nil
    }

    // MARK: Reading state

    struct StreamSnapshot {
        var kind: StreamKind?
        var version: UInt64
        var state: ComplaintState?
    }

    func streamSnapshot(_ stream: String) throws -> StreamSnapshot {
        let logged = try log.streamState(stream)
        let kind = logged.flatMap { StreamKind(rawValue: $0.kind) }
        guard kind == .complaint else { return StreamSnapshot(kind: kind, version: logged?.version ?? 0, state: nil) }
        if let logged, let cached = caches.states.value(stream, at: logged.version) {
            return StreamSnapshot(kind: kind, version: logged.version, state: cached)
        }
        let stored = try log.readProjection("complaints") { space, txn in
            try space.get(Array(stream.utf8), in: txn).map(ComplaintStateProjection.decode)
        }
        // The projection commits with the log, so it is never behind a version read before it.
        if let stored { caches.states.store(stream, version: stored.version, value: stored.state) }
        return StreamSnapshot(kind: kind, version: stored?.version ?? logged?.version ?? 0, state: stored?.state)
    }

    /// A complaint's current state, or `nil` when there is no such complaint.
    public func complaint(_ id: String) throws -> ComplaintState? {
        try streamSnapshot(id).state
    }

    /// The facts `decide` needs besides the stream's state.
    ///
    /// The customer's history is read only for the commands whose decision can depend on it:
    /// `ReceiveComplaint` and `ForgetCustomer` (the customer's standing) and, while the repeat rule is
    /// on, commands on a complaint not yet both classified and assessed (the repeat rule looks at
    /// earlier complaints only when category and assessment first meet). Every other decision reads
    /// neither field, so skipping the look-up changes no outcome.
    ///
    /// - Parameter pending: complaints decided earlier in the same batch but not yet recorded
    ///   (``handle(batch:)``): they count as the customer's complaints and as existing streams.
    func decisionContext(
        for envelope: CommandEnvelope, snapshot: StreamSnapshot, now: Date, pending: [String: StreamSnapshot] = [:]
    ) throws -> DecisionContext {
        let customer: String? = switch envelope.command {
        case .receiveComplaint(let receive): receive.customer.id
        case .forgetCustomer(let forget): forget.customerId
        default: snapshot.state?.customerId
        }
        var duplicateExists = false
        if case .closeComplaint(let close) = envelope.command, let target = close.duplicateOf {
            duplicateExists = try pending[target]?.kind == .complaint
                || log.streamState(target)?.kind == StreamKind.complaint.rawValue
        }
        let needsHistory: Bool = switch envelope.command {
        case .receiveComplaint, .forgetCustomer: true
        default: configuration.policy.isEnabled(.repeatComplaint) && snapshot.state?.isClassifiedAndAssessed != true
        }
        var history = needsHistory ? try customer.map { try customerHistory($0) } : nil
        if needsHistory, let customer, !pending.isEmpty {
            // Complaints of this customer decided earlier in the batch, in place of what the store knows of them.
            var complaints = history?.complaints ?? []
            for (id, decided) in pending where decided.state?.customerId == customer {
                guard let state = decided.state else { continue }
                complaints.removeAll { $0.id == id }
                complaints.append(EarlierComplaint(
                    id: id, category: state.category, receivedAt: state.receivedAt, closedReason: state.closedReason))
            }
            complaints.sort { Array($0.id.utf8).lexicographicallyPrecedes($1.id.utf8) }
            let standing = history?.standing == .forgotten ? CustomerStanding.forgotten : (complaints.isEmpty ? .unknown : .known)
            history = (complaints, standing)
        }
        return DecisionContext(
            now: now, policy: configuration.policy, streamKind: snapshot.kind, streamVersion: Int(snapshot.version),
            earlierComplaints: history?.complaints.filter { $0.id != envelope.streamId } ?? [],
            customer: history?.standing ?? .unknown, duplicateOfExists: duplicateExists, faults: configuration.faults)
    }

    /// Destroys the key of every customer the log says was forgotten but whose key survived (a crash
    /// between recording `CustomerForgotten` and erasing the key).
    func destroyKeysOfForgottenCustomers() throws {
        let forgotten: [String] = try log.readProjection("customer-history") { space, txn in
            var ids: [String] = []
            try space.scan(prefix: [UInt8(ascii: "f")], in: txn) { key, _ in
                ids.append(String(decoding: key.dropFirst(), as: UTF8.self))
                return true
            }
            return ids
        }
        for customer in forgotten where keys.state(of: customer) == .active { try keys.forget(customer) }
    }

    /// A customer's complaints and standing.
    public func customerHistory(_ customer: String) throws -> (complaints: [EarlierComplaint], standing: CustomerStanding) {
        try log.readProjection("customer-history") { space, txn in
            let forgotten = try space.get(CustomerHistoryProjection.forgottenKey(customer), in: txn) != nil
            var complaints: [EarlierComplaint] = []
            let prefix = CustomerHistoryProjection.customerPrefix(customer)
            try space.scan(prefix: prefix, in: txn) { key, value in
                let entry = try BinaryDecoder().decode(CustomerHistoryProjection.Entry.self, from: Array(value))
                complaints.append(EarlierComplaint(
                    id: String(decoding: key.dropFirst(prefix.count), as: UTF8.self),
                    category: entry.category.flatMap { Category(rawValue: $0) }, receivedAt: entry.receivedAt,
                    closedReason: entry.closedReason.flatMap(ClosureReason.init(rawValue:))))
                return true
            }
            let standing: CustomerStanding = forgotten ? .forgotten : (complaints.isEmpty ? .unknown : .known)
            return (complaints, standing)
        }
    }
}
