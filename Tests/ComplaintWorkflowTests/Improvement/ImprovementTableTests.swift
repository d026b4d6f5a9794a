import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

/// One improvement row as the tests drive it: a sample command, an actor the row admits, one it
/// refuses, a stage where it succeeds, and the stages DOMAIN.md §7 allows it in.
struct CycleRowCase: CustomStringConvertible, Sendable {
    var command: WorkflowCommand
    var allowed: Actor
    var wrong: Actor
    var happy: CycleStage
    var allowedStages: Set<CycleStage>

    var description: String { command.name.rawValue }

    static let plan: Set<CycleStage> = [.open, .planned]

    static let all: [CycleRowCase] = [
        CycleRowCase(command: .recordImprovementRootCause(PDCA.rootCause), allowed: Actors.owner, wrong: Actors.otherAgent, happy: .open, allowedStages: plan),
        CycleRowCase(
            command: .setObjective(SetObjective(objectiveId: "o2", kpi: .reopenRate, baseline: PDCA.january, target: 0.05)),
            allowed: Actors.analyst, wrong: Actors.specialist, happy: .open, allowedStages: plan),
        CycleRowCase(command: .planAction(PDCA.actionA1), allowed: Actors.supervisor, wrong: Actors.otherAgent, happy: .open, allowedStages: plan),
        CycleRowCase(command: .submitPlan(SubmitPlan()), allowed: Actors.owner, wrong: Actors.manager, happy: .planned, allowedStages: plan),
        CycleRowCase(command: .approvePlan(ApprovePlan()), allowed: Actors.manager, wrong: Actors.supervisor, happy: .awaitingApproval, allowedStages: [.awaitingApproval]),
        CycleRowCase(command: .rejectPlan(RejectPlan(reason: "no budget")), allowed: Actors.executive, wrong: Actors.analyst, happy: .awaitingApproval, allowedStages: [.awaitingApproval]),
        CycleRowCase(command: .startAction(StartAction(actionId: "a1")), allowed: Actors.specialist, wrong: Actors.otherAgent, happy: .doing, allowedStages: [.doing]),
        CycleRowCase(command: .completeAction(CompleteAction(actionId: "a1", note: "done")), allowed: Actors.owner, wrong: Actors.supervisor, happy: .doing, allowedStages: [.doing]),
        CycleRowCase(command: .dropAction(DropAction(actionId: "a1")), allowed: Actors.specialist, wrong: Actors.manager, happy: .doing, allowedStages: [.doing]),
        CycleRowCase(command: .evaluateEffect(EvaluateEffect(nextCycleId: "PDCA-2")), allowed: Actors.analyst, wrong: Actors.owner, happy: .checking, allowedStages: [.checking]),
        CycleRowCase(
            command: .standardise(Standardise(standardReference: "SOP-7", trainingDone: true)), allowed: Actors.owner, wrong: Actors.analyst,
            happy: .standardising, allowedStages: [.standardising]),
        CycleRowCase(
            command: .cancelImprovement(CancelImprovement(reason: "obsolete")), allowed: Actors.manager, wrong: Actors.owner, happy: .doing,
            allowedStages: Set(CycleStage.openStages)),
    ]
}

@Suite("Improvement table")
struct ImprovementTableTests {
    @Test func everyImprovementCommandHasOneRowInTableOrder() {
        #expect(ImprovementTable.rows.map(\.command) == CommandName.allCases.filter(\.isImprovement))
        #expect(Set(CycleRowCase.all.map(\.command.name)) == Set(ImprovementTable.rows.filter { !$0.creates }.map(\.command)))
        #expect(ImprovementTable.rows.flatMap(\.events).count == Set(ImprovementTable.rows.flatMap(\.events)).count)
    }

    @Test(arguments: CycleRowCase.all)
    func allowedWithTheRightRoleAndStatus(_ row: CycleRowCase) throws {
        var harness = row.happy.harness()
        let decision = try harness.send(row.command, as: row.allowed)
        let transition = try #require(ImprovementTable.row(for: row.command.name))
        #expect(decision.events.map(\.event.type) == transition.events)
        #expect(decision.events.first?.actor == row.allowed)
        let expected = transition.to.isEmpty ? [row.happy.status] : transition.to + [row.happy.status]
        #expect(expected.contains(harness.cycle.status))
    }

    @Test(arguments: CycleRowCase.all)
    func notPermittedWithAWrongRole(_ row: CycleRowCase) {
        var harness = row.happy.harness()
        let before = harness.recorded.count
        #expect(harness.refusal(row.command, as: row.wrong)?.code == .notPermitted)
        #expect(harness.recorded.count == before)
    }

    @Test(arguments: CycleRowCase.all)
    func systemAuditorAndCustomerMayIssueNothing(_ row: CycleRowCase) {
        var harness = row.happy.harness()
        for actor in [Actors.system, Actors.auditor, Actors.customer, Actor(id: "owner-1", role: .auditor), Actor(id: "spec-1", role: .customer)] {
            #expect(harness.refusal(row.command, as: actor)?.code == .notPermitted, "\(actor)")
        }
    }

