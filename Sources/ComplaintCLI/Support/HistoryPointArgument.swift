import ComplaintEngine
import Foundation
import ComplaintPolicy
import ComplaintWorkflow
import EventLog

/// `--as-of T`: an ISO 8601 instant (`2026-03-10T18:00:00+08:00`) or a log position (`1234`).
enum HistoryPointArgument {
    static func parse(_ text: String) throws -> ComplaintEngine.HistoryPoint {
        if let position = UInt64(text) { return .position(position) }
        if let instant = Instant.parse(text) { return .instant(instant) }
        throw CLIError("usage", "--as-of takes an ISO 8601 instant (2026-03-10T18:00:00+08:00) or a log position, not '\(text)'")
    }

    /// The instant a point stands for: the instant itself, or the `recordedAt` of the position.
    static func instant(of point: ComplaintEngine.HistoryPoint, in engine: ComplaintEngine) throws -> Date {
        switch point {
        case .instant(let instant): return instant
        case .position(let position):
            guard let record = try engine.log.event(at: position) else {
                throw CLIError("notFound", "the log has no position \(position) (head: \(try engine.log.headPosition()))")
            }
            return record.recordedAt
        }
    }
}
