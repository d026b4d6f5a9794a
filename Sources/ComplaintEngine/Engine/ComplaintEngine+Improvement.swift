import ComplaintPolicy
public import ComplaintWorkflow
import ComplaintLMDB
import EventLog
public import Foundation

/// Improvement cycles (PDCA, DOMAIN.md §7): handling their commands and reading their states.
extension ComplaintEngine {
    // MARK: Reading

    /// An improvement cycle's current state, or `nil` when there is no such cycle.
    ///
    /// - Throws: ``EngineError/storage(_:)`` when the store cannot be read.
    public func improvement(_ id: String) throws(EngineError) -> ImprovementState? {
        do {
            return try improvementSnapshot(id).state
        } catch let error as EngineError {
            throw error
        } catch let error as EventLogError {
            throw .storage(error)
        } catch {
            throw .storage(EventLogError(.storageCorrupted, "the improvements projection could not be read: \(error)"))
        }
    }

    /// The ids of the improvement cycles with `status` (every cycle when `nil`), in id order (UTF-8
    /// bytes).
    ///
    /// - Throws: ``EngineError/storage(_:)`` when the store cannot be read.
    public func improvements(status: ImprovementStatus? = nil) throws(EngineError) -> [String] {
        try readingImprovements { space, txn in
            var ids: [String] = []
            if let status {
                let prefix = ImprovementProjection.indexPrefix(status)
                try space.scan(prefix: prefix, in: txn) { key, _ in
                    ids.append(String(decoding: Array(key).dropFirst(prefix.count), as: UTF8.self))
                    return true
                }
            } else {
                try space.scan(prefix: [ImprovementProjection.statePrefix], in: txn) { key, _ in
                    ids.append(String(decoding: Array(key).dropFirst(), as: UTF8.self))
                    return true
                }
            }
            return ids
        }
    }

    struct ImprovementSnapshot {
        var kind: StreamKind?
        var version: UInt64
        var state: ImprovementState?
    }

    func improvementSnapshot(_ stream: String) throws -> ImprovementSnapshot {
        let logged = try log.streamState(stream)
        let kind = logged.flatMap { StreamKind(rawValue: $0.kind) }
        guard kind == .improvement else { return ImprovementSnapshot(kind: kind, version: logged?.version ?? 0, state: nil) }
        let stored = try readingImprovements { space, txn in
            try space.get(ImprovementProjection.stateKey(stream), in: txn).map(ImprovementProjection.decode)
        }
        // The projection commits with the log, so it is never behind a version read before it.
        return ImprovementSnapshot(kind: kind, version: stored?.version ?? logged?.version ?? 0, state: stored?.state)
    }

    private func readingImprovements<R>(_ body: (ProjectionSpace, borrowing ReadTransaction) throws -> R) throws(EngineError) -> R {
        try readingProjection("improvements", body)
    }

    // MARK: Measuring

    /// The figures of every objective of `state` for `evaluate` at `now`: each objective's KPI, with
    /// its filter as the slice, over its baseline window and over the cycle's result window
    /// (`ImprovementState/resultWindow(for:now:)`), from the engine's KPI queries (cohort rule).
    public func improvementMeasurements(
        of state: ImprovementState, for evaluate: EvaluateEffect, now: Date
    ) throws(EngineError) -> ImprovementMeasurements {
        let result = state.resultWindow(for: evaluate, now: now)
        var figures: [String: ObjectiveFigures] = [:]
        for objective in state.objectives {
            figures[objective.objectiveId] = ObjectiveFigures(
                baseline: try measure(objective.kpi, over: objective.baseline, where: objective.filter),
                result: try measure(objective.kpi, over: result, where: objective.filter))
        }
        return ImprovementMeasurements(figures)
    }

    /// `kpi` over `period` restricted to `slice`; `nil` when the period is empty or has no data.
    private func measure(_ kpi: KPI, over period: Period, where slice: KPISlice) throws(EngineError) -> Double? {
        guard period.from < period.to, let window = try? TimeWindow(from: period.from, to: period.to) else { return nil }
        return try kpis(in: window, where: slice).value(kpi)
    }

    // MARK: Handling

    /// Decides and records one improvement-cycle command: the cycle's events and, for an
    /// EvaluateEffect opening the next cycle, that cycle's new stream, in one atomic append under the
    /// command id. Called by `decideAndAppend` for commands whose name `isImprovement`.
    func decideAndAppendImprovement(_ envelope: CommandEnvelope) async throws -> [LoggedEvent] {
        try await record(envelope) { fingerprint in
            let now = configuration.clock.now()
            let snapshot = try improvementSnapshot(envelope.streamId)
            var context = ImprovementContext(
                now: now, policy: configuration.policy, streamKind: snapshot.kind, streamVersion: Int(snapshot.version))
            if case .evaluateEffect(let evaluate) = envelope.command {
                if let state = snapshot.state {
                    context.measurements = try improvementMeasurements(of: state, for: evaluate, now: now)
                }
                if let next = evaluate.nextCycleId {
                    context.nextCycleExists = try log.streamState(next) != nil
                }
            }
            let decision = try decideImprovement(snapshot.state, envelope, context)
            let own = try proposedImprovement(decision.events, envelope)
            var streams = [StreamAppend(
                stream: envelope.streamId, kind: StreamKind.improvement.rawValue,
                expectedVersion: snapshot.version == 0 ? .noStream : .exact(snapshot.version), events: own)]
            for (stream, events) in decision.otherStreams.sorted(by: { Array($0.key.utf8).lexicographicallyPrecedes($1.key.utf8) }) {
                streams.append(StreamAppend(
                    stream: stream, kind: ImprovementDecision.otherStreamKind.rawValue, expectedVersion: .noStream,
                    events: try proposedImprovement(events, envelope)))
            }
            // Several streams: the result is read back (no proposals).
            return (AppendRequest(commandID: envelope.commandId, fingerprint: fingerprint, streams: streams), [])
        }
    }

    private func proposedImprovement(_ decided: [DecidedEvent], _ envelope: CommandEnvelope) throws -> [ProposedEvent] {
        try decided.map {
            try translator.proposed(
                $0, customerId: nil, policyPosition: policyPosition, correlationId: envelope.correlationId,
                causationId: envelope.causationId)
        }
    }
}
