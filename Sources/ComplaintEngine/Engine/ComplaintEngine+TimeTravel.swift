public import ComplaintWorkflow
public import Foundation
import EventLog

extension ComplaintEngine {
    /// A point in the log's history.
    public enum HistoryPoint: Sendable, Hashable {
        /// Everything recorded at or before this log position.
        case position(UInt64)
        /// Everything recorded (committed) at or before this instant.
        case instant(Date)
    }

    /// A complaint's state as it was at `point`: its events up to then, replayed from the log under
    /// the policies that were in force for them. `nil` when the complaint did not exist yet.
    public func complaint(_ id: String, asOf point: HistoryPoint) throws(EngineError) -> ComplaintState? {
        do {
            var state: ComplaintState?
            for record in try log.readStream(id) {
                switch point {
                case .position(let position) where record.position > position: return state
                case .instant(let instant) where record.recordedAt > instant: return state
                default: break
                }
                guard record.streamKind == StreamKind.complaint.rawValue else { return nil }
                let logged = try translator.logged(record)
                let policy = policies.policy(at: logged.policyPosition) ?? configuration.policy
                state = evolve(state, logged.decided, policy: policy)
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
        do {
            var states: [String: ComplaintState] = [:]
            var policy = configuration.policy
            var next: UInt64 = 1
            scan: while true {
                let batch = try log.read(from: next, limit: 1_000)
                guard let last = batch.last else { break }
                for record in batch {
                    switch point {
                    case .position(let position) where record.position > position: break scan
                    case .instant(let instant) where record.recordedAt > instant: break scan
                    default: break
                    }
                    if record.type == PolicyBook.eventType {
                        policy = policies.policy(at: record.position) ?? policy
                        continue
                    }
                    guard record.streamKind == StreamKind.complaint.rawValue else { continue }
                    let logged = try translator.logged(record)
                    let eventPolicy = policies.policy(at: logged.policyPosition) ?? configuration.policy
                    states[record.stream] = evolve(states[record.stream], logged.decided, policy: eventPolicy)
                }
                next = last.position + 1
            }
            return states
                .map { id, state in queueMembership(state, complaintId: id, policy: policy) }
                .filter { $0.queues.contains(queue) }
                .sorted { $0.sortKey < $1.sortKey }
                .map(\.sortKey.id)
        } catch {
            throw EngineError.from(error)
        }
    }
}
