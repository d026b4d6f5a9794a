/// A remedy offered in a resolution (complaint-process.md §3.12).
public enum Remedy: String, ClosedValueSet {
    /// Apology (道歉).
    case apology
    /// Refund (退款).
    case refund
    /// Exchange of goods (換貨).
    case exchange
    /// Repair (維修).
    case repair
    /// An extra service (提供額外服務).
    case extraService
    /// Compensation (補償).
    case compensation
    /// Discount or concession (優惠).
    case discount
    /// An alternative solution (替代方案).
    case alternative
    /// An explanation only.
    case explanation

    /// The value-set name used in errors.
    public static let valueSetName = "remedy"
}
