public import ComplaintPolicy

/// Field checks shared by every command's `validate`: each throws
/// ``WorkflowError/Code/validationFailed`` naming the field and the reason.
public enum Validation {
    /// Free text must not be empty or only whitespace.
    public static func text(_ value: String, field: String) throws(WorkflowError) {
        guard value.contains(where: { !$0.isWhitespace }) else { throw .invalid(field, "must not be empty") }
    }

    /// Optional free text, checked when present.
    public static func text(_ value: String?, field: String) throws(WorkflowError) {
        if let value { try text(value, field: field) }
    }

    /// An integer must lie in `range`.
    public static func range(_ value: Int, _ range: ClosedRange<Int>, field: String) throws(WorkflowError) {
        guard range.contains(value) else {
            throw .invalid(field, "must be in \(range.lowerBound)…\(range.upperBound), got \(value)")
        }
    }

    /// A channel on which a customer can reach the company.
    public static func inbound(_ channel: Channel, field: String) throws(WorkflowError) {
        guard channel.isInbound else {
            throw .invalid(field, "'\(channel.rawValue)' is outbound only; expected an inbound channel")
        }
    }

    /// Amounts are in `CNY` minor units (DOMAIN.md §1).
    public static func money(_ value: Money?, field: String) throws(WorkflowError) {
        guard let value else { return }
        guard value.currency == "CNY" else { throw .invalid("\(field).currency", "must be CNY, got \(value.currency)") }
    }

    /// A list must hold at least one element.
    public static func nonEmpty<Element>(_ values: [Element], field: String) throws(WorkflowError) {
        guard !values.isEmpty else { throw .invalid(field, "must hold at least one value") }
    }

    /// Every id of a list must be a valid id.
    public static func identifiers(_ values: [String], field: String) throws(WorkflowError) {
        for (index, value) in values.enumerated() { try Identifier.validate(value, field: "\(field)[\(index)]") }
    }
}
