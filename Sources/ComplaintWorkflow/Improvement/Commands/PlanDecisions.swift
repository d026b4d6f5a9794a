public import ComplaintPolicy

/// Submits the plan for approval (000 §11.1 提交方案至相關部門審批). Needs at least one root
/// cause, objective and action (`planIncomplete`).
public struct SubmitPlan: CommandPayload {
    /// `SubmitPlan`.
    public static let name = CommandName.submitPlan

    /// Creates the command (it has no data).
    public init() {}

    private enum CodingKeys: CodingKey {}

    /// Accepts any object (there are no fields).
    public init(from decoder: any Decoder) throws {
        _ = try decoder.container(keyedBy: CodingKeys.self)
    }

    /// Encodes an empty object.
    public func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: CodingKeys.self)
    }

    /// Nothing to check.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {}
}

/// Approves the submitted plan: the Do phase starts.
public struct ApprovePlan: CommandPayload {
    /// `ApprovePlan`.
    public static let name = CommandName.approvePlan
    /// A note.
    public var note: String?

    /// Creates the command.
    public init(note: String? = nil) { self.note = note }

    /// The note, when present, is not empty.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(note, field: "note")
    }
}

/// Rejects the submitted plan: back to `open`.
public struct RejectPlan: CommandPayload {
    /// `RejectPlan`.
    public static let name = CommandName.rejectPlan
    /// Why.
    public var reason: String

    /// Creates the command.
    public init(reason: String) { self.reason = reason }

    /// A reason is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(reason, field: "reason")
    }
}
