import Foundation
import Testing
@testable import ComplaintPolicy

@Suite("Reporting periods and windows")
struct ReportingPeriodTests {
    static let cases: [(ReportingPeriod, String, String, String)] = [
        (.day, "2026-03-04T23:30:00+08:00", "2026-03-04T00:00:00+08:00", "2026-03-05T00:00:00+08:00"),
        // 2026-03-04 is a Wednesday; its ISO week starts Monday 2026-03-02.
        (.week, "2026-03-04T12:00:00+08:00", "2026-03-02T00:00:00+08:00", "2026-03-09T00:00:00+08:00"),
        (.week, "2026-03-08T23:59:59+08:00", "2026-03-02T00:00:00+08:00", "2026-03-09T00:00:00+08:00"),
        (.month, "2026-01-31T12:00:00+08:00", "2026-01-01T00:00:00+08:00", "2026-02-01T00:00:00+08:00"),
        (.month, "2026-02-15T12:00:00+08:00", "2026-02-01T00:00:00+08:00", "2026-03-01T00:00:00+08:00"),
        (.month, "2026-12-31T23:00:00+08:00", "2026-12-01T00:00:00+08:00", "2027-01-01T00:00:00+08:00"),
        // 16:30 UTC on 2026-02-28 is already March 1st in Shanghai.
        (.month, "2026-02-28T16:30:00Z", "2026-03-01T00:00:00+08:00", "2026-04-01T00:00:00+08:00"),
    ]

    @Test(arguments: Self.cases)
    func windowsInThePolicyTimeZone(period: ReportingPeriod, at: String, from: String, to: String) {
        let window = BusinessCalendar.standard.window(period, containing: instant(at))
        #expect(window.from == instant(from))
        #expect(window.to == instant(to))
        #expect(window.contains(instant(at)))
        #expect(!window.contains(window.to))
    }

    @Test func dayAcrossDaylightSavingLasts23Hours() throws {
        let berlin = try allDayCalendar("Europe/Berlin")
        let window = berlin.window(.day, containing: instant("2026-03-29T12:00:00+02:00"))
        #expect(window.to.timeIntervalSince(window.from) == 23 * 3600)
    }

    @Test func consecutiveMonths() {
        let calendar = BusinessCalendar.standard
        var window = calendar.window(.month, containing: instant("2026-01-10T00:00:00+08:00"))
        var starts: [Date] = []
        for _ in 0..<14 {
            starts.append(window.from)
            window = calendar.window(.month, after: window)
        }
        #expect(starts.map { calendar.localDate(of: $0).description } == [
            "2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01",
            "2026-08-01", "2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01", "2027-01-01", "2027-02-01",
        ])
    }

    @Test func windowsAreHalfOpenAndOrdered() throws {
        let a = instant("2026-03-01T00:00:00Z")
        let b = instant("2026-03-02T00:00:00Z")
        #expect(throws: PolicyValueError.self) { try TimeWindow(from: b, to: a) }
        let window = try TimeWindow(from: a, to: b)
        #expect(window.contains(a) && !window.contains(b))
        #expect(window.encloses(try TimeWindow(from: a, to: b)))
        #expect(!window.encloses(try TimeWindow(from: a, to: b.addingTimeInterval(1))))
    }

    @Test func decodingErrorsCarryTheValueSetReason() {
        do {
            _ = try JSONDecoder().decode([ReportingPeriod].self, from: Data(#"["fortnight"]"#.utf8))
            Issue.record("decoded an unknown period")
        } catch {
            #expect(String(describing: error).contains("period: unknown value 'fortnight'"))
        }
    }
}
