import ComplaintEngine
import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import EventLog

/// Improvement suggestions computed now, from the log and the KPI queries, with the domain's
/// ``suggestImprovements(policy:facts:existing:now:)``.
///
/// The engine records no suggestions yet (`Specs/notes/pdca-engine.md`, "left"), so the CLI gathers
/// the facts itself: complaints closed with a root cause (from their events) and the monthly figure
/// of every KPI the policy has a target for.
enum SuggestionScan {
    static func suggestions(engine: ComplaintEngine, policy: ServicePolicy, now: Date) async throws -> [SuggestedImprovement] {
        let facts = try await SuggestionFacts(
            closedComplaints: closedWithRootCause(engine), monthlyKPIs: monthlyFigures(engine, policy: policy, until: now))
        return suggestImprovements(policy: policy, facts: facts, existing: try recorded(engine), now: now)
    }

    /// Suggestions already recorded in the `improvement-suggestions` stream (none until the engine
    /// records them).
    static func recorded(_ engine: ComplaintEngine) throws -> [ImprovementSuggested] {
        []
    }

    /// One fact per complaint and root-cause class, for complaints closed so far.
    static func closedWithRootCause(_ engine: ComplaintEngine) async throws -> [ClosedComplaintFact] {
        var causes: [String: [CauseClass]] = [:]
        var categories: [String: Category] = [:]
        var facts: [ClosedComplaintFact] = []
        try await WorkflowEventScan.forEach(in: engine) { logged in
            switch logged.decided.event {
            case .rootCauseRecorded(let cause): causes[logged.stream, default: []].append(cause.causeClass)
            case .complaintClassified(let classified): categories[logged.stream] = classified.category
            case .complaintClosed:
                if let category = categories[logged.stream] {
                    for causeClass in Set(causes[logged.stream] ?? []).sorted(by: { $0.rawValue < $1.rawValue }) {
                        facts.append(ClosedComplaintFact(
                            complaintId: logged.stream, causeClass: causeClass, category: category, closedAt: logged.recordedAt))
                    }
                }
            default: break
            }
        }
        return facts
    }

    /// Every month's figure of each KPI with a target, from the first record's month to `until`'s.
    static func monthlyFigures(_ engine: ComplaintEngine, policy: ServicePolicy, until: Date) throws -> [MonthlyKPIFigure] {
        let targeted = KPI.allCases.filter { policy.kpiTargets[$0] != nil }
        guard !targeted.isEmpty else { return [] }
        var figures: [MonthlyKPIFigure] = []
        for window in KPIBoard.periods(.month, from: try StoreAccess.firstInstant(of: engine), to: until, calendar: policy.calendar) {
            let report = try engine.kpis(in: window)
            let month = ReportingMonth(containing: window.from, in: policy.calendar)
            for kpi in targeted { figures.append(MonthlyKPIFigure(kpi: kpi, month: month, value: report.value(kpi))) }
        }
        return figures
    }
}
