import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

/// One complaint row of the table as the tests drive it: a sample command, an actor the row
/// admits, one it refuses, a stage where it succeeds, and the stages DOMAIN.md §3 allows it in.
struct RowCase: CustomStringConvertible, Sendable {
    var command: WorkflowCommand
    var allowed: Actor
    var wrong: Actor
    var happy: Stage
    var allowedStages: Set<Stage>

    var description: String { command.name.rawValue }

    static let open: Set<Stage> = [.received, .assigned, .investigating, .awaitingApproval, .implementing, .implemented, .awaitingCustomer, .resolved]

    static let all: [RowCase] = [
        RowCase(command: .acknowledgeComplaint(AcknowledgeComplaint(channel: .sms)), allowed: Actors.agent, wrong: Actors.analyst, happy: .received, allowedStages: open),
        RowCase(
            command: .verifyAuthenticity(VerifyAuthenticity(outcome: .genuine, complete: true, methods: [.factCheck])),
            allowed: Actors.agent, wrong: Actors.customer, happy: .received, allowedStages: open),
        RowCase(command: .classifyComplaint(ClassifyComplaint(category: .productQuality)), allowed: Actors.agent, wrong: Actors.customer, happy: .received, allowedStages: open),
        RowCase(command: .assessSeverity(AssessSeverity(severity: .serious, urgency: .normal)), allowed: Actors.agent, wrong: Actors.customer, happy: .received, allowedStages: open),
        RowCase(command: .assignComplaint(AssignComplaint(owner: "owner-1")), allowed: Actors.supervisor, wrong: Actors.customer, happy: .received, allowedStages: open),
        RowCase(
            command: .transferComplaint(TransferComplaint(toDepartment: "quality", toOwner: "spec-9", reason: "product defect")),
            allowed: Actors.specialist, wrong: Actors.agent, happy: .assigned, allowedStages: open),
        RowCase(command: .startInvestigation(StartInvestigation()), allowed: Actors.owner, wrong: Actors.otherAgent, happy: .assigned, allowedStages: [.assigned]),
        RowCase(
            command: .recordProgress(RecordProgress(note: "called the carrier", customerNotified: false)),
            allowed: Actors.owner, wrong: Actors.otherAgent, happy: .investigating, allowedStages: open),
        RowCase(
            command: .recordRootCause(RecordRootCause(causeClass: .processGap, method: .fiveWhy, description: "no packing check")),
            allowed: Actors.specialist, wrong: Actors.otherAgent, happy: .investigating,
            allowedStages: [.investigating, .awaitingApproval, .implementing, .implemented, .awaitingCustomer, .resolved]),
        RowCase(command: .proposeResolution(Sample.propose()), allowed: Actors.owner, wrong: Actors.otherAgent, happy: .investigating, allowedStages: [.investigating]),
        RowCase(command: .approveResolution(ApproveResolution()), allowed: Actors.supervisor, wrong: Actors.owner, happy: .awaitingApproval, allowedStages: [.awaitingApproval]),
        RowCase(command: .rejectResolution(RejectResolution(reason: "too generous")), allowed: Actors.manager, wrong: Actors.specialist, happy: .awaitingApproval, allowedStages: [.awaitingApproval]),
        RowCase(
            command: .implementResolution(ImplementResolution(actionsDone: "refund paid")), allowed: Actors.owner, wrong: Actors.otherAgent,
            happy: .implementing, allowedStages: [.implementing, .implemented]),
        RowCase(command: .communicateResult(Sample.communicate), allowed: Actors.owner, wrong: Actors.otherAgent, happy: .implemented, allowedStages: [.implementing, .implemented]),
        RowCase(
            command: .recordCustomerResponse(RecordCustomerResponse(accepted: true)), allowed: Actors.customer, wrong: Actors.otherCustomer,
            happy: .awaitingCustomer, allowedStages: [.awaitingCustomer]),
        RowCase(
            command: .recordSatisfaction(RecordSatisfaction(score: 5, method: .online)), allowed: Actors.customer, wrong: Actors.auditor,
            happy: .resolved, allowedStages: [.resolved, .closedResolved]),
        RowCase(
            command: .recordReturnVisit(RecordReturnVisit(outcome: "all fine", satisfied: true)), allowed: Actors.agent, wrong: Actors.customer,
            happy: .resolved, allowedStages: [.resolved, .closedResolved]),
        RowCase(command: .escalateComplaint(EscalateComplaint(toLevel: 1, reason: "customer asks")), allowed: Actors.agent, wrong: Actors.customer, happy: .received, allowedStages: open),
        RowCase(command: .rejectAsFalse(RejectAsFalse(note: "competitor")), allowed: Actors.supervisor, wrong: Actors.specialist, happy: .received, allowedStages: open),
        RowCase(command: .withdrawComplaint(WithdrawComplaint(note: "sorted it out")), allowed: Actors.customer, wrong: Actors.otherCustomer, happy: .received, allowedStages: open),
        RowCase(command: .closeComplaint(CloseComplaint(reason: .referred)), allowed: Actors.owner, wrong: Actors.otherAgent, happy: .assigned, allowedStages: open),
        RowCase(command: .reopenComplaint(ReopenComplaint(reason: "broke again")), allowed: Actors.customer, wrong: Actors.analyst, happy: .resolved, allowedStages: [.resolved, .closedResolved]),
        RowCase(
            command: .recordLessons(RecordLessons(findings: "pack better", systemic: true)), allowed: Actors.analyst, wrong: Actors.otherAgent,
            happy: .closedResolved, allowedStages: [.closedResolved, .closedWithdrawn]),
    ]
}

