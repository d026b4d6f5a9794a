import Foundation
import PropertyBased
import Testing
@testable import ComplaintPolicy

/// A random business calendar for property tests, described by small shrinkable choices: a zone,
/// a day pattern per weekday, holidays and extra working days (day offsets in 2026).
struct CalendarCase: Sendable, CustomStringConvertible {
    /// Zones with DST switches at 02:00/03:00 (Berlin, New York), at midnight (Santiago, Havana),
    /// of 30 minutes (Lord Howe), and without DST at odd offsets (Shanghai, Kathmandu).
    static let zones = [
        "Asia/Shanghai", "Europe/Berlin", "America/New_York", "America/Santiago", "America/Havana", "Australia/Lord_Howe", "Asia/Kathmandu",
    ]

    /// Day patterns: off, office hours, office hours with a lunch break, an early shift, a late
    /// shift ending at midnight, all day.
    static let patterns: [[WorkingInterval]] = [
        [],
        [try! WorkingInterval("09:00", "18:00")],
        [try! WorkingInterval("09:00", "12:00"), try! WorkingInterval("13:30", "18:00")],
        [try! WorkingInterval("00:00", "06:00")],
        [try! WorkingInterval("20:00", "24:00")],
        [try! WorkingInterval("00:00", "24:00")],
    ]

    static let year2026 = try! CalendarDate(year: 2026, month: 1, day: 1)

    var zone: String
    var weekdays: [Int]
    var holidays: [Int]
    var extraDays: [Int: Int]
    var calendar: BusinessCalendar

    init(zone: Int, weekdays: [Int], holidays: [Int], extraDays: [(Int, Int)]) {
        self.zone = Self.zones[zone]
        var weekdays = weekdays
        if weekdays.allSatisfy({ $0 == 0 }) { weekdays[0] = 1 }
        self.weekdays = weekdays
        self.holidays = holidays
        var extra: [Int: Int] = [:]
        for (offset, pattern) in extraDays where !holidays.contains(offset) { extra[offset] = pattern }
        self.extraDays = extra
        let hours = Dictionary(uniqueKeysWithValues: zip(Weekday.allCases, weekdays).map { ($0, Self.patterns[$1]) })
        calendar = try! BusinessCalendar(
            timeZone: self.zone, workingHours: hours, holidays: Set(holidays.map(Self.date)),
            extraWorkingDays: Dictionary(uniqueKeysWithValues: extra.map { (Self.date($0.key), Self.patterns[$0.value]) }))
    }

    static func date(_ offset: Int) -> CalendarDate { CalendarDate(dayNumber: year2026.dayNumber + offset) }

    var description: String {
        let days = zip(Weekday.allCases, weekdays).map { "\($0.rawValue.prefix(3)) \(Self.patterns[$1])" }.joined(separator: ", ")
        return "\(zone): \(days); holidays \(holidays.map(Self.date)); extra \(extraDays.map { "\(Self.date($0.key)) \(Self.patterns[$0.value])" })"
    }

    /// Whether `instant` is the end of a working interval of its date or the day before.
    func isIntervalEnd(_ instant: Date) -> Bool {
        let today = calendar.localDate(of: instant)
        return [CalendarDate(dayNumber: today.dayNumber - 1), today].contains { date in
            calendar.intervals(on: date).contains { calendar.instant(on: date, at: $0.end) == instant }
        }
    }

    /// The first date from `offset` on (within two weeks) without working time.
    func offDate(from offset: Int) -> CalendarDate? {
        (offset..<(offset + 14)).map(Self.date).first { calendar.intervals(on: $0).isEmpty }
    }

    static let generator: Generator<CalendarCase, some SendableSequenceType> = zip(
        Gen.int(in: 0...(zones.count - 1)),
        Gen.int(in: 0...(patterns.count - 1)).array(of: 7),
        Gen.int(in: 0...364).array(of: 0...8),
        zip(Gen.int(in: 0...364), Gen.int(in: 1...(patterns.count - 1))).array(of: 0...4)
    ).map { CalendarCase(zone: $0.0, weekdays: $0.1, holidays: $0.2, extraDays: $0.3) }
}

/// Instants in (about) 2026, to the second.
let instants2026: Generator<Date, some SendableSequenceType> = Gen.int(in: 0...(366 * 86_400)).map {
    Date(timeIntervalSince1970: instant("2026-01-01T00:00:00Z").timeIntervalSince1970 + Double($0))
}

/// Working durations from 1 s to 120 h.
let workingDurations: Generator<Int64, some SendableSequenceType> = Gen.int64(in: 1...(120 * 3600))

@Suite("Business calendar properties")
struct CalendarPropertyTests {
    /// More working time never gives an earlier deadline, and a later start never gives an earlier
    /// deadline.
    @Test func addingIsMonotonic() async {
        await propertyCheck(count: 150, input: CalendarCase.generator, instants2026, workingDurations, workingDurations) { calendarCase, start, a, b in
            let calendar = calendarCase.calendar
            let (small, large) = (min(a, b), max(a, b))
            #expect(calendar.adding(workingSeconds: small, to: start) <= calendar.adding(workingSeconds: large, to: start))
            let later = start.addingTimeInterval(Double(b % (7 * 86_400)))
            #expect(calendar.adding(workingSeconds: a, to: start) <= calendar.adding(workingSeconds: a, to: later))
        }
    }

