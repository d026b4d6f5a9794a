/// A day of the week, keyed by its English lower-case name in policy files.
public enum Weekday: String, ClosedValueSet, Comparable {
    /// Monday.
    case monday
    /// Tuesday.
    case tuesday
    /// Wednesday.
    case wednesday
    /// Thursday.
    case thursday
    /// Friday.
    case friday
    /// Saturday.
    case saturday
    /// Sunday.
    case sunday

    /// The value-set name used in errors.
    public static let valueSetName = "weekday"

    /// Orders Monday first (ISO 8601).
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.isoNumber < rhs.isoNumber }

    /// ISO 8601 day number: Monday 1 … Sunday 7.
    public var isoNumber: Int { Weekday.allCases.firstIndex(of: self)! + 1 }
}
