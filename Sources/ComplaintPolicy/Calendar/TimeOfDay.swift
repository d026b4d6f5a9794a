/// A wall-clock time of day `HH:MM`, from `00:00` to `24:00` (the end of the day), to the minute.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes since midnight, 0…1440.
    public let minutes: Int

    /// Creates a time from hours and minutes; `24:00` is the only time with hour 24.
    public init(hour: Int, minute: Int) throws(PolicyValueError) {
        guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else {
            throw PolicyValueError(field: "time", reason: "\(hour):\(minute) is not a time between 00:00 and 24:00")
        }
        minutes = hour * 60 + minute
    }

    /// Parses `HH:MM` (two digits each), e.g. `09:00`, `18:30`, `24:00`.
    public static func parse(_ text: String) throws(PolicyValueError) -> TimeOfDay {
        let bytes = Array(text.utf8)
        func digit(_ index: Int) -> Int? {
            let byte = bytes[index]
            return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int(byte - UInt8(ascii: "0")) : nil
        }
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
            let h1 = digit(0), let h2 = digit(1), let m1 = digit(3), let m2 = digit(4)
        else {
            throw PolicyValueError(field: "time", reason: "'\(text)' is not a time of day HH:MM")
        }
        do {
            return try TimeOfDay(hour: h1 * 10 + h2, minute: m1 * 10 + m2)
        } catch {
            throw PolicyValueError(field: "time", reason: "'\(text)' is not a time between 00:00 and 24:00")
        }
    }

    /// Hours part, 0…24.
    public var hour: Int { minutes / 60 }
    /// Minutes part, 0…59.
    public var minute: Int { minutes % 60 }

    /// Orders by minutes since midnight.
    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    /// `HH:MM`.
    public var description: String {
        (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

/// One working interval of a day, `start` inclusive to `end` exclusive, `start < end`.
///
/// Intervals never cross midnight; a shift past midnight is written as two intervals.
public struct WorkingInterval: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// First working minute.
    public let start: TimeOfDay
    /// End of the interval (exclusive); may be `24:00`.
    public let end: TimeOfDay

    /// Creates an interval; `start` must be before `end`.
    public init(start: TimeOfDay, end: TimeOfDay) throws(PolicyValueError) {
        guard start < end else {
            throw PolicyValueError(field: "interval", reason: "start \(start) is not before end \(end)")
        }
        self.start = start
        self.end = end
    }

    /// Parses two `HH:MM` texts, e.g. `("09:00", "18:00")`.
    public init(_ start: String, _ end: String) throws(PolicyValueError) {
        try self.init(start: TimeOfDay.parse(start), end: TimeOfDay.parse(end))
    }

    /// Orders by start, then end.
    public static func < (lhs: WorkingInterval, rhs: WorkingInterval) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    /// `HH:MM-HH:MM`.
    public var description: String { "\(start)-\(end)" }

    /// Sorts `intervals` and checks that none overlap.
    static func normalised(_ intervals: [WorkingInterval]) throws(PolicyValueError) -> [WorkingInterval] {
        let sorted = intervals.sorted()
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.start < earlier.end {
            throw PolicyValueError(field: "interval", reason: "\(earlier) overlaps \(later)")
        }
        return sorted
    }
}
