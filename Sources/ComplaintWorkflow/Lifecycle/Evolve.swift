public import ComplaintPolicy

/// Folds one event into a complaint's state (pure; DOMAIN.md §3–§5).
///
/// `policy` is the policy in force when the event was recorded: clock targets come from it.
/// `ComplaintReceived` creates the state; events of other stream kinds leave it as it is.
/// `faults` is for testing only (``WorkflowFaults``); leave it empty.
public func evolve(
    _ state: ComplaintState?, _ decided: DecidedEvent, policy: ServicePolicy, faults: WorkflowFaults = []
) -> ComplaintState? {
    let at = decided.occurredAt
    if case .complaintReceived(let received) = decided.event {
        var created = ComplaintState(received: received, at: at)
        created.startClock(.acknowledgement, at: at, policy: policy)
        created.startClock(.resolution, at: at, policy: policy)
        return created
    }
    guard var next = state else { return nil }
    switch decided.event {
    case .complaintReceived, .interactionsRecorded, .customerForgotten, .rootCauseRecorded, .lessonsRecorded:
        break
    case .improvementOpened, .improvementRootCauseRecorded, .objectiveSet, .actionPlanned, .planSubmitted, .planApproved, .planRejected, .actionStarted, .actionCompleted, .actionDropped, .effectEvaluated, .improvementStandardised, .improvementClosed, .improvementSuggested:
        break // improvement streams: evolveImprovement(_:_:)
    case .complaintAcknowledged:
        next.acknowledged = true
        next.stopClock(.acknowledgement, at: at, policy: policy)
    case .authenticityVerified(let verified):
        next.authenticity = verified.outcome
    case .complaintClassified(let classified):
        next.category = classified.category
        next.problemClass = classified.problemClass ?? .complex
        next.source = classified.source ?? next.source
        next.retargetOpenClocks(policy: policy)
    case .severityAssessed(let assessed):
        next.assessedSeverity = assessed.severity
        next.severity = assessed.severity
        next.urgency = assessed.urgency
        next.factors = assessed.factors
        next.customerImportance = assessed.customerImportance ?? 0
    case .complaintAssigned(let assigned):
        next.owner = assigned.owner
        next.department = assigned.department ?? next.department
        next.tracker = assigned.tracker ?? next.tracker
        if next.status == .received { next.status = .assigned }
    case .complaintTransferred(let transfer):
        if transfer.toDepartment != next.department { next.transferredToOtherDepartment = true }
        next.owner = transfer.toOwner
        next.department = transfer.toDepartment
    case .investigationStarted(let start):
        next.status = .investigating
        next.specialGroup = start.specialGroup
    case .progressRecorded(let progress):
        if progress.isFailedContactAttempt { next.failedContactAttempts += 1 }
    case .resolutionProposed(let proposal):
        next.requiredApprover = proposal.requiredApprover
        next.implemented = false
        next.status = proposal.requiredApprover == nil ? .implementing : .awaitingApproval
    case .resolutionApproved:
        next.requiredApprover = nil
        next.status = .implementing
    case .resolutionRejected:
        next.requiredApprover = nil
        next.status = .investigating
    case .resolutionImplemented:
        next.implemented = true
    case .resultCommunicated:
        next.status = .awaitingCustomer
        next.failedContactAttempts = 0
        if !faults.contains(.pauseIgnored) { next.pauseClock(.resolution, at: at, policy: policy) }
    case .customerAccepted:
        next.status = .resolved
        next.latestAcceptanceAt = at
        next.stopClock(.resolution, at: at, policy: policy)
        next.startClock(.followUp, at: at, policy: policy)
    case .customerRejected:
        next.status = .investigating
        next.rejectionCount += 1
        next.implemented = false
        next.resumeClock(.resolution, at: at, policy: policy)
    case .satisfactionRecorded, .returnVisitRecorded:
        next.stopClock(.followUp, at: at, policy: policy)
    case .complaintEscalated(let escalated):
        next.escalationLevel = escalated.toLevel
    case .complaintClosed(let closed):
        next.status = .closed
        next.closedReason = closed.reason
        next.closeClocks(reason: closed.reason, at: at, policy: policy)
    case .complaintReopened:
        next.status = .investigating
        next.closedReason = nil
        next.reopenCount += 1
        next.implemented = false
        next.requiredApprover = nil
        next.cancelClock(.followUp, at: at, policy: policy)
        if faults.contains(.reopenResumesOldClock) { next.resumeOldResolutionClock(at: at) } else { next.startClock(.resolution, at: at, policy: policy) }
    case .severityRaised(let raised):
        next.severity = raised.to
    case .slaWarningRaised(let warning):
        next.markWarned(warning.clock, at: at)
    case .slaBreached(let breach):
        next.markBreached(breach.clock, at: at)
    case .repeatComplaintDetected(let detected):
        next.repeatOf = detected.repeatOf
    }
    return next
}
