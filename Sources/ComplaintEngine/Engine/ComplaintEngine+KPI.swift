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
    /// Figures count everything recorded so far about those complaints, or, with `asOf`, everything
    /// recorded up to that point in the log's history (time travel: the log is replayed up to it,
    /// which reads it from the start). A KPI whose denominator is 0 has no value (`nil`). The
    /// satisfaction threshold is the engine's policy's.
    ///
    /// - Throws: ``EngineError/storage(_:)`` when the store cannot be read.
    public func kpis(in window: TimeWindow, where slice: KPISlice = .all, asOf point: HistoryPoint? = nil) throws(EngineError) -> KPIReport {
        var sink = CohortSink(window: window, slice: slice, satisfactionThreshold: policy.satisfactionThreshold)
        try feedKPIFacts(into: &sink, asOf: point)
        return sink.report
    }

    /// Every KPI over everything recorded so far (every complaint, every interaction count),
    /// restricted to `slice`: what a fixture's `kpis` without `from`/`to` states. With `asOf`, as
    /// they stood at that point in the log's history.
    ///
    /// - Throws: ``EngineError/storage(_:)`` when the store cannot be read.
    public func kpis(where slice: KPISlice = .all, asOf point: HistoryPoint? = nil) throws(EngineError) -> KPIReport {
        try kpis(in: Self.allTime, where: slice, asOf: point)
    }

    /// Every KPI of the complaints received in `[from, to)`, restricted to `slice`; with `asOf`, as
    /// they stood at that point in the log's history.
    ///
    /// - Throws: ``EngineError/refused(_:)`` (`validationFailed`, field `window`) when `to` is
    ///   before `from`; ``EngineError/storage(_:)`` when the store cannot be read.
    public func kpis(from: Date, to: Date, where slice: KPISlice = .all, asOf point: HistoryPoint? = nil) throws(EngineError) -> KPIReport {
        try kpis(in: Self.window(from: from, to: to), where: slice, asOf: point)
    }

    /// Every KPI per value of `dimension` and per `period` (day, ISO week from Monday, month, in the
    /// policy calendar's time zone) over the complaints received in `[from, to)`; with `asOf`, as
    /// they stood at that point in the log's history.
    ///
    /// Periods are clipped to `[from, to)`. There is a row for each period and value with at least
    /// one complaint (for `channel`, or an interaction count); complaints without a value of the
    /// dimension (no category or owner yet) are in no row. Rows are ordered by period, then value
    /// (UTF-8 bytes). `complaintRate` has a value only when grouping by channel.
    ///
    /// - Throws: ``EngineError/refused(_:)`` (`validationFailed`, field `window`) when `to` is
    ///   before `from`; ``EngineError/storage(_:)`` when the store cannot be read.
    public func kpis(
        by dimension: KPIDimension, period: ReportingPeriod, from: Date, to: Date, asOf point: HistoryPoint? = nil
    ) throws(EngineError) -> [KPIRow] {
        var sink = GroupedSink(
            window: try Self.window(from: from, to: to), dimension: dimension, period: period, calendar: policy.calendar,
            satisfactionThreshold: policy.satisfactionThreshold)
        try feedKPIFacts(into: &sink, asOf: point)
        return sink.rows
    }

    /// Feeds `sink` from the live KPI projection, or, with `point`, from a replay of the log up to it.
    private func feedKPIFacts(into sink: inout some KPIFactsSink, asOf point: HistoryPoint?) throws(EngineError) {
        if let point {
            try kpiFactsReplay(asOf: point).feed(&sink)
            return
        }
        try readingKPIs { space, txn in
            try KPIProjection.forEachComplaint(in: sink.window, space: space, transaction: txn) { sink.add($0) }
            if sink.wantsInteractions {
                try KPIProjection.forEachInteraction(startingIn: sink.window, space: space, transaction: txn) { sink.add($0) }
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
        try readingProjection("kpi", body)
    }
}
