public import Foundation

/// The working time of a service organisation: a time zone, working intervals per weekday,
/// holidays (days off) and extra working days (the 调休 make-up days, with their own hours).
///
/// Business SLA clocks count only the working time of this calendar (DOMAIN.md §4). Working time
/// is measured in real elapsed seconds, so across a daylight-saving switch an interval that spans
/// the switch is an hour shorter or longer than its wall-clock length. Intervals are resolved to
/// instants with the Gregorian calendar of ``timeZone``; a wall time that does not exist (spring
/// gap) resolves to the next existing instant, an ambiguous one (autumn overlap) to the first.
///
/// Precedence for a date: a holiday has no working time; otherwise an extra working day has its own
/// intervals; otherwise the weekday's intervals apply. A date cannot be both a holiday and an extra
/// working day, and at least one weekday must have working time, so every deadline exists.
public struct BusinessCalendar: Hashable, Sendable {
    /// The IANA time zone identifier, e.g. `Asia/Shanghai`.
    public let timeZoneIdentifier: String
    /// Working intervals per weekday, sorted and disjoint; a weekday without an entry is a day off.
    public let workingHours: [Weekday: [WorkingInterval]]
    /// Dates without working time.
    public let holidays: Set<CalendarDate>
    /// Dates worked with their own intervals (make-up days), sorted and disjoint per date.
    public let extraWorkingDays: [CalendarDate: [WorkingInterval]]

    private let gregorian: Calendar

    /// Creates a calendar after checking every part.
    ///
    /// - Throws: ``PolicyValidationError`` with the field path under `calendar` (`calendar.timeZone`,
    ///   `calendar.workingHours.<weekday>`, `calendar.holidays`, `calendar.extraWorkingDays.<date>`).
    public init(
        timeZone: String,
        workingHours: [Weekday: [WorkingInterval]],
        holidays: Set<CalendarDate> = [],
        extraWorkingDays: [CalendarDate: [WorkingInterval]] = [:]
    ) throws(PolicyValidationError) {
        guard let zone = TimeZone(identifier: timeZone), !timeZone.isEmpty else {
            throw PolicyValidationError(field: "calendar.timeZone", reason: "'\(timeZone)' is not a known IANA time zone")
        }
        var hours: [Weekday: [WorkingInterval]] = [:]
        for (weekday, intervals) in workingHours.sorted(by: { $0.key < $1.key }) where !intervals.isEmpty {
            do {
                hours[weekday] = try WorkingInterval.normalised(intervals)
            } catch {
                throw PolicyValidationError(field: "calendar.workingHours.\(weekday.rawValue)", error)
            }
        }
        guard !hours.isEmpty else {
            throw PolicyValidationError(field: "calendar.workingHours", reason: "no weekday has working time")
        }
        var extra: [CalendarDate: [WorkingInterval]] = [:]
        for (date, intervals) in extraWorkingDays.sorted(by: { $0.key < $1.key }) {
            guard !intervals.isEmpty else {
                throw PolicyValidationError(field: "calendar.extraWorkingDays.\(date)", reason: "an extra working day needs working hours")
            }
            do {
                extra[date] = try WorkingInterval.normalised(intervals)
            } catch {
                throw PolicyValidationError(field: "calendar.extraWorkingDays.\(date)", error)
            }
        }
        if let both = holidays.intersection(extra.keys).min() {
            throw PolicyValidationError(field: "calendar.holidays", reason: "\(both) is also an extra working day")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.timeZoneIdentifier = timeZone
        self.workingHours = hours
        self.holidays = holidays
        self.extraWorkingDays = extra
        self.gregorian = calendar
    }

    /// Mon–Fri 09:00–18:00 in `Asia/Shanghai`, no holidays (DOMAIN.md §4; 9 working hours a day).
    public static let standard: BusinessCalendar = {
        let day = [try! WorkingInterval("09:00", "18:00")]
        let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
        return try! BusinessCalendar(
            timeZone: "Asia/Shanghai", workingHours: Dictionary(uniqueKeysWithValues: weekdays.map { ($0, day) }))
    }()

    /// The time zone of the calendar.
    public var timeZone: TimeZone { gregorian.timeZone }

    /// The working intervals of `date` after holidays and extra working days are applied.
    public func intervals(on date: CalendarDate) -> [WorkingInterval] {
        if holidays.contains(date) { return [] }
        return extraWorkingDays[date] ?? workingHours[date.weekday] ?? []
    }

    /// The local calendar date of `instant` in ``timeZone``.
    public func localDate(of instant: Date) -> CalendarDate {
        let parts = gregorian.dateComponents([.year, .month, .day], from: instant)
        return (try? CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1))
            ?? CalendarDate(dayNumber: 0)
    }