    /// In every stage: the allowed stages pass the status stages; closed cycles give
    /// `alreadyClosed`; every other stage `invalidTransition`.
    @Test(arguments: CycleRowCase.all, CycleStage.allCases)
    func statusStages(_ row: CycleRowCase, _ stage: CycleStage) {
        var harness = stage.harness()
        let error = harness.refusal(row.command, as: row.allowed)
        let transition = ImprovementTable.row(for: row.command.name)!
        if row.allowedStages.contains(stage) {
            if let error {
                #expect(error.rule != "status", "\(row) in \(stage): \(error)")
                #expect(transition.preconditions.map(\.code).contains(error.code), "\(row) in \(stage): \(error)")
            }
        } else if stage.status == .closed {
            #expect(error?.code == .alreadyClosed, "\(row) in \(stage)")
        } else {
            #expect(error?.code == .invalidTransition, "\(row) in \(stage)")
            #expect(error?.rule == "status", "\(row) in \(stage)")
        }
    }

    @Test func openCreatesTheCycle() throws {
        var harness = CycleHarness()
        let decision = try harness.send(.openImprovement(PDCA.open), as: Actors.supervisor)
        #expect(decision.events.map(\.event.type) == [.improvementOpened])
        #expect(decision.otherStreams.isEmpty)
        let cycle = harness.cycle
        #expect(cycle.status == .open)
        #expect(cycle.owner == "owner-1")
        #expect(cycle.trigger == .recurringProblem)
        #expect(cycle.evidence == ["C-1", "C-2"])
        #expect(cycle.outcome == nil && cycle.verdict == nil && cycle.previousCycleId == nil && cycle.nextCycleId == nil)
        #expect(harness.refusal(.openImprovement(PDCA.open), as: Actors.analyst)?.code == .streamExists)
    }

    @Test(arguments: [Actors.agent, Actors.specialist, Actors.customer, Actors.auditor, Actors.system, Actors.dpo])
    func openIsForQualityAnalystsAndSupervisorsUp(_ actor: Actor) {
        var harness = CycleHarness()
        #expect(harness.refusal(.openImprovement(PDCA.open), as: actor)?.code == .notPermitted)
    }

    @Test func commandsOnAMissingCycleAreUnknownStream() {
        var harness = CycleHarness()
        #expect(harness.refusal(.recordImprovementRootCause(PDCA.rootCause), as: Actors.supervisor)?.code == .unknownStream)
    }

    @Test func wrongStreamKinds() {
        var harness = CycleHarness()
        harness.foreignKind = .complaint
        #expect(harness.refusal(.submitPlan(SubmitPlan()), as: Actors.owner)?.code == .wrongStreamKind)
        #expect(harness.refusal(.openImprovement(PDCA.open), as: Actors.analyst)?.code == .streamExists)
        // A complaint command through decideImprovement, and an improvement command through decide.
        let ack = CommandEnvelope(commandId: "x1", streamId: "PDCA-1", actor: Actors.agent, command: .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)))
        #expect(throws: WorkflowError.self) { try decideImprovement(nil, ack, ImprovementContext(now: monday9, policy: .standard)) }
        let open = CommandEnvelope(commandId: "x2", streamId: "PDCA-1", actor: Actors.analyst, command: .openImprovement(PDCA.open))
        #expect(refusalCode(nil, open, DecisionContext(now: monday9, policy: .standard)) == .wrongStreamKind)
        let complaintOnCycle = CommandEnvelope(commandId: "x3", streamId: "PDCA-1", actor: Actors.agent, command: .acknowledgeComplaint(AcknowledgeComplaint(channel: .phone)))
        #expect(refusalCode(nil, complaintOnCycle, DecisionContext(now: monday9, policy: .standard, streamKind: .improvement, streamVersion: 3)) == .wrongStreamKind)
    }

    @Test(arguments: CycleStage.openStages)
    func cancelFromEveryOpenStatus(_ stage: CycleStage) throws {
        var harness = stage.harness()
        try harness.send(.cancelImprovement(CancelImprovement(reason: "priorities changed")), as: Actors.executive)
        #expect(harness.cycle.status == .closed)
        #expect(harness.cycle.outcome == .cancelled)
        #expect(harness.recorded.last?.event.type == .improvementClosed)
    }

    @Test func standardiseClosesAsStandardised() {
        let harness = CycleStage.closedStandardised.harness()
        #expect(harness.cycle.status == .closed)
        #expect(harness.cycle.outcome == .standardised)
        #expect(harness.cycle.verdict == .effective)
        #expect(harness.otherStreams.isEmpty)
    }

    @Test func rejectedPlanGoesBackToOpenAndCanBeResubmitted() throws {
        var harness = CycleStage.awaitingApproval.harness()
        try harness.send(.rejectPlan(RejectPlan(reason: "target too low")), as: Actors.manager)
        #expect(harness.cycle.status == .open)
        try harness.send(.setObjective(SetObjective(objectiveId: "o1", kpi: .satisfactionRate, baseline: PDCA.january, target: 0.95)), as: Actors.owner)
        #expect(harness.cycle.objectives.map(\.target) == [0.95])
        try harness.send(.submitPlan(SubmitPlan()), as: Actors.owner)
        #expect(harness.cycle.status == .awaitingApproval)
    }
}
