/// The urgency of a complaint (緊急 / 不緊急; complaint-process.md §3.4, 003 §3.2).
public enum Urgency: String, ClosedValueSet {
    /// Urgent: needs an immediate answer.
    case urgent
    /// Normal: handled in the ordinary flow.
    case normal

    /// The value-set name used in errors.
    public static let valueSetName = "urgency"
}
