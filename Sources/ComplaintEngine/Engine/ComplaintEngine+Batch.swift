public import ComplaintWorkflow
import ComplaintLMDB
import ComplaintPrivacy
import EventLog
import Foundation

extension ComplaintEngine {
    /// Decides several commands in order and records all of them in **one** commit (one write
    /// transaction, one sync when durable), or none of them.
    ///
    /// Semantics:
    /// - The clock is read once: every command of the batch is decided at the same instant.
    /// - Commands are decided in order, each against the state the earlier ones of the batch leave
    ///   (their stream versions, complaint states, and — for `ReceiveComplaint` and the repeat rule —
    ///   the customer's complaints, including those received earlier in the batch). Several
    ///   commands may go to the same stream.
    /// - Due SLA timers of each stream named in the batch fire first, in commits of their own, as
    ///   for ``handle(_:)``.
    /// - Idempotency: a command whose id is already recorded is not decided again; its original
    ///   events take its place in the result (so a retried batch records nothing twice). The same
    ///   command id twice in one batch is refused (`validationFailed`).
    /// - Refusal: if any command is refused, **nothing** of the batch is recorded and the call
    ///   throws ``EngineError/refused(_:)`` with that command's error, its reason prefixed with
    ///   `batch command <index> (<command id>): `. The caller may drop the command and resubmit the rest.
    /// - If another writer changes one of the batch's streams between the decisions and the commit,
    ///   the whole batch is decided again (as ``handle(_:)`` does for one command).
    /// - Improvement-cycle commands and `ForgetCustomer` are not accepted in a batch
    ///   (`validationFailed`): send them with ``handle(_:)``.
    ///
    /// - Returns: for each command, in order, the events it recorded (its own, then its automatic ones).
    @discardableResult
    public func handle(batch envelopes: [CommandEnvelope]) async throws(EngineError) -> [[LoggedEvent]] {
        guard configuration.access == .readWrite else {
            throw .storage(EventLogError(.readOnly, "the engine was opened read-only: it records no commands"))
        }
        guard !envelopes.isEmpty else { return [] }
        do {
            return try await decideAndAppendBatch(envelopes)
        } catch {
            throw EngineError.from(error)
        }
    }

    private func decideAndAppendBatch(_ envelopes: [CommandEnvelope]) async throws -> [[LoggedEvent]] {
        var ids = Set<String>()
        for (index, envelope) in envelopes.enumerated() {
            if envelope.command.name.isImprovement || envelope.command.name == .forgetCustomer {
                throw Self.batchRefusal(index, envelope, WorkflowError(
                    .validationFailed, rule: "batch",
                    reason: "\(envelope.command.name.rawValue) cannot be part of a batch; handle it on its own", field: "command"))
            }
            guard ids.insert(envelope.commandId).inserted else {
                throw Self.batchRefusal(index, envelope, WorkflowError(
                    .validationFailed, rule: "idempotency", reason: "command id appears twice in the batch", field: "commandId"))
            }
        }
        let fingerprints = envelopes.map { Array("\($0.command.name.rawValue)|\($0.streamId)".utf8) }
        // New customers' keys in one write and one sync, not one sync each while sealing.
        let newCustomers = envelopes.compactMap { envelope -> String? in
            guard case .receiveComplaint(let receive) = envelope.command, (1...128).contains(receive.customer.id.utf8.count),
                  keys.state(of: receive.customer.id) == .unknown else { return nil }
            return receive.customer.id
        }
        if !newCustomers.isEmpty { try keys.createKeys(for: newCustomers) }
        for _ in 0..<Self.maximumAttempts {
            // Commands recorded before (a retried batch) keep their original outcome.
            var results = [[LoggedEvent]?](repeating: nil, count: envelopes.count)
            for (index, envelope) in envelopes.enumerated() {
                if let earlier = try log.commandResult(envelope.commandId) {
                    do {
                        results[index] = try replay(earlier, fingerprint: fingerprints[index])
                    } catch let error as WorkflowError {
                        throw Self.batchRefusal(index, envelope, error)
                    }
                }
            }
            let now = Self.wholeMicroseconds(configuration.clock.now())
            var snapshots: [String: StreamSnapshot] = [:]
            var pending: [String: StreamSnapshot] = [:]
            var requests: [AppendRequest] = []
            var decidedIndices: [Int] = []
            var proposals: [[Proposal]] = []
            for (index, envelope) in envelopes.enumerated() where results[index] == nil {
                let stream = envelope.streamId
                var snapshot: StreamSnapshot
                if let known = snapshots[stream] {
                    snapshot = known
                } else {
                    snapshot = try await fireTimers(stream: stream, until: now) ?? streamSnapshot(stream)
                }
                let kind = snapshot.kind ?? TransitionTable.row(for: envelope.command.name).stream.kind
                let customer = snapshot.state?.customerId
                let decided: [DecidedEvent]
                let proposed: [Proposal]
                do {
                    let context = try decisionContext(for: envelope, snapshot: snapshot, now: now, pending: pending)
                    decided = try decide(snapshot.state, envelope, context)
                    // Sealing refuses personal data of a forgotten customer (`customerForgotten`).
                    proposed = try decided.map {
                        try translator.proposal(
                            $0, customerId: customer, policyPosition: policyPosition, correlationId: envelope.correlationId,
                            causationId: envelope.causationId)
                    }
                } catch let error as WorkflowError {
                    throw Self.batchRefusal(index, envelope, error)
                }
                requests.append(AppendRequest(
                    commandID: envelope.commandId, fingerprint: fingerprints[index], stream: stream, kind: kind.rawValue,
                    expectedVersion: snapshot.version == 0 ? .noStream : .exact(snapshot.version), events: proposed.map(\.event)))
                decidedIndices.append(index)
                proposals.append(proposed)
                // The state the next command of this stream is decided against.
                snapshot.kind = kind
                snapshot.version += UInt64(decided.count)
                if kind == .complaint {
                    for event in decided { snapshot.state = evolve(snapshot.state, event, policy: configuration.policy) }
                    pending[stream] = snapshot
                }
                snapshots[stream] = snapshot
            }
            if requests.isEmpty { return results.map { $0 ?? [] } }
            let appended: [AppendResult]
            do {
                defer { scheduler.wake() }
                appended = try await log.append(atomically: requests)
            } catch {
                // A stream moved on or a command id was recorded meanwhile: decide again.
                if error.code == .versionConflict { continue }
                throw error
            }
            for (offset, index) in decidedIndices.enumerated() {
                results[index] = try loggedEvents(proposals[offset], request: requests[offset], result: appended[offset])
            }
            return results.map { $0 ?? [] }
        }
        throw EngineError.storage(EventLogError(
            .versionConflict, "the batch's streams kept changing; gave up after \(Self.maximumAttempts) attempts"))
    }

    /// The events a just-recorded request stands for: built from its proposals and the result
    /// (``EventTranslator/logged(appended:request:result:)``), read back only for a duplicate.
    func loggedEvents(_ proposals: [Proposal], request: AppendRequest, result: AppendResult) throws -> [LoggedEvent] {
        if !result.isDuplicate, let built = try translator.logged(appended: proposals, request: request, result: result) {
            return built
        }
        return try events(at: result.positions)
    }

    static func wholeMicroseconds(_ date: Date) -> Date { EventTranslator.wholeMicroseconds(date) }

    static func batchRefusal(_ index: Int, _ envelope: CommandEnvelope, _ error: WorkflowError) -> EngineError {
        var error = error
        error.reason = "batch command \(index) (\(envelope.commandId)): " + error.reason
        return .refused(error)
    }
}
