import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import EventLog
import Foundation

/// Reads every workflow event recorded so far, in position order, and stops there.
///
/// ``ComplaintEngine/events(from:)`` is a live feed: it waits for new commits after the last one
/// and skips `PolicyActivated` records. The scan stops at the last workflow event at or before the
/// head when it starts, so it never waits.
enum WorkflowEventScan {
    static func forEach(in engine: ComplaintEngine, _ body: (LoggedEvent) throws -> Void) async throws {
        var last = try engine.log.headPosition()
        while last > 0, let record = try engine.log.event(at: last), EventType(rawValue: record.type) == nil { last -= 1 }
        guard last > 0 else { return }
        for try await logged in engine.events(from: 1) {
            try body(logged)
            if logged.position >= last { return }
        }
    }
}
