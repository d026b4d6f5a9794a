public import Foundation

/// A half-open time window `[from, to)`, the window of KPI cohorts and improvement objectives.
public struct TimeWindow: Hashable, Codable, Sendable {
    /// First instant inside the window.
    public let from: Date
    /// First instant after the window.
    public let to: Date

    /// Creates a window; `to` must not be before `from`.
    public init(from: Date, to: Date) throws(PolicyValueError) {
        guard to >= from else {
            throw PolicyValueError(field: "window", reason: "to (\(to)) is before from (\(from))")
        }
        self.from = from
        self.to = to
    }

    /// Whether `instant` lies in `[from, to)`.
    public func contains(_ instant: Date) -> Bool { from <= instant && instant < to }

    /// Whether `other` lies wholly inside this window (`from ≤ other.from` and `other.to ≤ to`).
    public func encloses(_ other: TimeWindow) -> Bool { from <= other.from && other.to <= to }
}

/// A named reporting period of KPIs, in the policy calendar's time zone (DOMAIN.md §6).
public enum ReportingPeriod: String, ClosedValueSet {
    /// A calendar day, 00:00 to the next 00:00.
    case day
    /// An ISO week, Monday 00:00 to the next Monday 00:00.
    case week
    /// A calendar month, the 1st 00:00 to the next 1st 00:00.
    case month

    /// The value-set name used in errors.
    public static let valueSetName = "period"
}

extension BusinessCalendar {
    /// The `period` that contains `instant`, in this calendar's time zone. A day across a DST switch
    /// lasts 23 or 25 hours.
    public func window(_ period: ReportingPeriod, containing instant: Date) -> TimeWindow {
        let date = localDate(of: instant)
        let first: CalendarDate
        let next: CalendarDate
        switch period {
        case .day:
            first = date
            next = date.next
        case .week:
            first = CalendarDate(dayNumber: date.dayNumber - (date.weekday.isoNumber - 1))
            next = CalendarDate(dayNumber: first.dayNumber + 7)
        case .month:
            first = date.firstOfMonth
            next = CalendarDate(dayNumber: first.dayNumber + 31).firstOfMonth
        }
        let midnight = try! TimeOfDay(hour: 0, minute: 0)
        return try! TimeWindow(from: self.instant(on: first, at: midnight), to: self.instant(on: next, at: midnight))
    }

    /// The `period` right after `window` (e.g. the next month), for consecutive-period rules.
    public func window(_ period: ReportingPeriod, after window: TimeWindow) -> TimeWindow {
        self.window(period, containing: window.to)
    }
}

extension CalendarDate {
    /// The first day of this date's month.
    var firstOfMonth: CalendarDate { CalendarDate(dayNumber: dayNumber - (day - 1)) }
}
