/// The SLA clocks of a complaint (DOMAIN.md §4), ordered
/// `acknowledgement < resolution < followUp`: the tie-break order of timers due at one instant.
public enum ClockName: String, ClosedValueSet, Comparable {
    /// From receipt to acknowledgement.
    case acknowledgement
    /// From receipt to the customer's acceptance; paused while awaiting the customer.
    case resolution
    /// From acceptance to the first return visit or satisfaction score.
    case followUp

    /// The value-set name used in errors.
    public static let valueSetName = "clock"

    /// Orders by declaration: acknowledgement, resolution, followUp.
    public static func < (lhs: ClockName, rhs: ClockName) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
