/// The id limits of DOMAIN.md §1: every id is 1–128 bytes of UTF-8.
public enum Identifier {
    /// The largest id, in UTF-8 bytes.
    public static let maximumBytes = 128

    /// Checks that `value` is a valid id.
    ///
    /// - Throws: ``WorkflowError/Code/validationFailed`` naming `field`.
    public static func validate(_ value: String, field: String) throws(WorkflowError) {
        let bytes = value.utf8.count
        guard bytes >= 1 else { throw .invalid(field, "must not be empty") }
        guard bytes <= maximumBytes else {
            throw .invalid(field, "is \(bytes) bytes of UTF-8; at most \(maximumBytes) allowed")
        }
    }

    /// Checks an optional id when present.
    public static func validate(_ value: String?, field: String) throws(WorkflowError) {
        if let value { try validate(value, field: field) }
    }
}
