/// The problem class of a complaint (004 §4.1.1; DOMAIN.md §1), which selects the `category2025`
/// clock targets.
public enum ProblemClass: String, ClosedValueSet {
    /// A basic problem.
    case basic
    /// A process problem.
    case process
    /// A complex problem; the default before and at classification when none is given.
    case complex
    /// A special problem.
    case special

    /// The value-set name used in errors.
    public static let valueSetName = "problemClass"
}
