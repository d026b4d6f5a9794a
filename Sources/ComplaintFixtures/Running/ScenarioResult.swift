/// The outcome of one scenario: passed, or the differences found, each naming the step or the
/// expectation and the field.
public struct ScenarioResult: Sendable {
    /// The scenario's name (the file name when it could not be loaded).
    public var name: String
    /// The fixture file.
    public var file: String
    /// What differed, one readable line each; empty when the scenario passed.
    public var failures: [String]
    /// How long it ran, in seconds.
    public var seconds: Double

    /// Whether every step and expectation held.
    public var passed: Bool { failures.isEmpty }

    /// `PASS name`, or `FAIL name` followed by the differences indented by two spaces.
    public var report: String {
        ([(passed ? "PASS " : "FAIL ") + name] + failures.map { "  " + $0 }).joined(separator: "\n")
    }
}
