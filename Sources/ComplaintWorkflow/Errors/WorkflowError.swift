/// A command the workflow refused, with a stable ``Code``, the rule that refused it and why.
///
/// Refusals record nothing. `rule` names the precondition or rule that refused (for example
/// `roles` or `toLevel > current`), `reason` is human-readable text, and `field` names the
/// offending data field for ``Code/validationFailed``.
public struct WorkflowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The stable code hosts and fixtures match on (DOMAIN.md §9).
    public var code: Code
    /// The rule or precondition that refused the command.
    public var rule: String
    /// Why the command was refused.
    public var reason: String
    /// The offending data field, for ``Code/validationFailed``.
    public var field: String?

    /// Creates an error.
    public init(_ code: Code, rule: String, reason: String, field: String? = nil) {
        self.code = code
        self.rule = rule
        self.reason = reason
        self.field = field
    }

    /// A ``Code/validationFailed`` error naming `field`.
    public static func invalid(_ field: String, _ reason: String) -> WorkflowError {
        WorkflowError(.validationFailed, rule: "validation", reason: reason, field: field)
    }

    /// `code [rule] field: reason`.
    public var description: String {
        let place = field.map { " \($0):" } ?? ""
        return "\(code.rawValue) [\(rule)]\(place) \(reason)"
    }

    /// Lets `catch` clauses and `switch` match an error against a code.
    public static func ~= (code: Code, error: WorkflowError) -> Bool { error.code == code }
}
