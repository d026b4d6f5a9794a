public import ComplaintPolicy

/// Records whether the complaint is genuine (003 §2.3, §3.1).
public struct VerifyAuthenticity: CommandPayload {
    /// `VerifyAuthenticity`.
    public static let name = CommandName.verifyAuthenticity
    /// The outcome of the check.
    public var outcome: AuthenticityOutcome
    /// Whether the complaint's information is complete.
    public var complete: Bool
    /// How it was verified (003 §3.1).
    public var methods: [VerificationMethod]

    /// Creates the command.
    public init(outcome: AuthenticityOutcome, complete: Bool, methods: [VerificationMethod]) {
        self.outcome = outcome
        self.complete = complete
        self.methods = methods
    }

    /// Nothing beyond the types (an empty method list is allowed).
    public func validate(policy: ServicePolicy) throws(WorkflowError) {}

    private enum CodingKeys: String, CodingKey {
        case outcome, complete, methods
    }

    /// Decodes the data; `methods` defaults to none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        outcome = try container.decode(AuthenticityOutcome.self, forKey: .outcome)
        complete = try container.decode(Bool.self, forKey: .complete)
        methods = try container.decodeIfPresent([VerificationMethod].self, forKey: .methods) ?? []
    }
}
