public import ComplaintWorkflow
public import Foundation
import ComplaintPolicy
import EventLog

extension ComplaintEngine {
    /// A point in the log's history.
    public enum HistoryPoint: Sendable, Hashable {
        /// Everything recorded at or before this log position.
        case position(UInt64)
        /// Everything recorded (committed) at or before this instant.
        case instant(Date)

        /// Whether `record` was recorded after this point.
        func isPassed(by record: RecordedEvent) -> Bool {
            switch self {
            case .position(let position): record.position > position
            case .instant(let instant): record.recordedAt > instant
            }
        }
    }

    /// A complaint's state as it was at `point`: its events up to then, replayed from the log under
    /// the policies that were in force for them. `nil` when the complaint did not exist yet.
    public func complaint(_ id: String, asOf point: HistoryPoint) throws(EngineError) -> ComplaintState? {
        do {
            var state: ComplaintState?
            for record in try log.readStream(id) {
                if point.isPassed(by: record) { return state }
                guard record.streamKind == StreamKind.complaint.rawValue else { return nil }
                let logged = try translator.logged(record)
                state = evolve(state, logged.decided, policy: policyInForce(for: logged))
            }
            return state
        } catch {
            throw EngineError.from(error)
        }
    }

    /// A queue's complaint ids, in queue order, as they stood at `point`: every complaint's events up
    /// to then replayed from the log, under the policies then in force. Reads the whole log up to
    /// `point`; for audits, not for serving a work queue.
    public func queueIds(_ name: String, asOf point: HistoryPoint) throws(EngineError) -> [String] {
        let queue = try Self.validQueue(name)
        var states: [String: ComplaintState] = [:]
        var policy = configuration.policy
        try replayLog(upTo: point) { record in
            if record.type == PolicyBook.eventType {
                policy = policies.policy(at: record.position) ?? policy
                return
            }
            guard record.streamKind == StreamKind.complaint.rawValue else { return }
            let logged = try translator.logged(record)
            states[record.stream] = evolve(states[record.stream], logged.decided, policy: policyInForce(for: logged))
        }
        return states
            .map { id, state in queueMembership(state, complaintId: id, policy: policy) }
            .filter { $0.queues.contains(queue) }
            .sorted { $0.sortKey < $1.sortKey }
            .map(\.sortKey.id)
    }

    /// The KPI facts as they stood at `point`, folded from the log's events up to then.
    func kpiFactsReplay(asOf point: HistoryPoint) throws(EngineError) -> KPIFactsReplay {
        var history = KPIFactsReplay()
        try replayLog(upTo: point) { record in
            switch record.streamKind {
            case StreamKind.complaint.rawValue:
                let logged = try translator.logged(record)
                history.applyComplaintEvent(logged, policy: policyInForce(for: logged))
            case StreamKind.interactions.rawValue:
                if case .interactionsRecorded(let recorded) = try translator.logged(record).decided.event {
                    history.applyInteractions(recorded)
                }
            default:
                break
            }
        }
        return history
    }

    /// The policy an event was decided under (the engine's own when none was logged).
    private func policyInForce(for logged: LoggedEvent) -> ServicePolicy {
        policies.policy(at: logged.policyPosition) ?? configuration.policy
    }

    /// Calls `body` with every record of the log, in order, up to and including `point`, reading in
    /// batches of 1,000.
    private func replayLog(upTo point: HistoryPoint, _ body: (RecordedEvent) throws -> Void) throws(EngineError) {
        do {
            var next: UInt64 = 1
            while true {
                let batch = try log.read(from: next, limit: 1_000)
                guard let last = batch.last else { return }
                for record in batch {
                    if point.isPassed(by: record) { return }
                    try body(record)
                }
                next = last.position + 1
            }
        } catch {
            throw EngineError.from(error)
        }
    }
}
