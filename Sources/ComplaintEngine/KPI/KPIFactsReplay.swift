import ComplaintPolicy
import ComplaintWorkflow
import Foundation

/// The KPI facts as they stood at a point in the log's history, folded in memory from the log's
/// events up to that point exactly as ``KPIProjection`` folds them as they are recorded. For time
/// travel and audits, not for serving dashboards: it reads the log from position 1.
struct KPIFactsReplay {
    private var states: [String: ComplaintState] = [:]
    private var facts: [String: ComplaintFacts] = [:]
    private var interactions: [InteractionFacts] = []

    /// Folds one complaint event, decided under `policy`.
    mutating func applyComplaintEvent(_ logged: LoggedEvent, policy: ServicePolicy) {
        let before = states[logged.stream]
        guard let after = evolve(before, logged.decided, policy: policy) else { return }
        states[logged.stream] = after
        var complaintFacts = facts[logged.stream] ?? ComplaintFacts(receivedAt: after.receivedAt, channel: after.channel)
        complaintFacts.record(logged.decided, before: before, after: after)
        facts[logged.stream] = complaintFacts
    }

    /// Folds one `InteractionsRecorded` event.
    mutating func applyInteractions(_ recorded: RecordInteractions) {
        interactions.append(InteractionFacts(
            channel: recorded.channel, count: recorded.count, from: recorded.period.from, to: recorded.period.to))
    }

    /// Feeds `sink` the facts of its window, complaints in receipt order (then id), as the
    /// projection's scan does.
    func feed(_ sink: inout some KPIFactsSink) {
        let received = facts
            .filter { sink.window.contains($0.value.receivedAt) }
            .sorted { lhs, rhs in
                lhs.value.receivedAt != rhs.value.receivedAt
                    ? lhs.value.receivedAt < rhs.value.receivedAt
                    : Array(lhs.key.utf8).lexicographicallyPrecedes(rhs.key.utf8)
            }
        for (_, complaintFacts) in received { sink.add(complaintFacts) }
        guard sink.wantsInteractions else { return }
        for interaction in interactions where sink.window.contains(interaction.from) { sink.add(interaction) }
    }
}
