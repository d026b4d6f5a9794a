public import ComplaintPolicy

/// The data of StartAction, CompleteAction and DropAction: the action and a note.
public protocol ActionStep: CommandPayload {
    /// The action's id (an unknown action is `validationFailed`, field `actionId`).
    var actionId: String { get }
    /// A note.
    var note: String? { get }
}

extension ActionStep {
    /// The action id is an id; the note, when present, is not empty.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Identifier.validate(actionId, field: "actionId")
        try Validation.text(note, field: "note")
    }
}

/// Starts a planned action (Do; 001 §7.3).
public struct StartAction: ActionStep {
    /// `StartAction`.
    public static let name = CommandName.startAction
    /// The action.
    public var actionId: String
    /// A note.
    public var note: String?

    /// Creates the command.
    public init(actionId: String, note: String? = nil) {
        self.actionId = actionId
        self.note = note
    }
}

/// Completes a planned or started action.
public struct CompleteAction: ActionStep {
    /// `CompleteAction`.
    public static let name = CommandName.completeAction
    /// The action.
    public var actionId: String
    /// A note.
    public var note: String?

    /// Creates the command.
    public init(actionId: String, note: String? = nil) {
        self.actionId = actionId
        self.note = note
    }
}

/// Drops a planned or started action.
public struct DropAction: ActionStep {
    /// `DropAction`.
    public static let name = CommandName.dropAction
    /// The action.
    public var actionId: String
    /// A note.
    public var note: String?

    /// Creates the command.
    public init(actionId: String, note: String? = nil) {
        self.actionId = actionId
        self.note = note
    }
}
