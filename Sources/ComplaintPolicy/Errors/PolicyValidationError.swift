/// A policy document or override that cannot be accepted.
///
/// `field` is the dotted path of the offending key (for example `clocks.resolution.target` or
/// `calendar.timeZone`); `reason` says why. An empty path means the document as a whole.
public struct PolicyValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Dotted path of the refused key, e.g. `escalation.hardToJudge.toLevel`.
    public var field: String
    /// Why the key or its value was refused.
    public var reason: String

    /// Creates an error for the key at `field` with a human-readable `reason`.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// Re-anchors a value error at a policy field path, keeping its reason.
    public init(field: String, _ valueError: PolicyValueError) {
        self.init(field: field, reason: valueError.reason)
    }

    /// `field: reason`.
    public var description: String { field.isEmpty ? reason : "\(field): \(reason)" }
}
