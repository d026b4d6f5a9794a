public import ComplaintPolicy
import ComplaintLMDB
public import ComplaintWorkflow
import EventLog
public import Foundation

/// KPI queries (DOMAIN.md §6, `Specs/kpi.md`): cohort figures over a window, optionally sliced, and
/// grouped by a dimension and a reporting period.
extension ComplaintEngine {
    /// Every KPI of the complaints received in `window` (half-open), restricted to `slice`.
    ///
    /// Figures count everything recorded so far about those complaints. A KPI whose denominator
    /// is 0 has no value (`nil`). The satisfaction threshold is the engine's policy's.
    ///
    /// - Throws: ``EngineError/storage(_:)`` when the store cannot be read.
    public func kpis(in window: TimeWindow, where slice: KPISlice = .all) throws(EngineError) -> KPIReport {
        try readingKPIs { space, txn in
            var tally = KPITally()
            try KPIProjection.forEachComplaint(in: window, space: space, transaction: txn) { facts in
                if slice.matches(facts) { tally.add(facts, satisfactionThreshold: policy.satisfactionThreshold) }
            }
            if slice.slicesComplaintRate {
                try KPIProjection.forEachInteraction(startingIn: window, space: space, transaction: txn) { interaction in
                    if interaction.to <= window.to, slice.channel == nil || slice.channel == interaction.channel {
                        tally.interactions += interaction.count
                    }
                }
            }
            return KPIReport(window: window, slice: slice, figures: tally.figures(complaintRateApplies: slice.slicesComplaintRate))
        }
    }

    /// Every KPI over everything recorded so far (every complaint, every interaction count),
    /// restricted to `slice`: what a fixture's `kpis` without `from`/`to` states.
    ///
    /// - Throws: ``EngineError/storage(_:)`` when the store cannot be read.
    public func kpis(where slice: KPISlice = .all) throws(EngineError) -> KPIReport {
        try kpis(in: Self.allTime, where: slice)
    }

    /// Every KPI of the complaints received in `[from, to)`, restricted to `slice`.
    ///
    /// - Throws: ``EngineError/refused(_:)`` (`validationFailed`, field `window`) when `to` is
    ///   before `from`; ``EngineError/storage(_:)`` when the store cannot be read.
    public func kpis(from: Date, to: Date, where slice: KPISlice = .all) throws(EngineError) -> KPIReport {
        try kpis(in: Self.window(from: from, to: to), where: slice)
    }

    /// Every KPI per value of `dimension` and per `period` (day, ISO week from Monday, month, in the
    /// policy calendar's time zone) over the complaints received in `[from, to)`.
    ///
    /// Periods are clipped to `[from, to)`. There is a row for each period and value with at least
    /// one complaint (for `channel`, or an interaction count); complaints without a value of the
    /// dimension (no category or owner yet) are in no row. Rows are ordered by period, then value
    /// (UTF-8 bytes). `complaintRate` has a value only when grouping by channel.
    ///
    /// - Throws: ``EngineError/refused(_:)`` (`validationFailed`, field `window`) when `to` is
    ///   before `from`; ``EngineError/storage(_:)`` when the store cannot be read.
    public func kpis(by dimension: KPIDimension, period: ReportingPeriod, from: Date, to: Date) throws(EngineError) -> [KPIRow] {
        let range = try Self.window(from: from, to: to)
        let calendar = policy.calendar
        struct Group: Hashable {
            var period: TimeWindow
            var value: String
        }
        func periodWindow(containing instant: Date) -> TimeWindow {
            let whole = calendar.window(period, containing: instant)
            return try! TimeWindow(from: max(whole.from, range.from), to: min(whole.to, range.to))
        }
        return try readingKPIs { space, txn in
            var tallies: [Group: KPITally] = [:]
            try KPIProjection.forEachComplaint(in: range, space: space, transaction: txn) { facts in
                guard let value = dimension.value(of: facts) else { return }
                let group = Group(period: periodWindow(containing: facts.receivedAt), value: value)
                tallies[group, default: KPITally()].add(facts, satisfactionThreshold: policy.satisfactionThreshold)
            }
            if dimension == .channel {
                try KPIProjection.forEachInteraction(startingIn: range, space: space, transaction: txn) { interaction in
                    let window = periodWindow(containing: interaction.from)
                    guard interaction.to <= window.to else { return }
                    tallies[Group(period: window, value: interaction.channel.rawValue), default: KPITally()].interactions +=
                        interaction.count
                }
            }
            return tallies
                .sorted { lhs, rhs in
                    lhs.key.period.from != rhs.key.period.from
                        ? lhs.key.period.from < rhs.key.period.from
                        : Array(lhs.key.value.utf8).lexicographicallyPrecedes(rhs.key.value.utf8)
                }
                .map { group, tally in
                    let slice = dimension.slice(group.value)
                    return KPIRow(
                        dimension: dimension, value: group.value, period: group.period,
                        report: KPIReport(
                            window: group.period, slice: slice,
                            figures: tally.figures(complaintRateApplies: dimension == .channel)))
                }
        }
    }

    /// A window enclosing every instant the log can hold.
    static let allTime = try! TimeWindow(from: .distantPast, to: .distantFuture)

    private static func window(from: Date, to: Date) throws(EngineError) -> TimeWindow {
        do {
            return try TimeWindow(from: from, to: to)
        } catch {
            throw .refused(WorkflowError(.validationFailed, rule: "kpiWindow", reason: error.description, field: "window"))
        }
    }

    private func readingKPIs<R>(_ body: (ProjectionSpace, borrowing ReadTransaction) throws -> R) throws(EngineError) -> R {
        do {
            return try log.readProjection("kpi", body)
        } catch let error as EventLogError {
            throw .storage(error)
        } catch {
            throw .storage(EventLogError(.storageCorrupted, "the KPI projection could not be read: \(error)"))
        }
    }
}
