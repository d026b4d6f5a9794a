public import ComplaintPolicy
public import Foundation

/// A calendar month in the policy's time zone, written `YYYY-MM`.
public struct ReportingMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1…12.
    public var month: Int

    /// Creates a month; `month` must be 1…12.
    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month \(month) is not 1…12")
        self.year = year
        self.month = month
    }

    /// The month that contains `instant` in `calendar`'s time zone (the policy's `calendar`).
    public init(containing instant: Date, in calendar: BusinessCalendar) {
        let date = calendar.localDate(of: instant)
        self.init(year: date.year, month: date.month)
    }

    /// The month as a half-open window `[first day 00:00, next month's first day 00:00)` in
    /// `calendar`'s time zone: the window the engine computes the month's KPI figures over.
    public func window(in calendar: BusinessCalendar) -> Period {
        // The 15th at noon is inside the month whatever the time zone's offset.
        let noon = (try? TimeOfDay(hour: 12, minute: 0)).map { calendar.instant(on: Self.fifteenth(year, month), at: $0) }
        let window = calendar.window(.month, containing: noon ?? Date(timeIntervalSince1970: 0))
        return Period(from: window.from, to: window.to)
    }

    private static func fifteenth(_ year: Int, _ month: Int) -> CalendarDate {
        (try? CalendarDate(year: year, month: month, day: 15)) ?? CalendarDate(dayNumber: 0)
    }

    /// The month after this one.
    public var next: ReportingMonth {
        month == 12 ? ReportingMonth(year: year + 1, month: 1) : ReportingMonth(year: year, month: month + 1)
    }

    /// Chronological order.
    public static func < (lhs: ReportingMonth, rhs: ReportingMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// `YYYY-MM`.
    public var description: String {
        let digits = String(month)
        return "\(year)-\(digits.count == 1 ? "0" + digits : digits)"
    }
}

/// A complaint closed with a root cause: one per complaint and root-cause class (a complaint with
/// root causes of two classes gives two facts).
public struct ClosedComplaintFact: Hashable, Sendable {
    /// The complaint's id.
    public var complaintId: String
    /// The class of a root cause recorded for it.
    public var causeClass: CauseClass
    /// Its latest category.
    public var category: Category
    /// When it closed.
    public var closedAt: Date

    /// Creates a fact.
    public init(complaintId: String, causeClass: CauseClass, category: Category, closedAt: Date) {
        self.complaintId = complaintId
        self.causeClass = causeClass
        self.category = category
        self.closedAt = closedAt
    }
}

/// A KPI's figure over one calendar month (the cohort rule of DOMAIN.md §6); `nil`: no data.
public struct MonthlyKPIFigure: Hashable, Sendable {
    /// The KPI.
    public var kpi: KPI
    /// The month.
    public var month: ReportingMonth
    /// The figure; `nil` when there was no data (never counts as missing the target).
    public var value: Double?

    /// Creates a figure.
    public init(kpi: KPI, month: ReportingMonth, value: Double?) {
        self.kpi = kpi
        self.month = month
        self.value = value
    }
}

/// What the suggestion rules look at; the engine gathers it from its projections.
public struct SuggestionFacts: Hashable, Sendable {
    /// Complaints closed with a root cause (`recurringRootCause`).
    public var closedComplaints: [ClosedComplaintFact]
    /// Monthly KPI figures (`kpiBelowTarget`).
    public var monthlyKPIs: [MonthlyKPIFigure]

    /// Creates facts.
    public init(closedComplaints: [ClosedComplaintFact] = [], monthlyKPIs: [MonthlyKPIFigure] = []) {
        self.closedComplaints = closedComplaints
        self.monthlyKPIs = monthlyKPIs
    }
}

/// A suggestion to record: append `decided` to stream ``streamId`` under command id `commandId`.
/// The command id is deterministic, so the engine's idempotency makes a repeat a no-op.
public struct SuggestedImprovement: Hashable, Sendable {
    /// `improvement-suggestions`.
    public static let streamId = "improvement-suggestions"
    /// `suggestion:<suggestionId>`.
    public var commandId: String
    /// The ImprovementSuggested event (actor `system`).
    public var decided: DecidedEvent
    /// The event's data.
    public var suggestion: ImprovementSuggested

    /// Creates a suggestion to record at `now`.
    public init(_ suggestion: ImprovementSuggested, reason: String, now: Date) {
        commandId = "suggestion:\(suggestion.suggestionId)"
        decided = DecidedEvent(.improvementSuggested(suggestion), actor: .system, occurredAt: now, reason: reason)
        self.suggestion = suggestion
    }
}
