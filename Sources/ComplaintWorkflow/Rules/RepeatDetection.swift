public import ComplaintPolicy
public import Foundation

/// The repeat-complaint rule (DOMAIN.md §5 `repeatComplaint`; 003 §3.1 history, thresholds policy).
public enum RepeatDetection {
    /// The customer's earlier complaints that count against one received at `receivedAt` in
    /// `category`: same category, received within `days` × 24 h before it, not closed as
    /// `falseComplaint` or `duplicate`. Oldest first (ties by id).
    public static func matches(
        among earlier: [EarlierComplaint], category: Category, receivedAt: Date, excluding id: String, days: Int
    ) -> [EarlierComplaint] {
        let windowStart = receivedAt.addingTimeInterval(-TimeInterval(days) * 86_400)
        return earlier
            .filter { candidate in
                candidate.id != id && candidate.category == category
                    && candidate.receivedAt >= windowStart && candidate.receivedAt < receivedAt
                    && candidate.closedReason != .falseComplaint && candidate.closedReason != .duplicate
            }
            .sorted { lhs, rhs in
                lhs.receivedAt != rhs.receivedAt
                    ? lhs.receivedAt < rhs.receivedAt : Array(lhs.id.utf8).lexicographicallyPrecedes(rhs.id.utf8)
            }
    }
}

extension Decision {
    /// When category and assessment first meet, detects a repeat; on every assessment of a
    /// detected repeat, raises severity one step above the assessment.
    mutating func applyRepeatRule() {
        let state = complaint
        guard state.isClassifiedAndAssessed, let assessed = state.assessedSeverity, let category = state.category else { return }
        let firstMeeting = before?.isClassifiedAndAssessed != true
        if firstMeeting {
            let rule = policy.repeatRule
            let found = RepeatDetection.matches(
                among: context.earlierComplaints, category: category, receivedAt: state.receivedAt, excluding: streamId, days: rule.days)
            guard found.count >= rule.count else { return }
            record(
                .repeatComplaintDetected(RepeatComplaintDetected(repeatOf: found.map(\.id))), rule: .repeatComplaint,
                reason: "\(found.count) earlier \(category.rawValue) complaints within \(rule.days) days (threshold \(rule.count))")
        }
        guard !complaint.repeatOf.isEmpty else { return }
        raiseSeverity(
            to: assessed.raisedOneStep, rule: .repeatComplaint,
            reason: "repeat complaint: severity one step above the assessment (003 §3.2 history)")
    }
}
