import ComplaintPolicy
import Foundation

// The deliberately wrong behaviours of ``WorkflowFaults`` (testing only), kept out of the rules'
// own files so the production paths read as they are.

extension WorkflowFaults {
    /// Whether the faults switch off the automatic rule `key`.
    func disables(_ key: RuleKey) -> Bool {
        contains(.severeAtAssessmentOff) && key == .severeAtAssessment
    }
}

extension QueueSortKey {
    /// The key with every criterion before receipt time neutralised (``WorkflowFaults/queueTiesByReceiptOnly``).
    var receiptOnly: QueueSortKey {
        QueueSortKey(severityRank: 2, urgencyRank: 1, customerImportance: 0, earliestDueAt: nil, receivedAt: receivedAt, id: id)
    }
}

extension ComplaintState {
    /// ``WorkflowFaults/reopenResumesOldClock``: the reopened complaint keeps its old resolution
    /// instance number and the time it already used, instead of a new instance.
    mutating func resumeOldResolutionClock(at instant: Date) {
        guard let old = clocks[.resolution] else { return }
        clocks[.resolution] = SLAClock(
            name: .resolution, instance: old.instance, target: max(1, old.target - old.usedSeconds),
            calendarKind: old.calendarKind, warnAt: old.warnAt, startedAt: instant)
    }
}
