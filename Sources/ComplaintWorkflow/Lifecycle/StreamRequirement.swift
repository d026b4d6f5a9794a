/// What stream a command needs (checked in the `unknownStream` / `streamExists` /
/// `wrongStreamKind` stage).
public enum StreamRequirement: String, Hashable, Sendable {
    /// A new complaint stream (`streamExists` if it exists).
    case newComplaint
    /// An existing complaint stream.
    case complaint
    /// An interactions stream, created by its first command.
    case interactions
    /// The stream `customer:<customerId>`, created by its first command.
    case customer

    /// The kind of stream the command writes to.
    public var kind: StreamKind {
        switch self {
        case .newComplaint, .complaint: .complaint
        case .interactions: .interactions
        case .customer: .customer
        }
    }

    /// Checks the stream's kind and existence.
    public func check(existingKind: StreamKind?, streamId: String) throws(WorkflowError) {
        switch (self, existingKind) {
        case (.newComplaint, .some):
            throw WorkflowError(.streamExists, rule: "newStream", reason: "stream '\(streamId)' already exists")
        case (.complaint, nil):
            throw WorkflowError(.unknownStream, rule: "existingStream", reason: "no complaint '\(streamId)'")
        case (_, .some(let found)) where found != kind:
            throw WorkflowError(
                .wrongStreamKind, rule: "streamKind",
                reason: "stream '\(streamId)' is a \(found.rawValue) stream; this command needs a \(kind.rawValue) stream")
        default:
            return
        }
    }
}
