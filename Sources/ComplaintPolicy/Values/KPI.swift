/// Whether a higher or a lower figure of a KPI is better.
public enum KPIDirection: String, ClosedValueSet {
    /// Higher is better (rates of success).
    case higher
    /// Lower is better (complaint, transfer, reopen, escalation and repeat rates; the means).
    case lower

    /// The value-set name used in errors.
    public static let valueSetName = "direction"

    /// Whether `figure` reaches `target` in this direction (`>=` for higher, `<=` for lower).
    public func reaches(_ figure: Double, target: Double) -> Bool {
        switch self {
        case .higher: figure >= target
        case .lower: figure <= target
        }
    }

    /// Whether `figure` is strictly better than `baseline` in this direction.
    public func improves(_ figure: Double, on baseline: Double) -> Bool {
        switch self {
        case .higher: figure > baseline
        case .lower: figure < baseline
        }
    }
}

/// A key performance indicator of the complaint portfolio (DOMAIN.md §6; `Specs/kpi.md`).
public enum KPI: String, ClosedValueSet {
    /// Closed with reason `resolved` / received.
    case resolutionRate
    /// Complaints received / interactions recorded.
    case complaintRate
    /// Transferred to another department at least once / received.
    case transferRate
    /// On-time / (on-time + late) acknowledgement clock instances.
    case acknowledgementOnTimeRate
    /// On-time / (on-time + late) resolution clock instances.
    case resolutionOnTimeRate
    /// On-time / (on-time + late) follow-up clock instances.
    case followUpOnTimeRate
    /// Mean elapsed minutes from receipt to acknowledgement.
    case meanAcknowledgementMinutes
    /// Mean working hours used by stopped resolution clock instances.
    case meanResolutionWorkingHours
    /// Reopened at least once / ever resolved.
    case reopenRate
    /// Escalated at least once / received.
    case escalationRate
    /// Satisfaction scores at or above the threshold / scores.
    case satisfactionRate
    /// With a detected repeat complaint / received.
    case repeatComplaintRate
    /// Resolved without transfer, escalation or rejection before first acceptance / ever resolved.
    case firstContactResolutionRate

    /// The value-set name used in errors.
    public static let valueSetName = "kpi"

    /// Whether higher or lower figures are better.
    public var direction: KPIDirection {
        switch self {
        case .complaintRate, .transferRate, .reopenRate, .escalationRate, .repeatComplaintRate,
            .meanAcknowledgementMinutes, .meanResolutionWorkingHours:
            .lower
        case .resolutionRate, .acknowledgementOnTimeRate, .resolutionOnTimeRate, .followUpOnTimeRate,
            .satisfactionRate, .firstContactResolutionRate:
            .higher
        }
    }

    /// Whether the figure is a ratio in [0, 1] (all but the two means).
    public var isRate: Bool {
        self != .meanAcknowledgementMinutes && self != .meanResolutionWorkingHours
    }
}
