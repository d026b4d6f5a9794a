public import ComplaintPolicy
public import ComplaintWorkflow
public import Foundation

/// A filter on the complaints a KPI counts (DOMAIN.md §6, `Specs/kpi.md` "Slices"): the same four
/// optional values an improvement objective's filter holds, so an objective's filter is a slice.
///
/// `channel` is the channel at receipt; `category` is the latest classification; `owner` and
/// `department` are the latest. A complaint matches only when every value given is equal; one
/// without a category, owner or department matches no value of that field. `complaintRate` slices
/// by channel only: with any other field set it has no value.
public typealias KPISlice = ObjectiveFilter

extension ObjectiveFilter {
    /// Every complaint.
    public static let all = KPISlice()

    /// Whether `complaintRate` can be computed for this slice (only the channel may be set).
    public var slicesComplaintRate: Bool { category == nil && owner == nil && department == nil }

    func matches(_ facts: ComplaintFacts) -> Bool {
        (category == nil || facts.category == category) && (channel == nil || facts.channel == channel)
            && (owner == nil || facts.owner == owner) && (department == nil || facts.department == department)
    }
}

/// One KPI's figure: its numerator, its denominator and, unless the denominator is 0, its value.
///
/// For the rates the numerator and denominator are counts (`Specs/kpi.md`). For
/// `KPI/meanAcknowledgementMinutes` the numerator is the sum of the minutes and the denominator
/// the number of acknowledged complaints; for `KPI/meanResolutionWorkingHours` the sum of the
/// hours and the number of stopped resolution instances.
public struct KPIFigure: Hashable, Sendable {
    /// Which KPI.
    public var kpi: KPI
    /// The numerator (a count, or for a mean the sum of the values).
    public var numerator: Double
    /// The denominator (a count).
    public var denominator: Int

    /// Creates a figure.
    public init(kpi: KPI, numerator: Double, denominator: Int) {
        self.kpi = kpi
        self.numerator = numerator
        self.denominator = denominator
    }

    /// `numerator / denominator`, or `nil` when there is no data (denominator 0): never 0 for that.
    public var value: Double? { denominator == 0 ? nil : numerator / Double(denominator) }
}

/// Every KPI over one cohort window and slice.
public struct KPIReport: Hashable, Sendable {
    /// The cohort window: complaints received in `[from, to)` count.
    public var window: TimeWindow
    /// The slice the figures are restricted to.
    public var slice: KPISlice
    /// One figure per KPI.
    public var figures: [KPI: KPIFigure]

    /// Creates a report.
    public init(window: TimeWindow, slice: KPISlice, figures: [KPI: KPIFigure]) {
        self.window = window
        self.slice = slice
        self.figures = figures
    }

    /// The figure of `kpi` (0 / 0, no value, when the report lacks it).
    public subscript(kpi: KPI) -> KPIFigure { figures[kpi] ?? KPIFigure(kpi: kpi, numerator: 0, denominator: 0) }

    /// The value of `kpi`, or `nil` when it has no data.
    public func value(_ kpi: KPI) -> Double? { self[kpi].value }
}

/// What ``ComplaintEngine/kpis(by:period:from:to:asOf:)`` groups complaints by.
public enum KPIDimension: String, Hashable, Sendable, CaseIterable {
    /// The latest category.
    case category
    /// The channel at receipt.
    case channel
    /// The latest owner.
    case owner
    /// The latest department.
    case department

    func value(of facts: ComplaintFacts) -> String? {
        switch self {
        case .category: facts.category?.rawValue
        case .channel: facts.channel.rawValue
        case .owner: facts.owner
        case .department: facts.department
        }
    }

    func slice(_ value: String) -> KPISlice {
        switch self {
        case .category: KPISlice(category: Category(rawValue: value))
        case .channel: KPISlice(channel: Channel(rawValue: value))
        case .owner: KPISlice(owner: value)
        case .department: KPISlice(department: value)
        }
    }
}

/// One row of a grouped KPI report: one value of the dimension over one period.
public struct KPIRow: Hashable, Sendable {
    /// What the rows are grouped by.
    public var dimension: KPIDimension
    /// The dimension's value (a category, channel, owner id or department).
    public var value: String
    /// The period (clipped to the requested range); also `report.window`.
    public var period: TimeWindow
    /// The figures of the complaints received in the period with that value.
    public var report: KPIReport

    /// Creates a row.
    public init(dimension: KPIDimension, value: String, period: TimeWindow, report: KPIReport) {
        self.dimension = dimension
        self.value = value
        self.period = period
        self.report = report
    }
}
