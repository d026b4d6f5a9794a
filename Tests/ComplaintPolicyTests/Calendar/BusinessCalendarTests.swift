import Foundation
import Testing
@testable import ComplaintPolicy
import SeededRandom

/// Parses an ISO 8601 timestamp with offset, e.g. `2026-03-02T09:00:00+08:00`.
func instant(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    guard let date = formatter.date(from: text) else { preconditionFailure("bad timestamp \(text)") }
    return date
}

private func date(_ text: String) -> CalendarDate { try! CalendarDate.parse(text) }

/// A calendar that works around the clock, every day, in `zone`.
func allDayCalendar(_ zone: String) throws -> BusinessCalendar {
    let day = [try WorkingInterval("00:00", "24:00")]
    return try BusinessCalendar(timeZone: zone, workingHours: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, day) }))
}

/// Standard hours plus the 2026 National Day holidays and the make-up Sunday 2026-09-27 (10:00–16:00).
func nationalDayCalendar() throws -> BusinessCalendar {
    let standard = BusinessCalendar.standard
    return try BusinessCalendar(
        timeZone: "Asia/Shanghai", workingHours: standard.workingHours,
        holidays: Set(["2026-10-01", "2026-10-02", "2026-10-05"].map(date)),
        extraWorkingDays: [date("2026-09-27"): [try WorkingInterval("10:00", "16:00")]])
}

@Suite("Business calendar")
struct BusinessCalendarTests {
    static let additions: [(String, Int64, String)] = [
        // 18 working hours from Monday 09:00 end at Tuesday 18:00, not Wednesday 09:00.
        ("2026-03-02T09:00:00+08:00", Int64(18 * 3600), "2026-03-03T18:00:00+08:00"),
        ("2026-03-02T09:00:00+08:00", 9 * 3600, "2026-03-02T18:00:00+08:00"),
        // Friday 17:00 plus 2 h continues on Monday.
        ("2026-03-06T17:00:00+08:00", 2 * 3600, "2026-03-09T10:00:00+08:00"),
        // Received on Saturday: counting starts Monday 09:00.
        ("2026-03-07T11:00:00+08:00", 3600, "2026-03-09T10:00:00+08:00"),
        // Received before opening.
        ("2026-03-02T07:30:00+08:00", 90 * 60, "2026-03-02T10:30:00+08:00"),
        // Received after closing.
        ("2026-03-02T20:00:00+08:00", 9 * 3600, "2026-03-03T18:00:00+08:00"),
        ("2026-03-02T12:34:56+08:00", 0, "2026-03-02T12:34:56+08:00"),
    ]

    let standard = BusinessCalendar.standard

