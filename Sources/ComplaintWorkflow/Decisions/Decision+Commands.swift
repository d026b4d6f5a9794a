import ComplaintPolicy
import Foundation

extension Decision {
    /// The last refusal stage and the events of each command, followed by the rules it triggers.
    mutating func apply(_ command: WorkflowCommand) throws(WorkflowError) {
        switch command {
        case .receiveComplaint(let receive):
            guard context.customer != .forgotten else {
                throw Self.refuse(.customerForgotten, "customerForgotten", "customer '\(receive.customer.id)' was forgotten and cannot be used again")
            }
            record(.complaintReceived(receive))
            runRules(.receipt)
        case .acknowledgeComplaint(let acknowledge):
            guard !complaint.acknowledged else {
                throw Self.refuse(.invalidTransition, "notYetAcknowledged", "the complaint is already acknowledged")
            }
            record(.complaintAcknowledged(acknowledge))
        case .verifyAuthenticity(let verify):
            record(.authenticityVerified(verify))
        case .classifyComplaint(let classify):
            record(.complaintClassified(classify))
            runRules(.classification)
            fireDueTimers()
        case .assessSeverity(let assess):
            record(.severityAssessed(assess))
            runRules(.assessment)
        case .assignComplaint(let assign):
            guard complaint.category != nil else { throw Self.refuse(.notClassified, "classified", "assign needs a classification first") }
            guard complaint.assessedSeverity != nil else { throw Self.refuse(.notAssessed, "assessed", "assign needs a severity assessment first") }
            record(.complaintAssigned(assign))
        case .transferComplaint(let transfer):
            guard complaint.owner != nil else { throw Self.refuse(.invalidTransition, "hasOwner", "only an assigned complaint can be transferred") }
            record(.complaintTransferred(transfer))
        case .startInvestigation(let start):
            record(.investigationStarted(start))
            runRules(.investigationStart)
        case .recordProgress(let progress):
            record(.progressRecorded(progress))
        case .recordRootCause(let cause):
            record(.rootCauseRecorded(cause))
        case .proposeResolution(let proposal):
            record(.resolutionProposed(ResolutionProposed(proposal: proposal, requiredApprover: context.faults.contains(.approvalSkipped) ? nil : ApprovalRule.approver(for: proposal, in: complaint, policy: policy))))
        case .approveResolution(let approve):
            record(.resolutionApproved(approve))
        case .rejectResolution(let reject):
            record(.resolutionRejected(reject))
        case .implementResolution(let implement):
            record(.resolutionImplemented(implement))
        case .communicateResult(let communicate):
            guard complaint.implemented else { throw Self.refuse(.notImplemented, "implemented", "the resolution has not been implemented") }
            record(.resultCommunicated(communicate))
        case .recordCustomerResponse(let response):
            if response.accepted {
                record(.customerAccepted(response))
            } else {
                record(.customerRejected(response))
                runRules(.customerRejection)
            }
        case .recordSatisfaction(let satisfaction):
            record(.satisfactionRecorded(satisfaction))
        case .recordReturnVisit(let visit):
            record(.returnVisitRecorded(visit))
        case .escalateComplaint(let escalate):
            let current = complaint.escalationLevel
            guard escalate.toLevel > current else {
                throw WorkflowError.invalid("toLevel", "must be above the current level \(current), got \(escalate.toLevel)")
            }
            record(.complaintEscalated(ComplaintEscalated(fromLevel: current, toLevel: escalate.toLevel, reason: escalate.reason)))
        case .rejectAsFalse(let reject):
            guard complaint.authenticity?.isFalse == true else {
                throw Self.refuse(
                    .authenticityNotFalse, "authenticityFalse",
                    "authenticity is \(complaint.authenticity?.rawValue ?? "not verified"); needs falseMalicious or falseMisunderstanding")
            }
            record(.complaintClosed(ComplaintClosed(reason: .falseComplaint, note: reject.note)))
        case .withdrawComplaint(let withdraw):
            record(.complaintClosed(ComplaintClosed(reason: .withdrawn, note: withdraw.note)))
        case .closeComplaint(let close):
            try checkClosing(close)
            let skipped = close.reason == .resolved ? skippedFollowUp() : nil
            record(.complaintClosed(ComplaintClosed(reason: close.reason, duplicateOf: close.duplicateOf, note: close.note)))
            if let skipped {
                record(.slaBreached(skipped), rule: .followUpSkipped, reason: "closed as resolved before the follow-up: a missed follow-up (002 §2.3)")
            }
        case .reopenComplaint(let reopen):
            try checkReopenWindow()
            record(.complaintReopened(reopen))
        case .recordLessons(let lessons):
            record(.lessonsRecorded(lessons))
        case .recordInteractions(let interactions):
            record(.interactionsRecorded(interactions))
        case .forgetCustomer(let forget):
            switch context.customer {
            case .unknown: throw Self.refuse(.unknownCustomer, "customerKnown", "no complaint names customer '\(forget.customerId)'")
            case .forgotten: throw Self.refuse(.customerForgotten, "notForgotten", "customer '\(forget.customerId)' is already forgotten")
            case .known: record(.customerForgotten(forget))
            }
        case .openImprovement, .recordImprovementRootCause, .setObjective, .planAction, .submitPlan, .approvePlan, .rejectPlan,
            .startAction, .completeAction, .dropAction, .evaluateEffect, .standardise, .cancelImprovement:
            // Refused before this stage by `decide`; decided by `decideImprovement`.
            throw Self.refuse(.wrongStreamKind, "streamKind", "\(command.name.rawValue) is an improvement-cycle command")
        }
    }

    private func checkClosing(_ close: CloseComplaint) throws(WorkflowError) {
        switch close.reason {
        case .resolved:
            guard complaint.status == .resolved else {
                throw Self.refuse(.invalidTransition, "resolvedBeforeClosing", "closing as resolved needs status resolved; the complaint is \(complaint.status.rawValue)")
            }
        case .unreachable:
            let needed = policy.unreachableAttempts
            guard complaint.failedContactAttempts >= needed else {
                throw Self.refuse(
                    .notEnoughContactAttempts, "unreachableAttempts",
                    "\(complaint.failedContactAttempts) failed contact attempts since the latest result; \(needed) needed")
            }
        case .duplicate:
            guard context.duplicateOfExists, close.duplicateOf != streamId else {
                throw Self.refuse(.unknownStream, "duplicateOf", "duplicateOf '\(close.duplicateOf ?? "")' names no other complaint")
            }
        default:
            return
        }
    }

    private func checkReopenWindow() throws(WorkflowError) {
        guard let accepted = complaint.latestAcceptanceAt else { return }
        let window = TimeInterval(policy.reopenWindowDays) * 86_400
        guard now.timeIntervalSince(accepted) <= window else {
            throw Self.refuse(
                .reopenWindowExpired, "reopenWindowDays",
                "the customer accepted at \(accepted); reopening is allowed for \(policy.reopenWindowDays) × 24 h")
        }
    }
}
