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
}