    static let daylightSavingDays: [(String, String, String, Int64)] = [
        // Europe/Berlin: 2026-03-29 has 23 h, 2026-10-25 has 25 h.
        ("Europe/Berlin", "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00", Int64(23 * 3600)),
        ("Europe/Berlin", "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00", 25 * 3600),
        ("America/New_York", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", 23 * 3600),
        ("America/New_York", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", 25 * 3600),
    ]

    @Test(arguments: Self.additions)
    func addsWorkingTime(start: String, seconds: Int64, expected: String) {
        #expect(standard.adding(workingSeconds: seconds, to: instant(start)) == instant(expected))
    }

    @Test func isWorkingIncludesStartAndExcludesEnd() {
        #expect(standard.isWorking(at: instant("2026-03-02T09:00:00+08:00")))
        #expect(standard.isWorking(at: instant("2026-03-02T17:59:59+08:00")))
        #expect(!standard.isWorking(at: instant("2026-03-02T18:00:00+08:00")))
        #expect(!standard.isWorking(at: instant("2026-03-02T08:59:59+08:00")))
        #expect(!standard.isWorking(at: instant("2026-03-07T10:00:00+08:00")))
        // 02:00 UTC is 10:00 in Shanghai.
        #expect(standard.isWorking(at: instant("2026-03-02T02:00:00Z")))
    }

    @Test func workingSecondsBetweenInstants() {
        #expect(standard.workingSeconds(from: instant("2026-03-06T17:00:00+08:00"), to: instant("2026-03-09T10:00:00+08:00")) == 7200)
        #expect(standard.workingSeconds(from: instant("2026-03-02T09:00:00+08:00"), to: instant("2026-03-09T09:00:00+08:00")) == 45 * 3600)
        #expect(standard.workingSeconds(from: instant("2026-03-03T09:00:00+08:00"), to: instant("2026-03-02T09:00:00+08:00")) == 0)
    }

    @Test func holidaysAndMakeUpDays() throws {
        let calendar = try nationalDayCalendar()
        // Wednesday 2026-09-30 17:00 + 2 h: 1 h on Wednesday, Thu/Fri off, weekend, Monday 10-05 off,
        // so Tuesday 10-06 10:00.
        #expect(calendar.adding(workingSeconds: 7200, to: instant("2026-09-30T17:00:00+08:00")) == instant("2026-10-06T10:00:00+08:00"))
        // Saturday 09-26 + 7 h: the make-up Sunday has 6 h (10:00–16:00), then Monday 10:00.
        #expect(calendar.adding(workingSeconds: 7 * 3600, to: instant("2026-09-26T12:00:00+08:00")) == instant("2026-09-28T10:00:00+08:00"))
        // A deadline ending the make-up day is its end, 16:00.
        #expect(calendar.adding(workingSeconds: 6 * 3600, to: instant("2026-09-26T12:00:00+08:00")) == instant("2026-09-27T16:00:00+08:00"))
        #expect(calendar.isWorking(at: instant("2026-09-27T15:00:00+08:00")))
        #expect(!calendar.isWorking(at: instant("2026-10-01T10:00:00+08:00")))
    }

    @Test(arguments: Self.daylightSavingDays)
    func daylightSavingDaysCountRealSeconds(zone: String, from: String, to: String, seconds: Int64) throws {
        let calendar = try allDayCalendar(zone)
        #expect(calendar.workingSeconds(from: instant(from), to: instant(to)) == seconds)
        #expect(calendar.adding(workingSeconds: seconds, to: instant(from)) == instant(to))
    }

    @Test func intervalSpanningTheSwitchIsShorterOrLonger() throws {
        let early = [try WorkingInterval("00:00", "06:00")]
        let calendar = try BusinessCalendar(
            timeZone: "America/New_York", workingHours: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, early) }))
        // Spring forward: 00:00 EST to 06:00 EDT is 5 real hours; fall back: 7 real hours.
        #expect(calendar.workingSeconds(from: instant("2026-03-08T00:00:00-05:00"), to: instant("2026-03-09T00:00:00-04:00")) == 5 * 3600)
        #expect(calendar.workingSeconds(from: instant("2026-11-01T00:00:00-04:00"), to: instant("2026-11-02T00:00:00-05:00")) == 7 * 3600)
        #expect(calendar.adding(workingSeconds: 6 * 3600, to: instant("2026-11-01T00:00:00-04:00")) == instant("2026-11-01T05:00:00-05:00"))
    }

    @Test(arguments: ["Asia/Shanghai", "Europe/Berlin", "America/New_York"])
    func addingThenMeasuringGivesBackTheWorkingTime(zone: String) throws {
        let base = try nationalDayCalendar()
        let calendar = try BusinessCalendar(
            timeZone: zone, workingHours: base.workingHours, holidays: base.holidays, extraWorkingDays: base.extraWorkingDays)
        var generator = SplitMix64(seed: UInt64(zone.utf8.count))
        let yearStart = instant("2026-01-01T00:00:00Z").timeIntervalSince1970
        for _ in 0..<300 {
            let start = Date(timeIntervalSince1970: yearStart + Double(Int.random(in: 0..<365 * 86_400, using: &generator)))
            let seconds = Int64.random(in: 1...(200 * 3600), using: &generator)
            let due = calendar.adding(workingSeconds: seconds, to: start)
            #expect(calendar.workingSeconds(from: start, to: due) == seconds)
            // The due instant is the first at which the time is used up.
            #expect(calendar.workingSeconds(from: start, to: due.addingTimeInterval(-1)) == seconds - 1)
        }
    }

    @Test func refusesBadDefinitions() throws {
        let hours = BusinessCalendar.standard.workingHours
        #expect(throws: PolicyValidationError(field: "calendar.timeZone", reason: "'Mars/Olympus' is not a known IANA time zone")) {
            try BusinessCalendar(timeZone: "Mars/Olympus", workingHours: hours)
        }
        #expect(throws: PolicyValidationError.self) { try BusinessCalendar(timeZone: "Asia/Shanghai", workingHours: [:]) }
        let overlapping = [try WorkingInterval("09:00", "12:00"), try WorkingInterval("11:00", "13:00")]
        do {
            _ = try BusinessCalendar(timeZone: "UTC", workingHours: [.monday: overlapping])
            Issue.record("overlapping intervals accepted")
        } catch {
            #expect(error.field == "calendar.workingHours.monday")
        }
        let day = date("2026-10-01")
        let morning = try WorkingInterval("09:00", "12:00")
        do {
            _ = try BusinessCalendar(timeZone: "UTC", workingHours: hours, holidays: [day], extraWorkingDays: [day: [morning]])
            Issue.record("holiday that is also a working day accepted")
        } catch {
            #expect(error.field == "calendar.holidays")
        }
    }
}
