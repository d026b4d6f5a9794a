import ComplaintLMDB
import Foundation

/// The log's single writer: one OS thread that owns every write transaction.
///
/// Callers enqueue requests and await their own result. Whenever the thread is free it takes
/// everything queued (up to ``EventLog/Configuration/maxBatchRequests``) and commits it in one
/// transaction and one flush, so concurrent callers share the cost of the sync. Each request is
/// checked on its own (idempotency, expected versions) before it writes, so a refused request
/// records nothing and does not disturb the others in its batch.
final class GroupCommitter: @unchecked Sendable {
    /// One request, or an atomic group of requests (all recorded in order, or none).
    struct Submission {
        let requests: [AppendRequest]
        let reply: @Sendable (Result<[AppendResult], EventLogError>) -> Void
    }

    /// The chain's end as the writer last committed it. Touched only on the writer thread.
    struct Tip {
        var position: UInt64
        var hash: ChainHash
        var recordedAt: Int64
    }

    private let environment: Environment
    private let storage: LogStorage
    private let configuration: EventLog.Configuration
    private let observer: (any CommitObserver)?
    private let published: HeadBroadcast
    private let condition = NSCondition()
    private var queue: [Submission] = []
    private var closing = false
    private var finished = false
    private var dirtySince: ContinuousClock.Instant?
    private var tip: Tip
    private var counters = EventLog.Statistics()

    init(environment: Environment, storage: LogStorage, configuration: EventLog.Configuration,
         observer: (any CommitObserver)?, published: HeadBroadcast, tip: Tip) {
        self.environment = environment
        self.storage = storage
        self.configuration = configuration
        self.observer = observer
        self.published = published
        self.tip = tip
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "EventLog writer"
        thread.start()
    }

    /// Queues a request; `reply` is called once, on the writer thread, after the commit.
    func submit(_ request: AppendRequest, reply: @escaping @Sendable (Result<AppendResult, EventLogError>) -> Void) {
        submit(group: [request]) { reply($0.map { $0[0] }) }
    }

    /// Queues an atomic group: its requests are recorded in order in one transaction, or none is.
    func submit(group requests: [AppendRequest], reply: @escaping @Sendable (Result<[AppendResult], EventLogError>) -> Void) {
        condition.lock()
        if closing {
            condition.unlock()
            reply(.failure(EventLogError(.closed, "the event log is closed")))
            return
        }
        queue.append(Submission(requests: requests, reply: reply))
        condition.signal()
        condition.unlock()
    }

    var statistics: EventLog.Statistics {
        condition.lock()
        defer { condition.unlock() }
        var snapshot = counters
        snapshot.queued = queue.count
        return snapshot
    }