    /// The instant of wall time `time` on `date` in ``timeZone`` (`24:00` is the next day's `00:00`).
    public func instant(on date: CalendarDate, at time: TimeOfDay) -> Date {
        let day = time.minutes == 1440 ? date.next : date
        let minutes = time.minutes % 1440
        let parts = DateComponents(year: day.year, month: day.month, day: day.day, hour: minutes / 60, minute: minutes % 60)
        guard let resolved = gregorian.date(from: parts) else { return Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400) }
        // A wall time inside a spring-forward gap does not exist; Foundation moves it later by the
        // gap's length (02:30 → 03:30 CEST). Working time is real time, so such a time stands for
        // the instant the clocks jump (02:00 CET = 03:00 CEST).
        let local = gregorian.dateComponents([.hour, .minute], from: resolved)
        if local.hour != minutes / 60 || local.minute != minutes % 60,
           let jump = gregorian.timeZone.nextDaylightSavingTimeTransition(after: resolved.addingTimeInterval(-86_400)),
           jump <= resolved {
            return jump
        }
        return resolved
    }

    /// Whether `instant` lies in a working interval (start inclusive, end exclusive).
    public func isWorking(at instant: Date) -> Bool {
        windows(on: localDate(of: instant)).contains { $0.start <= instant && instant < $0.end }
    }

    /// The instant at which `workingSeconds` of working time, counted from `instant`, are used up.
    ///
    /// A deadline that uses up the last second of a working interval is that interval's end (e.g.
    /// 18:00), not the start of the next one. Zero or negative seconds give `instant` itself.
    /// Returns `Date.distantFuture` only if the calendar has no working time within 400 years.
    public func adding(workingSeconds: Int64, to instant: Date) -> Date {
        guard workingSeconds > 0 else { return instant }
        var remaining = Double(workingSeconds)
        var date = localDate(of: instant)
        for _ in 0..<Self.searchLimitDays {
            for window in windows(on: date) where window.end > instant {
                let start = max(window.start, instant)
                let available = window.end.timeIntervalSince(start)
                if remaining <= available { return start.addingTimeInterval(remaining) }
                remaining -= available
            }
            date = date.next
        }
        return .distantFuture
    }

    /// Working seconds between `start` and `end`, rounded to the nearest second; 0 if `end <= start`.
    public func workingSeconds(from start: Date, to end: Date) -> Int64 {
        guard end > start else { return 0 }
        var total = 0.0
        var date = localDate(of: start)
        let last = localDate(of: end)
        while date <= last {
            for window in windows(on: date) {
                let overlap = min(window.end, end).timeIntervalSince(max(window.start, start))
                if overlap > 0 { total += overlap }
            }
            date = date.next
        }
        return Int64(total.rounded())
    }

    /// Working intervals of `date` as instants, in order, empty ones dropped.
    func windows(on date: CalendarDate) -> [DateInterval] {
        intervals(on: date).compactMap { interval in
            let start = instant(on: date, at: interval.start)
            let end = instant(on: date, at: interval.end)
            return end > start ? DateInterval(start: start, end: end) : nil
        }
    }

    private static let searchLimitDays = 146_097

    /// Compares the calendar's definition (time zone id, hours, holidays, extra days).
    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.timeZoneIdentifier == rhs.timeZoneIdentifier && lhs.workingHours == rhs.workingHours
            && lhs.holidays == rhs.holidays && lhs.extraWorkingDays == rhs.extraWorkingDays
    }

    /// Hashes the calendar's definition.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(timeZoneIdentifier)
        hasher.combine(workingHours)
        hasher.combine(holidays)
        hasher.combine(extraWorkingDays)
    }
}
