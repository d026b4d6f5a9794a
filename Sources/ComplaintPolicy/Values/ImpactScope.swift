/// What a complaint affects beyond the customer (complaint-process.md §3.3, 003 §3.2 影響範圍).
public enum ImpactScope: String, ClosedValueSet {
    /// The company's reputation.
    case reputation
    /// Other customers.
    case otherCustomers
    /// Business operations.
    case operations

    /// The value-set name used in errors.
    public static let valueSetName = "impactScope"
}