    /// Commits what is queued, stops the thread and waits for it.
    func close() {
        condition.lock()
        closing = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    // MARK: The writer thread

    private func run() {
        while let batch = nextBatch() {
            commit(batch)
        }
        flushIfDirty(force: true)
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for work; returns `nil` when closing with nothing left. Flushes relaxed commits when
    /// their interval passes while idle.
    private func nextBatch() -> [Submission]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            if closing { return nil }
            if let since = dirtySince {
                let deadline = since + configuration.relaxedSyncInterval
                let remaining = ContinuousClock.now.duration(to: deadline)
                if remaining <= .zero {
                    condition.unlock()
                    flushIfDirty(force: false)
                    condition.lock()
                    continue
                }
                let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) / 1e18
                _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
            } else {
                condition.wait()
            }
        }
        let count = min(queue.count, configuration.maxBatchRequests)
        let batch = Array(queue.prefix(count))
        queue.removeFirst(count)
        return batch
    }

    private func flushIfDirty(force: Bool) {
        guard dirtySince != nil else { return }
        if !force, let since = dirtySince, ContinuousClock.now < since + configuration.relaxedSyncInterval { return }
        dirtySince = nil
        try? environment.sync(force: true)
        condition.lock()
        counters.relaxedSyncs += 1
        condition.unlock()
    }

    private func commit(_ batch: [Submission]) {
        let outcomes: [Result<[AppendResult], EventLogError>]
        var recordedEvents = 0
        do {
            let written = try environment.write { txn in try write(batch, txn) }
            outcomes = written.outcomes
            recordedEvents = Int(written.tip.position - tip.position)
            tip = written.tip
            condition.lock()
            counters.commits += 1
            counters.requests += batch.reduce(0) { $0 + $1.requests.count }
            counters.events += recordedEvents
            counters.largestBatch = max(counters.largestBatch, batch.count)
            condition.unlock()
            if configuration.durability == .relaxed && dirtySince == nil { dirtySince = .now }
        } catch LMDBError.Code.transactionFull where batch.count > 1 {
            observer?.discarded()
            let half = batch.count / 2
            commit(Array(batch[..<half]))
            commit(Array(batch[half...]))
            return
        } catch {
            observer?.discarded()
            let failure = EventLogError.from(error, doing: "append")
            outcomes = Array(repeating: .failure(failure), count: batch.count)
        }
        if recordedEvents > 0 { published.advance(to: tip.position) }
        for (submission, outcome) in zip(batch, outcomes) { submission.reply(outcome) }
    }

    /// The body of one write transaction; runs again from the start if the map had to grow.
    private func write(
        _ batch: [Submission], _ txn: borrowing WriteTransaction
    ) throws -> (outcomes: [Result<[AppendResult], EventLogError>], tip: Tip) {
        var tip = self.tip
        tip.recordedAt = max(Microseconds.from(configuration.clock.now()), tip.recordedAt)
        var recorded: [RecordedEvent] = []
        var outcomes: [Result<[AppendResult], EventLogError>] = []
        outcomes.reserveCapacity(batch.count)
        for submission in batch {
            if submission.requests.count == 1 {
                outcomes.append(try apply(submission.requests[0], txn, &tip, collecting: &recorded).map { [$0] })
                continue
            }
            // An atomic group: every check passes before anything is written, so a refusal leaves
            // nothing behind; then each request is applied as on its own, seeing the earlier ones.
            if let refusal = try checkGroup(submission.requests, txn) {
                outcomes.append(.failure(refusal))
                continue
            }
            var results: [AppendResult] = []
            results.reserveCapacity(submission.requests.count)
            for request in submission.requests {
                switch try apply(request, txn, &tip, collecting: &recorded) {
                case .success(let result): results.append(result)
                case .failure(let error):
                    // checkGroup admitted it, so this cannot happen; abort rather than half-record.
                    throw EventLogError(.storageFailed, "atomic group member failed after its check: \(error)")
                }
            }
            outcomes.append(.success(results))
        }
        if let observer, !recorded.isEmpty {
            try observer.record(recorded, in: txn)
        }
        return (outcomes, tip)
    }

    /// Checks and writes one request. Refusals return a failure having written nothing; storage
    /// errors throw and abort the whole transaction.
    private func apply(
        _ request: AppendRequest, _ txn: borrowing WriteTransaction, _ tip: inout Tip,
        collecting recorded: inout [RecordedEvent]
    ) throws -> Result<AppendResult, EventLogError> {
        if let id = request.commandID, let stored = try storage.command(txn, id) {
            return .success(try storage.result(of: stored, txn))
        }
        var infos: [String: LogStorage.StreamInfo]
        switch try checkStreams(request, txn) {
        case .success(let current): infos = current
        case .failure(let refusal): return .failure(refusal)
        }
        let first = tip.position + 1
        let commandID = request.commandID ?? ""
        var lastVersions: [String: UInt64] = [:]
        var hashes: [ChainHash] = []
        hashes.reserveCapacity(request.eventCount)
        for append in request.streams {
            guard var info = infos[append.stream] else { continue }
            for event in append.events {
                let position = tip.position + 1
                info.lastVersion += 1
                info.lastPosition = position
                let assigned = RecordFormat.Assigned(
                    position: position, stream: append.stream, streamKind: info.kind, streamVersion: info.lastVersion,
                    commandID: commandID, recordedAt: tip.recordedAt,
                    occurredAt: event.occurredAt.map(Microseconds.from) ?? tip.recordedAt)
                var record = RecordFormat.body(event, assigned)
                let hash = record.withUnsafeBytes { ChainHash.link(tip.hash, $0) }
                record.append(contentsOf: tip.hash.bytes)
                record.append(contentsOf: hash.bytes)
                try PositionKey.bytes(position).withUnsafeBytes { key in
                    try record.withUnsafeBytes { try txn.put(in: storage.events, key: key, value: $0, append: true) }
                }
                try txn.put(in: storage.streamIndex, key: LogStorage.indexKey(append.stream, info.lastVersion),
                            value: PositionKey.bytes(position))
                if observer != nil {
                    recorded.append(RecordedEvent(
                        position: position, stream: append.stream, streamKind: info.kind,
                        streamVersion: info.lastVersion, type: event.type, schemaVersion: event.schemaVersion,
                        id: event.id, commandID: request.commandID, correlationID: event.correlationID,
                        causationID: event.causationID, actor: event.actor,
                        recordedAt: Microseconds.date(assigned.recordedAt), occurredAt: Microseconds.date(assigned.occurredAt),
                        payload: event.payload, metadata: event.metadata, previousHash: tip.hash, hash: hash))
                }
                tip.position = position
                tip.hash = hash
                hashes.append(hash)
            }
            infos[append.stream] = info
            lastVersions[append.stream] = info.lastVersion
        }
        for (stream, info) in infos { try storage.putStreamInfo(txn, stream, info) }
        let count = tip.position + 1 - first
        if let id = request.commandID {
            try storage.putCommand(txn, id, LogStorage.StoredCommand(
                firstPosition: first, eventCount: count, recordedAt: tip.recordedAt, fingerprint: request.fingerprint))
        }
        return .success(AppendResult(
            positions: count > 0 ? first...tip.position : nil, streamVersions: lastVersions, isDuplicate: false,
            fingerprint: request.fingerprint, recordedAt: Microseconds.date(tip.recordedAt), hashes: hashes))
    }

    /// Checks an atomic group as a whole: no command id already recorded (or used twice in the
    /// group), and every stream's kind and expected version as the group's earlier requests leave
    /// it. `nil` when the whole group can be recorded.
    private func checkGroup(_ requests: [AppendRequest], _ txn: borrowing WriteTransaction) throws -> EventLogError? {
        var versions: [String: (kind: String, version: UInt64)] = [:]
        var ids = Set<String>()
        for request in requests {
            if let id = request.commandID {
                guard ids.insert(id).inserted else {
                    return EventLogError(.validationFailed, "command id \(id) appears twice in one atomic group", field: "commandId")
                }
                if try storage.command(txn, id) != nil {
                    return EventLogError(.versionConflict, "command \(id) was recorded meanwhile", field: "commandId")
                }
            }
            for append in request.streams {
                let current = try versions[append.stream] ?? storage.streamInfo(txn, append.stream).map { ($0.kind, $0.lastVersion) }
                    ?? (append.kind, 0)
                if current.kind != append.kind {
                    return EventLogError(
                        .wrongStreamKind, "stream \(append.stream) is a \(current.kind) stream, not \(append.kind)", field: "streamKind")
                }
                guard append.expectedVersion.admits(current: current.version) else {
                    return EventLogError(
                        .versionConflict, "stream \(append.stream) is at version \(current.version), expected \(append.expectedVersion)",
                        field: "expectedVersion")
                }
                versions[append.stream] = (current.kind, current.version + UInt64(append.events.count))
            }
        }
        return nil
    }

    /// Checks every stream's kind and expected version before anything is written, returning each
    /// stream's state as it stands before the request (new streams with version 0).
    private func checkStreams(
        _ request: AppendRequest, _ txn: borrowing WriteTransaction
    ) throws -> Result<[String: LogStorage.StreamInfo], EventLogError> {
        var before: [String: LogStorage.StreamInfo] = [:]
        var planned: [String: UInt64] = [:]
        for append in request.streams {
            if before[append.stream] == nil {
                before[append.stream] = try storage.streamInfo(txn, append.stream)
                    ?? LogStorage.StreamInfo(lastVersion: 0, lastPosition: 0, kind: append.kind)
            }
            let info = before[append.stream]!
            let version = planned[append.stream] ?? info.lastVersion
            if info.kind != append.kind {
                return .failure(EventLogError(
                    .wrongStreamKind, "stream \(append.stream) is a \(info.kind) stream, not \(append.kind)", field: "streamKind"))
            }
            guard append.expectedVersion.admits(current: version) else {
                return .failure(EventLogError(
                    .versionConflict, "stream \(append.stream) is at version \(version), expected \(append.expectedVersion)",
                    field: "expectedVersion"))
            }
            planned[append.stream] = version + UInt64(append.events.count)
        }
        return .success(before)
    }

}