    /// A deadline lies in working hours, or exactly at the end of a working interval (DOMAIN.md §4:
    /// a deadline that ends a working day is 18:00 that day, not 09:00 the next); the moment
    /// before it is always working time.
    @Test func deadlinesLieInWorkingHoursOrAtAnIntervalEnd() async {
        await propertyCheck(count: 150, input: CalendarCase.generator, instants2026, workingDurations) { calendarCase, start, seconds in
            let calendar = calendarCase.calendar
            let due = calendar.adding(workingSeconds: seconds, to: start)
            #expect(calendar.isWorking(at: due) || calendarCase.isIntervalEnd(due), "due \(due)")
            #expect(calendar.isWorking(at: due.addingTimeInterval(-0.5)), "the half second before \(due) is not working time")
        }
    }

    /// Adding then measuring gives the working time back: `workingSeconds(a, adding(d, a)) == d`;
    /// and working time never exceeds the elapsed time (see `DaylightSavingGapTests` for the
    /// intervals ending in a DST gap where it does).
    @Test func measuringWhatWasAddedGivesItBack() async {
        await propertyCheck(count: 150, input: CalendarCase.generator, instants2026, workingDurations) { calendarCase, start, seconds in
            let calendar = calendarCase.calendar
            let due = calendar.adding(workingSeconds: seconds, to: start)
            #expect(calendar.workingSeconds(from: start, to: due) == seconds)
            #expect(Double(seconds) <= due.timeIntervalSince(start))
        }
    }

    /// A weekend day or a holiday holds no working time: measuring across it adds nothing, and
    /// starting anywhere in it gives the same deadline as starting at its end.
    @Test func daysOffAddNoWorkingTime() async {
        await propertyCheck(count: 150, input: CalendarCase.generator, Gen.int(in: 0...350), Gen.int(in: 0...86_399), workingDurations) {
            calendarCase, offset, secondOfDay, seconds in
            let calendar = calendarCase.calendar
            guard let day = calendarCase.offDate(from: offset) else { return }
            let midnight = try! TimeOfDay(hour: 0, minute: 0)
            let dayStart = calendar.instant(on: day, at: midnight)
            let dayEnd = calendar.instant(on: day.next, at: midnight)
            #expect(calendar.workingSeconds(from: dayStart, to: dayEnd) == 0, "\(day) holds working time")
            let inside = min(dayStart.addingTimeInterval(Double(secondOfDay)), dayEnd.addingTimeInterval(-1))
            #expect(!calendar.isWorking(at: inside))
            #expect(calendar.adding(workingSeconds: seconds, to: inside) == calendar.adding(workingSeconds: seconds, to: dayEnd))
            // Measured across the day off, the working time is what lies before it plus what lies after it.
            let before = dayStart.addingTimeInterval(-3 * Double(secondOfDay))
            let after = dayEnd.addingTimeInterval(Double(seconds % (3 * 86_400)))
            #expect(
                calendar.workingSeconds(from: before, to: after)
                    == calendar.workingSeconds(from: before, to: dayStart) + calendar.workingSeconds(from: dayEnd, to: after))
        }
    }

    /// DOMAIN.md §4 "DST included": in Europe/Berlin, extra working days on the spring-forward
    /// Sunday 2026-03-29 and the autumn Sunday 2026-10-25, each worked 00:00–06:00, hold 5 and 7
    /// working hours.
    @Test func berlinSwitchSundaysWorkedFromMidnightToSix() throws {
        let early = [try WorkingInterval("00:00", "06:00")]
        let calendar = try BusinessCalendar(
            timeZone: "Europe/Berlin", workingHours: BusinessCalendar.standard.workingHours,
            extraWorkingDays: [try CalendarDate.parse("2026-03-29"): early, try CalendarDate.parse("2026-10-25"): early])
        let spring = (instant("2026-03-29T00:00:00+01:00"), instant("2026-03-30T00:00:00+02:00"))
        #expect(calendar.workingSeconds(from: spring.0, to: spring.1) == 5 * 3600)
        #expect(calendar.adding(workingSeconds: 5 * 3600, to: spring.0) == instant("2026-03-29T06:00:00+02:00"))
        #expect(calendar.adding(workingSeconds: 5 * 3600 + 60, to: spring.0) == instant("2026-03-30T09:01:00+02:00"))
        let autumn = (instant("2026-10-25T00:00:00+02:00"), instant("2026-10-26T00:00:00+01:00"))
        #expect(calendar.workingSeconds(from: autumn.0, to: autumn.1) == 7 * 3600)
        #expect(calendar.adding(workingSeconds: 7 * 3600, to: autumn.0) == instant("2026-10-25T06:00:00+01:00"))
        // The Saturdays before are days off, as usual.
        #expect(calendar.workingSeconds(from: instant("2026-03-28T00:00:00+01:00"), to: spring.0) == 0)
    }
}
