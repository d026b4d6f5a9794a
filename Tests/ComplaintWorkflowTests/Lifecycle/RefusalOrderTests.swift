import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

/// A command that breaks two rules gets the earlier code (DOMAIN.md §3 refusal order).
@Suite("Refusal order")
struct RefusalOrderTests {
    @Test func validationBeforeRoles() {
        var harness = Stage.resolved.harness()
        let error = harness.refusal(.recordSatisfaction(RecordSatisfaction(score: 9, method: .phone)), as: Actors.auditor)
        #expect(error?.code == .validationFailed)
        #expect(error?.field == "score")
    }

    @Test func validationBeforeStream() {
        var harness = Stage.received.harness()
        let tooLong = String(repeating: "x", count: 129)
        var receive = Sample.receive
        receive.customer.id = tooLong
        let error = harness.refusal(.receiveComplaint(receive), as: Actors.agent)
        #expect(error?.code == .validationFailed)
        #expect(error?.field == "customer.id")
    }

    @Test func streamBeforeRoles() {
        var harness = Stage.received.harness()
        #expect(harness.refusal(.receiveComplaint(Sample.receive), as: Actors.auditor)?.code == .streamExists)
    }

    @Test func rolesBeforeVersion() {
        var harness = Stage.received.harness()
        #expect(harness.refusal(.verifyAuthenticity(VerifyAuthenticity(outcome: .genuine, complete: true, methods: [.background])), as: Actors.otherCustomer, expectedVersion: 99)?.code == .notPermitted)
    }

    @Test func versionBeforeClosed() {
        var harness = Stage.closedWithdrawn.harness()
        #expect(harness.refusal(.acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)), as: Actors.agent, expectedVersion: 1)?.code == .versionConflict)
        #expect(harness.refusal(.acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)), as: Actors.agent, expectedVersion: harness.version)?.code == .alreadyClosed)
    }

    @Test func closedBeforePrecondition() {
        var harness = Stage.closedWithdrawn.harness()
        #expect(harness.refusal(.escalateComplaint(EscalateComplaint(toLevel: 1, reason: "x")), as: Actors.agent)?.code == .alreadyClosed)
    }

    @Test func statusBeforePrecondition() {
        var harness = Stage.investigating.harness()
        let error = harness.refusal(.communicateResult(Sample.communicate), as: Actors.owner)
        #expect(error?.code == .invalidTransition)
        #expect(error?.rule == "status")
    }

    @Test func approvalRequiredBeforePrecondition() {
        var harness = Stage.awaitingApproval.harness()
        #expect(harness.refusal(.communicateResult(Sample.communicate), as: Actors.owner)?.code == .approvalRequired)
        #expect(harness.refusal(.implementResolution(ImplementResolution(actionsDone: "x")), as: Actors.owner)?.code == .approvalRequired)
    }

    @Test func stateDependentChecksComeLast() {
        var harness = Stage.received.harness()
        #expect(harness.refusal(.escalateComplaint(EscalateComplaint(toLevel: 0, reason: "x")), as: Actors.agent, expectedVersion: 1)?.code == .versionConflict)
        let error = harness.refusal(.escalateComplaint(EscalateComplaint(toLevel: 0, reason: "x")), as: Actors.agent)
        #expect(error?.code == .validationFailed)
        #expect(error?.field == "toLevel")
        #expect(harness.refusal(.escalateComplaint(EscalateComplaint(toLevel: 6, reason: "x")), as: Actors.auditor)?.code == .validationFailed)
    }

    @Test func customerOnAnothersComplaint() {
        var harness = Stage.received.harness()
        #expect(harness.refusal(.withdrawComplaint(WithdrawComplaint()), as: Actors.otherCustomer)?.code == .notPermitted)
        #expect(harness.refusal(.withdrawComplaint(WithdrawComplaint()), as: Actors.customer) == nil)
    }

    @Test func preconditionsInTableOrder() throws {
        var harness = Harness()
        try harness.send(.receiveComplaint(Sample.receive), as: Actors.agent)
        #expect(harness.refusal(.assignComplaint(Sample.assign), as: Actors.supervisor)?.code == .notClassified)
        try harness.send(.classifyComplaint(Sample.classify), as: Actors.agent)
        #expect(harness.refusal(.assignComplaint(Sample.assign), as: Actors.supervisor)?.code == .notAssessed)
        try harness.send(.assessSeverity(Sample.assess), as: Actors.agent)
        #expect(harness.refusal(.assignComplaint(Sample.assign), as: Actors.supervisor) == nil)
        #expect(harness.complaint.status == .assigned)
    }

    @Test func unknownCategoryNamesTheField() {
        var harness = Stage.received.harness()
        let error = harness.refusal(.classifyComplaint(ClassifyComplaint(category: Category(rawValue: "weather")!)), as: Actors.agent)
        #expect(error?.code == .validationFailed)
        #expect(error?.field == "category")
    }

    @Test func outboundChannelAtReceiptIsInvalid() {
        var harness = Harness()
        var receive = Sample.receive
        receive.channel = .sms
        #expect(harness.refusal(.receiveComplaint(receive), as: Actors.agent)?.field == "channel")
    }

    @Test(arguments: ["", String(repeating: "é", count: 65)])
    func idLimits(_ id: String) {
        let envelope = CommandEnvelope(commandId: id, streamId: "C-1", actor: Actors.agent, command: .receiveComplaint(Sample.receive))
        do {
            _ = try decide(nil, envelope, DecisionContext(now: monday9, policy: .standard))
            Issue.record("accepted an invalid commandId")
        } catch {
            #expect(error.code == .validationFailed)
            #expect(error.field == "commandId")
        }
    }

    @Test func idOfExactly128BytesIsAccepted() throws {
        let id = String(repeating: "é", count: 64)
        let envelope = CommandEnvelope(commandId: id, streamId: id, actor: Actors.agent, command: .receiveComplaint(Sample.receive))
        #expect(try decide(nil, envelope, DecisionContext(now: monday9, policy: .standard)).count == 1)
    }

    @Test func lowerAssessmentNeedsSupervisor() throws {
        var harness = Stage.received.harness()
        try harness.send(.assessSeverity(AssessSeverity(severity: .serious, urgency: .urgent)), as: Actors.agent)
        #expect(harness.refusal(.assessSeverity(AssessSeverity(severity: .general, urgency: .urgent)), as: Actors.agent)?.code == .notPermitted)
        #expect(harness.refusal(.assessSeverity(AssessSeverity(severity: .serious, urgency: .normal)), as: Actors.specialist)?.code == .notPermitted)
        #expect(harness.refusal(.assessSeverity(AssessSeverity(severity: .critical, urgency: .urgent)), as: Actors.agent) == nil)
        #expect(harness.refusal(.assessSeverity(AssessSeverity(severity: .general, urgency: .normal)), as: Actors.supervisor) == nil)
        #expect(harness.complaint.assessedSeverity == .general)
    }

    @Test func agentsAssignOnlyToThemselves() {
        var harness = Stage.received.harness()
        #expect(harness.refusal(.assignComplaint(AssignComplaint(owner: "agent-2")), as: Actors.agent)?.code == .notPermitted)
        #expect(harness.refusal(.assignComplaint(AssignComplaint(owner: "agent-1")), as: Actors.agent) == nil)
        #expect(harness.complaint.owner == "agent-1")
    }

    @Test func refusalsRecordNothing() {
        var harness = Stage.received.harness()
        let before = harness.state
        _ = harness.refusal(.startInvestigation(StartInvestigation()), as: Actors.supervisor)
        #expect(harness.state == before)
    }
}
