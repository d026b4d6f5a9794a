/// Who is responsible for the problem a resolution addresses (DOMAIN.md §1).
public enum Responsibility: String, ClosedValueSet {
    /// The company.
    case company
    /// The customer.
    case customer
    /// A third party (carrier, platform, supplier).
    case thirdParty
    /// Shared between parties.
    case shared

    /// The value-set name used in errors.
    public static let valueSetName = "responsibility"
}
