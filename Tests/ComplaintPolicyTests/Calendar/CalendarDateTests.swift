import Testing
@testable import ComplaintPolicy

@Suite("Calendar dates and times of day")
struct CalendarDateTests {
    @Test(arguments: [
        ("1970-01-01", 0, Weekday.thursday), ("2026-03-02", 20_514, .monday), ("2024-02-29", 19_782, .thursday),
        ("2026-10-01", 20_727, .thursday), ("1969-12-31", -1, .wednesday),
    ])
    func dayNumbersAndWeekdays(text: String, dayNumber: Int, weekday: Weekday) throws {
        let date = try CalendarDate.parse(text)
        #expect(date.dayNumber == dayNumber)
        #expect(date.weekday == weekday)
        #expect(CalendarDate(dayNumber: dayNumber) == date)
        #expect(date.description == text)
    }

    @Test func dayNumberRoundTripsOverManyDays() {
        for number in stride(from: -800_000, through: 2_900_000, by: 997) {
            #expect(CalendarDate(dayNumber: number).dayNumber == number)
        }
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "", "2026-01-00"])
    func refusesBadDates(text: String) {
        #expect(throws: PolicyValueError.self) { try CalendarDate.parse(text) }
    }

    @Test(arguments: [("09:00", 540), ("18:30", 1110), ("00:00", 0), ("24:00", 1440)])
    func parsesTimes(text: String, minutes: Int) throws {
        let time = try TimeOfDay.parse(text)
        #expect(time.minutes == minutes)
        #expect(time.description == text)
    }

    @Test(arguments: ["9:00", "24:01", "12:60", "25:00", "ab:cd", "0900", ""])
    func refusesBadTimes(text: String) {
        #expect(throws: PolicyValueError.self) { try TimeOfDay.parse(text) }
    }

    @Test func intervalsMustBeOrderedAndDisjoint() throws {
        #expect(throws: PolicyValueError.self) { try WorkingInterval("18:00", "09:00") }
        #expect(throws: PolicyValueError.self) { try WorkingInterval("09:00", "09:00") }
        let morning = try WorkingInterval("09:00", "12:00")
        let overlapping = try WorkingInterval("11:00", "14:00")
        #expect(throws: PolicyValueError.self) { try WorkingInterval.normalised([overlapping, morning]) }
        let afternoon = try WorkingInterval("12:00", "18:00")
        #expect(try WorkingInterval.normalised([afternoon, morning]) == [morning, afternoon])
    }
}
