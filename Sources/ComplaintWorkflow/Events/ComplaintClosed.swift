public import ComplaintPolicy

/// `ComplaintClosed`, from CloseComplaint, RejectAsFalse (`falseComplaint`) or WithdrawComplaint
/// (`withdrawn`).
public struct ComplaintClosed: Hashable, Sendable, Codable {
    /// Why it closed.
    public var reason: ClosureReason
    /// The complaint it duplicates, for `duplicate`.
    public var duplicateOf: String?
    /// The closing note.
    public var note: String?

    /// Creates the event data.
    public init(reason: ClosureReason, duplicateOf: String? = nil, note: String? = nil) {
        self.reason = reason
        self.duplicateOf = duplicateOf
        self.note = note
    }
}
