public import ComplaintPolicy

/// Sets (or, while the plan is open, replaces) a measurable objective: a KPI over a slice, its
/// baseline window and its target (Plan; 000 §3.1, 001 §3.2 SMART).
public struct SetObjective: CommandPayload {
    /// `SetObjective`.
    public static let name = CommandName.setObjective
    /// The objective's id within the cycle.
    public var objectiveId: String
    /// The KPI measured (its direction says whether higher or lower is better).
    public var kpi: KPI
    /// The slice the KPI is measured over.
    public var filter: ObjectiveFilter
    /// The baseline window `[from, to)`.
    public var baseline: Period
    /// The figure to reach, in the KPI's direction.
    public var target: Double

    /// Creates the command.
    public init(objectiveId: String, kpi: KPI, filter: ObjectiveFilter = ObjectiveFilter(), baseline: Period, target: Double) {
        self.objectiveId = objectiveId
        self.kpi = kpi
        self.filter = filter
        self.baseline = baseline
        self.target = target
    }

    private enum CodingKeys: String, CodingKey {
        case objectiveId, kpi, filter, baseline, target
    }

    /// Decodes the flat data; `filter` defaults to no filter.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        objectiveId = try container.decode(String.self, forKey: .objectiveId)
        kpi = try container.decode(KPI.self, forKey: .kpi)
        filter = try container.decodeIfPresent(ObjectiveFilter.self, forKey: .filter) ?? ObjectiveFilter()
        baseline = try container.decode(Period.self, forKey: .baseline)
        target = try container.decode(Double.self, forKey: .target)
    }

    /// An id, a non-empty baseline window, a category of the policy, a finite target (a rate's
    /// in 0…1, a mean's not negative).
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        try Identifier.validate(objectiveId, field: "objectiveId")
        try filter.validate(policy: policy)
        guard baseline.from < baseline.to else { throw .invalid("baseline", "from must be before to") }
        guard target.isFinite else { throw .invalid("target", "must be a finite number") }
        if kpi.isRate {
            guard (0...1).contains(target) else { throw .invalid("target", "\(kpi.rawValue) is a rate; the target must be in 0…1, got \(target)") }
        } else {
            guard target >= 0 else { throw .invalid("target", "must not be negative, got \(target)") }
        }
    }
}

/// The slice an objective's KPI is measured over (the §6 slices; all optional).
public struct ObjectiveFilter: Hashable, Sendable, Codable {
    /// The latest category.
    public var category: Category?
    /// The channel at receipt.
    public var channel: Channel?
    /// The latest owner.
    public var owner: String?
    /// The latest department.
    public var department: String?

    /// Creates a filter.
    public init(category: Category? = nil, channel: Channel? = nil, owner: String? = nil, department: String? = nil) {
        self.category = category
        self.channel = channel
        self.owner = owner
        self.department = department
    }

    /// The category must be the policy's; the owner an id; the department not empty.
    public func validate(policy: ServicePolicy) throws(WorkflowError) {
        if let category, !policy.allows(category) {
            throw .invalid("filter.category", "'\(category.rawValue)' is not a category of policy \(policy.name)")
        }
        try Identifier.validate(owner, field: "filter.owner")
        try Validation.text(department, field: "filter.department")
    }
}
