/// Reads and writes durations as text, in whole seconds (`Int64`), the one duration
/// representation of this module.
///
/// Two spellings are accepted (FIXTURES.md):
/// - compact: one or more `<digits><unit>` parts with units `d`, `h`, `m`, `s`, largest unit first,
///   each unit at most once: `90m`, `3h`, `2d`, `45s`, `1h30m`, `1d2h3m4s`;
/// - ISO 8601 without years and months: `P2D`, `PT3H`, `PT1H30M`, `P1DT12H`, `P1W`.
///
/// A day is 24 elapsed hours. Business-calendar targets must not be written with days
/// (DOMAIN.md §4); ``usesDays(_:)`` tells a policy loader whether a text did.
public enum DurationText {
    /// Parses `text` into whole seconds.
    ///
    /// - Throws: ``PolicyValueError`` with field `duration` and the reason (empty text, unknown
    ///   unit, units out of order or repeated, no digits, overflow).
    public static func parse(_ text: String) throws(PolicyValueError) -> Int64 {
        try parts(of: text).seconds
    }

    /// Whether `text` (a valid duration) has a day or week part, e.g. `2d` or `P1DT2H`.
    public static func usesDays(_ text: String) throws(PolicyValueError) -> Bool {
        try parts(of: text).usesDays
    }

    /// Writes `seconds` in the compact form with hours, minutes and seconds only (never days),
    /// e.g. `18h`, `1h30m`, `45s`, `0s`; ``parse(_:)`` reads it back to the same value.
    public static func format(_ seconds: Int64) -> String {
        guard seconds > 0 else { return seconds == 0 ? "0s" : "-" + format(-seconds) }
        let hours = seconds / 3600
        let minutes = seconds % 3600 / 60
        let rest = seconds % 60
        var text = ""
        if hours > 0 { text += "\(hours)h" }
        if minutes > 0 { text += "\(minutes)m" }
        if rest > 0 { text += "\(rest)s" }
        return text
    }

    private struct Unit {
        let symbol: Character
        let seconds: Int64
    }

    private static let compactUnits = [
        Unit(symbol: "d", seconds: 86_400), Unit(symbol: "h", seconds: 3600),
        Unit(symbol: "m", seconds: 60), Unit(symbol: "s", seconds: 1),
    ]
    private static let isoDateUnits = [Unit(symbol: "W", seconds: 604_800), Unit(symbol: "D", seconds: 86_400)]
    private static let isoTimeUnits = [
        Unit(symbol: "H", seconds: 3600), Unit(symbol: "M", seconds: 60), Unit(symbol: "S", seconds: 1),
    ]

    private static func parts(of text: String) throws(PolicyValueError) -> (seconds: Int64, usesDays: Bool) {
        guard !text.isEmpty else { throw failure(text, "is empty") }
        if text.first == "P" {
            let body = text.dropFirst()
            let pieces = body.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
            let datePart = pieces[0]
            let timePart = pieces.count > 1 ? pieces[1] : nil
            if let timePart, timePart.isEmpty { throw failure(text, "has a 'T' with no time part after it") }
            let date = try sum(datePart, units: isoDateUnits, text: text)
            let time = try timePart.map { (part) throws(PolicyValueError) in try sum(part, units: isoTimeUnits, text: text) }
            guard date.count + (time?.count ?? 0) > 0 else { throw failure(text, "has no parts") }
            let (total, overflow) = date.seconds.addingReportingOverflow(time?.seconds ?? 0)
            guard !overflow else { throw failure(text, "is too large") }
            return (total, date.count > 0)
        }
        let compact = try sum(Substring(text), units: compactUnits, text: text)
        guard compact.count > 0 else { throw failure(text, "has no parts") }
        return (compact.seconds, compact.usedFirstUnit)
    }

    /// Sums `<digits><unit>` parts whose units appear in `units` order, each at most once.
    private static func sum(
        _ body: Substring, units: [Unit], text: String
    ) throws(PolicyValueError) -> (seconds: Int64, count: Int, usedFirstUnit: Bool) {
        var total: Int64 = 0
        var count = 0
        var nextUnit = 0
        var usedFirstUnit = false
        var digits = ""
        for character in body {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard let index = units.firstIndex(where: { $0.symbol == character }) else {
                throw failure(text, "has an unknown unit '\(character)'; expected \(units.map { String($0.symbol) }.joined(separator: ", "))")
            }
            guard !digits.isEmpty else { throw failure(text, "has no number before '\(character)'") }
            guard index >= nextUnit else { throw failure(text, "has units out of order or repeated at '\(character)'") }
            guard let value = Int64(digits) else { throw failure(text, "is too large") }
            let (product, overflowA) = value.multipliedReportingOverflow(by: units[index].seconds)
            let (newTotal, overflowB) = total.addingReportingOverflow(product)
            guard !overflowA, !overflowB else { throw failure(text, "is too large") }
            total = newTotal
            count += 1
            if index == 0 || units[index].seconds >= 86_400 { usedFirstUnit = true }
            nextUnit = index + 1
            digits = ""
        }
        guard digits.isEmpty else { throw failure(text, "ends with a number without a unit") }
        return (total, count, usedFirstUnit)
    }

    private static func failure(_ text: String, _ reason: String) -> PolicyValueError {
        PolicyValueError(field: "duration", reason: "'\(text)' \(reason)")
    }
}
