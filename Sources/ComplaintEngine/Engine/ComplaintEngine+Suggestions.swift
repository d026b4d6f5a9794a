import ComplaintLMDB
public import ComplaintPolicy
public import ComplaintWorkflow
import EventLog
public import Foundation
import Synchronization

/// Improvement suggestions (DOMAIN.md §7): the engine gathers the facts the policy's suggestion
/// rules look at and records what they find on the `improvement-suggestions` stream.
extension ComplaintEngine {
    /// Runs the policy's suggestion rules now and records every new suggestion (`ImprovementSuggested`,
    /// actor `system`, stamped with the clock's time), each under its deterministic command id
    /// `suggestion:<suggestionId>`, so nothing is ever suggested twice.
    ///
    /// - `recurringRootCause` looks at the complaints closed now with a category and a root cause
    ///   (a reopened complaint no longer counts; closing it again counts its new closing time).
    /// - `kpiBelowTarget` looks at the monthly figures (cohort rule, policy calendar) of every KPI
    ///   with a `kpiTargets` value, over the calendar months completed before now, from the month
    ///   of the first complaint received.
    ///
    /// ``advance(to:)``, ``fireDueTimers()`` and the background scheduler call this after firing
    /// timers, checking `recurringRootCause` only when a closure changed since the last check and
    /// `kpiBelowTarget` once per calendar month (and once after opening). A read-only engine
    /// records nothing.
    ///
    /// - Returns: the suggestions recorded by this call, in the rules' order.
    /// - Throws: ``EngineError/storage(_:)`` when the store cannot be read or written.
    @discardableResult
    public func recordImprovementSuggestions() async throws(EngineError) -> [LoggedEvent] {
        try await recordSuggestions(checkingEverything: true)
    }

    /// What the last suggestion check of this engine saw, so repeated checks only redo the rules
    /// whose inputs may have changed.
    final class SuggestionCheckMemory: Sendable {
        struct Seen {
            var closureChanges: UInt64?
            var month: ReportingMonth?
        }

        let seen = Mutex(Seen())
    }

    /// Records the suggestions the rules find; unless `checkingEverything`, skips the rules whose
    /// inputs did not change since the last check.
    func recordSuggestions(checkingEverything: Bool) async throws(EngineError) -> [LoggedEvent] {
        guard configuration.access == .readWrite else { return [] }
        let now = configuration.clock.now()
        let policy = configuration.policy
        let month = ReportingMonth(containing: now, in: policy.calendar)
        let closureChanges = try readingProjection("root-causes") { space, txn in try RootCauseClosureProjection.changes(space, txn) }
        let (checkClosures, checkMonths) = suggestionChecks.seen.withLock { seen in
            let due = (
                checkingEverything || seen.closureChanges != closureChanges,
                checkingEverything || seen.month != month)
            seen = SuggestionCheckMemory.Seen(closureChanges: closureChanges, month: month)
            return due
        }
        guard checkClosures || checkMonths else { return [] }

        var facts = SuggestionFacts()
        if checkClosures, policy.setting(.recurringRootCause).enabled {
            facts.closedComplaints = try readingProjection("root-causes") { space, txn in try RootCauseClosureProjection.closedFacts(space, txn) }
        }
        if checkMonths, policy.setting(.kpiBelowTarget).enabled, !policy.kpiTargets.isEmpty {
            facts.monthlyKPIs = try monthlyFigures(before: month, policy: policy)
        }
        let found = suggestImprovements(policy: policy, facts: facts, existing: try improvementSuggestions().map(\.suggestion), now: now)
        var recorded: [LoggedEvent] = []
        for suggestion in found {
            recorded += try await record(suggestion)
        }
        return recorded
    }

    /// Every suggestion recorded so far on the `improvement-suggestions` stream, in the order
    /// recorded, each with the rule's reason and the time it was recorded. Works on a read-only
    /// engine (which records none itself).
    ///
    /// - Throws: ``EngineError/storage(_:)`` when the store cannot be read.
    public func improvementSuggestions() throws(EngineError) -> [SuggestedImprovement] {
        try reading {
            try log.readStream(SuggestedImprovement.streamId).compactMap { record in
                let decided = try translator.logged(record).decided
                guard case .improvementSuggested(let suggestion) = decided.event else { return nil }
                return SuggestedImprovement(suggestion, reason: decided.reason ?? "", now: decided.occurredAt)
            }
        }
    }

    /// Each targeted KPI's figure for every calendar month from the first complaint's to the one
    /// before `current`.
    private func monthlyFigures(before current: ReportingMonth, policy: ServicePolicy) throws(EngineError) -> [MonthlyKPIFigure] {
        let firstReceipt = try readingProjection("kpi") { space, txn in try KPIProjection.firstReceipt(space, txn) }
        guard let firstReceipt else { return [] }
        var figures: [MonthlyKPIFigure] = []
        var month = ReportingMonth(containing: firstReceipt, in: policy.calendar)
        while month < current {
            let period = month.window(in: policy.calendar)
            let report = try kpis(from: period.from, to: period.to)
            for kpi in KPI.allCases where policy.kpiTargets[kpi] != nil {
                figures.append(MonthlyKPIFigure(kpi: kpi, month: month, value: report.value(kpi)))
            }
            month = month.next
        }
        return figures
    }

    /// Appends one suggestion under its command id (a no-op when it was recorded before).
    private func record(_ suggestion: SuggestedImprovement) async throws(EngineError) -> [LoggedEvent] {
        do {
            let proposed = try translator.proposed(
                suggestion.decided, customerId: nil, policyPosition: policyPosition, correlationId: nil, causationId: nil)
            let result = try await log.append(AppendRequest(
                commandID: suggestion.commandId, fingerprint: Array("ImprovementSuggested|\(SuggestedImprovement.streamId)".utf8),
                stream: SuggestedImprovement.streamId, kind: StreamKind.improvementSuggestions.rawValue,
                expectedVersion: .any, events: [proposed]))
            guard !result.isDuplicate, let positions = result.positions else { return [] }
            return try log.read(from: positions.lowerBound, limit: positions.count).map { try translator.logged($0) }
        } catch {
            throw EngineError.from(error)
        }
    }
}
