/// Where a complaint was raised (complaint-process.md §3.2, 002 §6.1).
public enum ComplaintSource: String, ClosedValueSet {
    /// Raised in the company's own service process (內部投訴); the default.
    case `internal`
    /// Raised on an outside channel such as social media or a third-party platform (外部投訴).
    case external

    /// The value-set name used in errors.
    public static let valueSetName = "source"
}
