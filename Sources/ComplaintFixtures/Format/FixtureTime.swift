import Foundation

/// Timestamps as fixtures write them: ISO 8601 with a time zone (`2026-03-02T09:00:00+08:00`,
/// `…Z`, optional fractional seconds).
enum FixtureTime {
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: false)) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        return nil
    }

    /// `2026-03-02T01:00:00Z` (UTC), or in `timeZone` with its offset.
    static func format(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: timeZone)
        if date.timeIntervalSince1970.truncatingRemainder(dividingBy: 1) != 0 {
            style = style.time(includingFractionalSeconds: true)
        }
        return date.formatted(style)
    }
}