@Suite("Transition table")
struct TransitionTableTests {
    @Test func everyCommandHasExactlyOneRow() {
        #expect(TransitionTable.rows.map(\.command) + ImprovementTable.rows.map(\.command) == CommandName.allCases)
        let complaintRows = TransitionTable.rows.filter { $0.stream == .complaint }.map(\.command)
        #expect(Set(RowCase.all.map(\.command.name)) == Set(complaintRows))
    }

    @Test(arguments: RowCase.all)
    func allowedWithTheRightRoleAndState(_ row: RowCase) throws {
        var harness = row.happy.harness()
        if case .rejectAsFalse = row.command {
            try harness.send(.verifyAuthenticity(VerifyAuthenticity(outcome: .falseMalicious, complete: true, methods: [.background])), as: Actors.agent)
        }
        let events = try harness.send(row.command, as: row.allowed)
        let transition = TransitionTable.row(for: row.command.name)
        #expect(transition.events.contains(try #require(events.first).event.type))
        #expect(events.first?.actor == row.allowed)
        let expected = transition.to.isEmpty ? [row.happy.status] : transition.to
        #expect(expected.contains(harness.complaint.status))
    }

    @Test(arguments: RowCase.all)
    func notPermittedWithAWrongRole(_ row: RowCase) {
        var harness = row.happy.harness()
        let before = harness.recorded.count
        #expect(harness.refusal(row.command, as: row.wrong)?.code == .notPermitted)
        #expect(harness.recorded.count == before)
    }

    @Test(arguments: RowCase.all)
    func systemAndAuditorMayIssueNothing(_ row: RowCase) {
        var harness = row.happy.harness()
        #expect(harness.refusal(row.command, as: Actors.system)?.code == .notPermitted)
        #expect(harness.refusal(row.command, as: Actors.auditor)?.code == .notPermitted)
    }

    /// In every stage: the stages DOMAIN.md §3 allows pass the status stages; others get
    /// `alreadyClosed`, `approvalRequired` or `invalidTransition`.
    @Test(arguments: RowCase.all, Stage.allCases)
    func statusStages(_ row: RowCase, _ stage: Stage) {
        var harness = stage.harness()
        let error = harness.refusal(row.command, as: Actors.executive)
        let transition = TransitionTable.row(for: row.command.name)
        if row.allowedStages.contains(stage) {
            if let error {
                #expect(error.rule != "status", "\(row) in \(stage): \(error)")
                #expect(transition.preconditions.map(\.code).contains(error.code), "\(row) in \(stage): \(error)")
            }
        } else if stage.status == .closed, ![.recordSatisfaction, .recordReturnVisit, .reopenComplaint, .recordLessons].contains(row.command.name) {
            #expect(error?.code == .alreadyClosed, "\(row) in \(stage)")
        } else if stage == .awaitingApproval, [.implementResolution, .communicateResult].contains(row.command.name) {
            #expect(error?.code == .approvalRequired, "\(row) in \(stage)")
        } else {
            #expect(error?.code == .invalidTransition, "\(row) in \(stage)")
            #expect(error?.rule == "status")
        }
    }

