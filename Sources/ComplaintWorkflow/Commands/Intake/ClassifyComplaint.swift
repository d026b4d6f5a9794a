public import ComplaintPolicy

/// Classifies the complaint (002 §6.1, 003 §2.3, 004 §4.1.1); re-classifying is allowed.
public struct ClassifyComplaint: CommandPayload {
    /// `ClassifyComplaint`.
    public static let name = CommandName.classifyComplaint
    /// The category (one of the policy's categories).
    public var category: Category
    /// The problem class; `complex` when not given.
    public var problemClass: ProblemClass?
    /// `internal` or `external`; the latest wins.
    public var source: ComplaintSource?
    /// Preliminary nature, free text.
    public var nature: String?

    /// Creates the command.
    public init(category: Category, problemClass: ProblemClass? = nil, source: ComplaintSource? = nil, nature: String? = nil) {
        self.category = category
        self.problemClass = problemClass
        self.source = source
        self.nature = nature
    }

    /// The category must be one of the policy's.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        guard policy.categories.contains(category) else {
            throw .invalid(
                "category",
                "'\(category.rawValue)' is not a category of policy \(policy.version); expected one of "
                    + policy.categories.map(\.rawValue).joined(separator: ", "))
        }
        try Validation.text(nature, field: "nature")
    }
}
