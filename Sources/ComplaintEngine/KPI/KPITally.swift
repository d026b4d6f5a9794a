import ComplaintPolicy
import ComplaintWorkflow

/// The running counts behind every KPI of one cohort and slice (`Specs/kpi.md` "Definitions").
struct KPITally: Sendable {
    var received = 0
    var closedResolved = 0
    var transferred = 0
    var escalated = 0
    var repeated = 0
    var resolvedEver = 0
    var reopened = 0
    var firstContactResolved = 0
    var onTime: [ClockName: Int] = [:]
    var settled: [ClockName: Int] = [:]
    var acknowledgementMinutes = 0.0
    var acknowledged = 0
    var resolutionHours = 0.0
    var stoppedResolutions = 0
    var satisfied = 0
    var scores = 0
    /// The complaint rate's denominator: interactions recorded with a period inside the window.
    var interactions = 0

    /// Counts one cohort complaint.
    mutating func add(_ facts: ComplaintFacts, satisfactionThreshold: Int) {
        received += 1
        if facts.closedReason == .resolved { closedResolved += 1 }
        if facts.transferred { transferred += 1 }
        if facts.escalated { escalated += 1 }
        if facts.repeatDetected { repeated += 1 }
        if facts.resolvedEver {
            resolvedEver += 1
            if facts.reopened { reopened += 1 }
            if facts.firstContactResolved == true { firstContactResolved += 1 }
        }
        for instance in facts.clocks {
            switch instance.outcome {
            case .onTime:
                onTime[instance.clock, default: 0] += 1
                settled[instance.clock, default: 0] += 1
            case .late:
                settled[instance.clock, default: 0] += 1
            case .open, .void:
                break
            }
            if instance.clock == .resolution, instance.phase == .stopped {
                resolutionHours += Double(instance.usedSeconds) / 3600
                stoppedResolutions += 1
            }
        }
        if let seconds = facts.acknowledgementSeconds {
            acknowledgementMinutes += seconds / 60
            acknowledged += 1
        }
        for score in facts.scores {
            scores += 1
            if score >= satisfactionThreshold { satisfied += 1 }
        }
    }

    /// One figure per KPI; `complaintRate` only when the slice allows it (otherwise 0 / 0).
    func figures(complaintRateApplies: Bool) -> [KPI: KPIFigure] {
        func figure(_ kpi: KPI, _ numerator: Int, _ denominator: Int) -> KPIFigure {
            KPIFigure(kpi: kpi, numerator: Double(numerator), denominator: denominator)
        }
        let all: [KPIFigure] = [
            figure(.resolutionRate, closedResolved, received),
            complaintRateApplies ? figure(.complaintRate, received, interactions) : figure(.complaintRate, 0, 0),
            figure(.transferRate, transferred, received),
            figure(.acknowledgementOnTimeRate, onTime[.acknowledgement] ?? 0, settled[.acknowledgement] ?? 0),
            figure(.resolutionOnTimeRate, onTime[.resolution] ?? 0, settled[.resolution] ?? 0),
            figure(.followUpOnTimeRate, onTime[.followUp] ?? 0, settled[.followUp] ?? 0),
            KPIFigure(kpi: .meanAcknowledgementMinutes, numerator: acknowledgementMinutes, denominator: acknowledged),
            KPIFigure(kpi: .meanResolutionWorkingHours, numerator: resolutionHours, denominator: stoppedResolutions),
            figure(.reopenRate, reopened, resolvedEver),
            figure(.escalationRate, escalated, received),
            figure(.satisfactionRate, satisfied, scores),
            figure(.repeatComplaintRate, repeated, received),
            figure(.firstContactResolutionRate, firstContactResolved, resolvedEver),
        ]
        return Dictionary(uniqueKeysWithValues: all.map { ($0.kpi, $0) })
    }
}