    @Test func receiveCreatesAndRefusesAnExistingStream() throws {
        var harness = Harness()
        let events = try harness.send(.receiveComplaint(Sample.receive), as: Actors.customer)
        #expect(events.map(\.event.type) == [.complaintReceived])
        #expect(harness.complaint.status == .received)
        #expect(harness.refusal(.receiveComplaint(Sample.receive), as: Actors.agent)?.code == .streamExists)
    }

    @Test func receiveByAnotherCustomerIsNotPermitted() {
        var harness = Harness()
        #expect(harness.refusal(.receiveComplaint(Sample.receive), as: Actors.otherCustomer)?.code == .notPermitted)
        #expect(harness.refusal(.receiveComplaint(Sample.receive), as: Actors.analyst)?.code == .notPermitted)
    }

    @Test func receiveForAForgottenCustomerIsRefused() {
        var harness = Harness()
        harness.customer = .forgotten
        #expect(harness.refusal(.receiveComplaint(Sample.receive), as: Actors.agent)?.code == .customerForgotten)
    }

    @Test func commandsOnAMissingComplaintAreUnknownStream() {
        var harness = Harness()
        #expect(harness.refusal(.acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)), as: Actors.agent)?.code == .unknownStream)
    }

    @Test func wrongStreamKind() {
        let context = DecisionContext(now: monday9, policy: .standard, streamKind: .interactions, streamVersion: 3)
        let envelope = CommandEnvelope(commandId: "c1", streamId: "interactions-2026-03", actor: Actors.agent, command: .receiveComplaint(Sample.receive))
        #expect(refusalCode(nil, envelope, context) == .streamExists)
        let ack = CommandEnvelope(
            commandId: "c2", streamId: "interactions-2026-03", actor: Actors.agent, command: .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)))
        #expect(refusalCode(nil, ack, context) == .wrongStreamKind)
        let interactions = CommandEnvelope(
            commandId: "c3", streamId: "C-1", actor: Actors.agent,
            command: .recordInteractions(RecordInteractions(channel: .phone, count: 10, period: Period(from: monday9, to: monday9.addingTimeInterval(3600)))))
        let complaintContext = DecisionContext(now: monday9, policy: .standard, streamKind: .complaint, streamVersion: 1)
        #expect(refusalCode(Stage.received.harness().state, interactions, complaintContext) == .wrongStreamKind)
    }

    @Test func interactionsAreRecordedByHandlingRolesOnly() throws {
        let command = WorkflowCommand.recordInteractions(
            RecordInteractions(channel: .email, count: 120, period: Period(from: monday9, to: monday9.addingTimeInterval(86_400))))
        let context = DecisionContext(now: monday9, policy: .standard)
        let envelope = CommandEnvelope(commandId: "i1", streamId: "interactions-2026-03", actor: Actors.agent, command: command)
        let events = try decide(nil, envelope, context)
        #expect(events.map(\.event.typeName) == ["InteractionsRecorded"])
        var refused = envelope
        refused.actor = Actors.customer
        #expect(refusalCode(nil, refused, context) == .notPermitted)
        let zero = CommandEnvelope(
            commandId: "i2", streamId: "interactions-2026-03", actor: Actors.agent,
            command: .recordInteractions(RecordInteractions(channel: .email, count: 0, period: Period(from: monday9, to: monday9.addingTimeInterval(1)))))
        #expect(refusalCode(nil, zero, context) == .validationFailed)
    }

    @Test(arguments: [(CustomerStanding.known, nil), (.unknown, WorkflowError.Code.unknownCustomer), (.forgotten, .customerForgotten)])
    func forgetCustomer(_ standing: CustomerStanding, _ expected: WorkflowError.Code?) {
        let envelope = CommandEnvelope(commandId: "f1", streamId: "customer:cust-1", actor: Actors.dpo, command: .forgetCustomer(ForgetCustomer(customerId: "cust-1")))
        let context = DecisionContext(now: monday9, policy: .standard, customer: standing)
        #expect(refusalCode(nil, envelope, context) == expected)
        var byAgent = envelope
        byAgent.actor = Actors.supervisor
        #expect(refusalCode(nil, byAgent, context) == .notPermitted)
        var elsewhere = envelope
        elsewhere.streamId = "customer:cust-2"
        #expect(refusalCode(nil, elsewhere, context) == .validationFailed)
    }
}

/// The code `decide` refuses with, or `nil` when it accepts.
func refusalCode(_ state: ComplaintState?, _ envelope: CommandEnvelope, _ context: DecisionContext) -> WorkflowError.Code? {
    do {
        _ = try decide(state, envelope, context)
        return nil
    } catch {
        return error.code
    }
}
