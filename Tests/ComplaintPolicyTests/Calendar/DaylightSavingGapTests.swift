import Foundation
import Testing
@testable import ComplaintPolicy

/// Working intervals whose start or end falls in a spring-forward gap (wall times that do not
/// exist). DOMAIN.md §4 measures a day's working time in real minutes, so an interval may hold
/// less real time than its wall-clock length, never more, and never time outside its wall times.
///
/// A wall time inside the gap stands for the instant the clocks jump (Berlin, 2026-03-29: 02:00 CET =
/// 03:00 CEST), so an interval ending in the gap ends there and one starting in it starts there
/// (found by the calendar property tests).
@Suite("Daylight-saving gap")
struct DaylightSavingGapTests {
    static func berlin(_ intervals: [(String, String)]) throws -> BusinessCalendar {
        try BusinessCalendar(
            timeZone: "Europe/Berlin", workingHours: BusinessCalendar.standard.workingHours,
            extraWorkingDays: [try CalendarDate.parse("2026-03-29"): intervals.map { try WorkingInterval($0.0, $0.1) }])
    }

    static let dayStart = instant("2026-03-29T00:00:00+01:00")
    static let dayEnd = instant("2026-03-30T00:00:00+02:00")

    /// What already holds: an interval that starts before the gap and ends after it.
    @Test func intervalAcrossTheGapHoldsItsRealTime() throws {
        let calendar = try Self.berlin([("01:00", "04:00")])
        #expect(calendar.workingSeconds(from: Self.dayStart, to: Self.dayEnd) == 2 * 3600)
        #expect(calendar.isWorking(at: instant("2026-03-29T03:15:00+02:00")))
    }

    @Test func intervalEndingInTheGapEndsWithTheGap() throws {
        let calendar = try Self.berlin([("01:00", "02:30")])
        // Adding one hour from midnight already ends at the switch.
        #expect(calendar.adding(workingSeconds: 3600, to: Self.dayStart) == instant("2026-03-29T03:00:00+02:00"))
        // 01:00 CET to the switch (02:00 CET = 03:00 CEST) is 1 h of real time.
        #expect(calendar.workingSeconds(from: Self.dayStart, to: Self.dayEnd) == 3600)
        #expect(!calendar.isWorking(at: instant("2026-03-29T03:15:00+02:00")), "03:15 lies outside 01:00–02:30")
    }

    @Test func intervalStartingInTheGapStartsWithTheGap() throws {
        let calendar = try Self.berlin([("02:30", "04:00")])
        // The wall times 02:30–03:00 do not exist; 03:00–04:00 CEST is 1 h of real time.
        #expect(calendar.workingSeconds(from: Self.dayStart, to: Self.dayEnd) == 3600)
        #expect(calendar.isWorking(at: instant("2026-03-29T03:15:00+02:00")))
    }

    @Test func workingTimeNeverExceedsElapsedTime() throws {
        let calendar = try Self.berlin([("01:00", "02:30"), ("03:00", "04:00")])
        let from = instant("2026-03-29T01:00:00+01:00")
        let to = instant("2026-03-29T04:00:00+02:00")
        #expect(calendar.workingSeconds(from: from, to: to) <= Int64(to.timeIntervalSince(from)))
        #expect(calendar.workingSeconds(from: Self.dayStart, to: Self.dayEnd) == 2 * 3600)
    }
}
