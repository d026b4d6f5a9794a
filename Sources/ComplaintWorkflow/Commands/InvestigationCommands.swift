public import ComplaintPolicy
public import Foundation

/// A special handling group (專項處理小組, 003 §4.3).
public struct SpecialGroup: Hashable, Sendable, Codable {
    /// Member actor ids.
    public var members: [String]
    /// Departments involved.
    public var departments: [String]
    /// The coordinator (專人負責協調, 003 §4.2).
    public var coordinator: String?

    /// Creates a group.
    public init(members: [String], departments: [String], coordinator: String? = nil) {
        self.members = members
        self.departments = departments
        self.coordinator = coordinator
    }
}

/// Starts the investigation (`assigned` → `investigating`), optionally by a special group.
public struct StartInvestigation: CommandPayload {
    /// `StartInvestigation`.
    public static let name = CommandName.startInvestigation
    /// The special group, when one is formed.
    public var specialGroup: SpecialGroup?

    /// Creates the command.
    public init(specialGroup: SpecialGroup? = nil) { self.specialGroup = specialGroup }

    /// A group has at least one member; every member and the coordinator are ids.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        guard let specialGroup else { return }
        try Validation.nonEmpty(specialGroup.members, field: "specialGroup.members")
        try Validation.identifiers(specialGroup.members, field: "specialGroup.members")
        try Identifier.validate(specialGroup.coordinator, field: "specialGroup.coordinator")
    }
}

/// Records progress, and any contact with the customer (003 §6.1). A failed contact attempt is
/// `customerNotified: true, customerReached: false`.
public struct RecordProgress: CommandPayload {
    /// `RecordProgress`.
    public static let name = CommandName.recordProgress
    /// What happened.
    public var note: String
    /// Whether the customer was (tried to be) told.
    public var customerNotified: Bool
    /// Whether the customer was reached; `false` marks a failed contact attempt.
    public var customerReached: Bool?
    /// The channel used.
    public var channel: Channel?
    /// The estimated resolution time given (003 §2.3).
    public var estimatedResolutionAt: Date?

    /// Creates the command.
    public init(note: String, customerNotified: Bool, customerReached: Bool? = nil, channel: Channel? = nil, estimatedResolutionAt: Date? = nil) {
        self.note = note
        self.customerNotified = customerNotified
        self.customerReached = customerReached
        self.channel = channel
        self.estimatedResolutionAt = estimatedResolutionAt
    }

    /// A note is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(note, field: "note")
    }

    /// Whether this records a failed attempt to contact the customer.
    public var isFailedContactAttempt: Bool { customerNotified && customerReached == false }
}

/// Records the root cause (003 §4.2).
public struct RecordRootCause: CommandPayload {
    /// `RecordRootCause`.
    public static let name = CommandName.recordRootCause
    /// The class of cause.
    public var causeClass: CauseClass
    /// The analysis method.
    public var method: AnalysisMethod
    /// What was found.
    public var description: String

    /// Creates the command.
    public init(causeClass: CauseClass, method: AnalysisMethod, description: String) {
        self.causeClass = causeClass
        self.method = method
        self.description = description
    }

    /// A description is required.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Validation.text(description, field: "description")
    }
}
