/// The severity of a complaint, ordered `general < serious < critical`
/// (一般 / 較重 / 嚴重; complaint-process.md §3.3, 002 §6.1).
public enum Severity: String, ClosedValueSet, Comparable {
    /// General (一般投訴): dissatisfied, overall experience unaffected.
    case general
    /// Serious (較重投訴): affects the customer's decisions or trust.
    case serious
    /// Critical (嚴重投訴): may cost the customer or damage the brand.
    case critical

    /// The value-set name used in errors.
    public static let valueSetName = "severity"

    /// The next severity up; `critical` stays `critical`.
    public var raisedOneStep: Severity {
        switch self {
        case .general: .serious
        case .serious, .critical: .critical
        }
    }

    /// Orders by rank: `general < serious < critical`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .general: 0
        case .serious: 1
        case .critical: 2
        }
    }
}
