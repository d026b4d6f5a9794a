/// A single value that is not a member of its value set, or not well formed.
///
/// `field` names the value set or the field that was read (for example `channel` or
/// `clocks.resolution.target`); `reason` says what was wrong and what was expected.
public struct PolicyValueError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The value set or field path that refused the value.
    public var field: String
    /// Why the value was refused.
    public var reason: String

    /// Creates an error for `field` with a human-readable `reason`.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// An error for a raw value that is not a member of a closed value set.
    public static func unknownValue(_ raw: String, in set: String, expected: [String]) -> Self {
        Self(field: set, reason: "unknown value '\(raw)'; expected one of \(expected.joined(separator: ", "))")
    }

    /// `field: reason`.
    public var description: String { "\(field): \(reason)" }
}
