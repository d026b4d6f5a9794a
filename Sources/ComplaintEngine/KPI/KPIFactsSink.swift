import ComplaintPolicy
import ComplaintWorkflow
import Foundation

/// Something KPI facts are fed into, whether they come from the live KPI projection or from a
/// replay of the log up to a point in its history (``KPIFactsReplay``).
protocol KPIFactsSink {
    /// The complaints received in this window are fed, and the interactions whose period starts in it.
    var window: TimeWindow { get }
    /// Whether interaction counts (the complaint rate's denominator) are wanted at all.
    var wantsInteractions: Bool { get }
    /// One complaint received in ``window``.
    mutating func add(_ facts: ComplaintFacts)
    /// One interaction count whose period starts in ``window``.
    mutating func add(_ interaction: InteractionFacts)
}

/// The tally of one cohort window restricted to one slice: what ``ComplaintEngine/kpis(in:where:asOf:)``
/// reports.
struct CohortSink: KPIFactsSink {
    let window: TimeWindow
    let slice: KPISlice
    let satisfactionThreshold: Int
    var tally = KPITally()

    var wantsInteractions: Bool { slice.slicesComplaintRate }

    mutating func add(_ facts: ComplaintFacts) {
        if slice.matches(facts) { tally.add(facts, satisfactionThreshold: satisfactionThreshold) }
    }

    mutating func add(_ interaction: InteractionFacts) {
        if interaction.to <= window.to, slice.channel == nil || slice.channel == interaction.channel {
            tally.interactions += interaction.count
        }
    }

    var report: KPIReport {
        KPIReport(window: window, slice: slice, figures: tally.figures(complaintRateApplies: slice.slicesComplaintRate))
    }
}

/// Tallies per value of a dimension and per reporting period: what
/// ``ComplaintEngine/kpis(by:period:from:to:asOf:)`` reports.
struct GroupedSink: KPIFactsSink {
    private struct Group: Hashable {
        var period: TimeWindow
        var value: String
    }

    let window: TimeWindow
    let dimension: KPIDimension
    let period: ReportingPeriod
    let calendar: BusinessCalendar
    let satisfactionThreshold: Int
    private var tallies: [Group: KPITally] = [:]

    init(window: TimeWindow, dimension: KPIDimension, period: ReportingPeriod, calendar: BusinessCalendar, satisfactionThreshold: Int) {
        self.window = window
        self.dimension = dimension
        self.period = period
        self.calendar = calendar
        self.satisfactionThreshold = satisfactionThreshold
    }

    var wantsInteractions: Bool { dimension == .channel }

    /// The period containing `instant`, clipped to ``window``.
    private func periodWindow(containing instant: Date) -> TimeWindow {
        let whole = calendar.window(period, containing: instant)
        return try! TimeWindow(from: max(whole.from, window.from), to: min(whole.to, window.to))
    }

    mutating func add(_ facts: ComplaintFacts) {
        guard let value = dimension.value(of: facts) else { return }
        let group = Group(period: periodWindow(containing: facts.receivedAt), value: value)
        tallies[group, default: KPITally()].add(facts, satisfactionThreshold: satisfactionThreshold)
    }

    mutating func add(_ interaction: InteractionFacts) {
        let periodWindow = periodWindow(containing: interaction.from)
        guard interaction.to <= periodWindow.to else { return }
        tallies[Group(period: periodWindow, value: interaction.channel.rawValue), default: KPITally()].interactions +=
            interaction.count
    }

    /// Rows ordered by period, then value (UTF-8 bytes).
    var rows: [KPIRow] {
        tallies
            .sorted { lhs, rhs in
                lhs.key.period.from != rhs.key.period.from
                    ? lhs.key.period.from < rhs.key.period.from
                    : Array(lhs.key.value.utf8).lexicographicallyPrecedes(rhs.key.value.utf8)
            }
            .map { group, tally in
                KPIRow(
                    dimension: dimension, value: group.value, period: group.period,
                    report: KPIReport(
                        window: group.period, slice: dimension.slice(group.value),
                        figures: tally.figures(complaintRateApplies: dimension == .channel)))
            }
    }
}
