/// The result of verifying a complaint's authenticity (complaint-process.md §3.8, 003 §3.1).
public enum AuthenticityOutcome: String, ClosedValueSet {
    /// A genuine complaint.
    case genuine
    /// A false complaint raised in bad faith (e.g. a competitor's attack).
    case falseMalicious
    /// A false complaint born of a misunderstanding.
    case falseMisunderstanding
    /// Not (yet) determined.
    case undetermined

    /// The value-set name used in errors.
    public static let valueSetName = "authenticity"

    /// Whether the outcome allows `RejectAsFalse`.
    public var isFalse: Bool { self == .falseMalicious || self == .falseMisunderstanding }
}
