import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

@Suite("Approval rule")
struct ApprovalTests {
    /// Investigating with an optional special group and an assessment of `severity`.
    func investigating(severity: Severity = .general, specialGroup: Bool = false) throws -> Harness {
        var harness = Stage.assigned.harness()
        if severity != .general {
            try harness.send(.assessSeverity(AssessSeverity(severity: severity, urgency: .normal)), as: Actors.supervisor)
        }
        let group = specialGroup ? SpecialGroup(members: ["spec-1", "spec-2"], departments: ["quality", "logistics"], coordinator: "spec-1") : nil
        try harness.send(.startInvestigation(StartInvestigation(specialGroup: group)), as: Actors.owner)
        return harness
    }

    @Test func withoutApprovalNeedStraightToImplementing() throws {
        var harness = try investigating()
        let events = try harness.send(.proposeResolution(Sample.propose(compensation: 100_000)), as: Actors.owner)
        guard case .resolutionProposed(let proposed) = events.first?.event else { Issue.record("no proposal"); return }
        #expect(proposed.requiredApprover == nil)
        #expect(proposed.compensationAmount == money(100_000))
        #expect(harness.complaint.status == .implementing)
    }

    @Test func compensationAboveTheLimitNeedsASupervisor() throws {
        var harness = try investigating()
        try harness.send(.proposeResolution(Sample.propose(compensation: 100_001)), as: Actors.owner)
        #expect(harness.complaint.status == .awaitingApproval)
        #expect(harness.complaint.requiredApprover == .supervisorOrAbove)
        #expect(harness.refusal(.approveResolution(ApproveResolution()), as: Actors.specialist)?.code == .notPermitted)
        #expect(harness.refusal(.approveResolution(ApproveResolution(note: "ok")), as: Actors.supervisor) == nil)
        #expect(harness.complaint.status == .implementing)
    }

    @Test(arguments: [(Severity.critical, false), (.general, true)])
    func criticalOrSpecialGroupNeedsAnExecutive(_ severity: Severity, _ specialGroup: Bool) throws {
        var harness = try investigating(severity: severity, specialGroup: specialGroup)
        try harness.send(.proposeResolution(Sample.propose()), as: Actors.owner)
        #expect(harness.complaint.requiredApprover == .executive)
        #expect(harness.refusal(.approveResolution(ApproveResolution()), as: Actors.manager)?.code == .notPermitted)
        #expect(harness.refusal(.rejectResolution(RejectResolution(reason: "x")), as: Actors.supervisor)?.code == .notPermitted)
        #expect(harness.refusal(.approveResolution(ApproveResolution()), as: Actors.executive) == nil)
        #expect(harness.complaint.status == .implementing)
    }

    @Test func rejectionReturnsToInvestigating() throws {
        var harness = try investigating()
        try harness.send(.proposeResolution(Sample.propose(compensation: 200_000)), as: Actors.owner)
        try harness.send(.rejectResolution(RejectResolution(reason: "too much")), as: Actors.manager)
        #expect(harness.complaint.status == .investigating)
        #expect(harness.complaint.requiredApprover == nil)
        try harness.send(.proposeResolution(Sample.propose()), as: Actors.owner)
        #expect(harness.complaint.status == .implementing)
    }

    @Test func communicateNeedsImplementation() throws {
        var harness = Stage.implementing.harness()
        #expect(harness.refusal(.communicateResult(Sample.communicate), as: Actors.owner)?.code == .notImplemented)
        try harness.send(.implementResolution(ImplementResolution(actionsDone: "refund paid")), as: Actors.owner)
        try harness.send(.communicateResult(Sample.communicate), as: Actors.owner)
        #expect(harness.complaint.status == .awaitingCustomer)
    }
}
