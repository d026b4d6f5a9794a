import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

@Suite("Improvement plan and actions")
struct PlanAndActionTests {
    enum Missing: String, CaseIterable, Sendable { case rootCause, objective, action }

    @Test(arguments: Missing.allCases)
    func submitNeedsRootCauseObjectiveAndAction(_ missing: Missing) throws {
        var harness = CycleHarness()
        try harness.send(.openImprovement(PDCA.open), as: Actors.analyst)
        if missing != .rootCause { try harness.send(.recordImprovementRootCause(PDCA.rootCause), as: Actors.owner) }
        if missing != .objective { try harness.send(.setObjective(PDCA.objective), as: Actors.owner) }
        if missing != .action { try harness.send(.planAction(PDCA.actionA1), as: Actors.owner) }
        let error = harness.refusal(.submitPlan(SubmitPlan()), as: Actors.owner)
        #expect(error?.code == .planIncomplete)
        #expect(harness.cycle.status == .open)
        let named = ["rootCause": "root cause", "objective": "objective", "action": "action"][missing.rawValue]!
        #expect(error?.reason.contains(named) == true, "\(String(describing: error))")
    }

    @Test func anEmptyPlanIsIncomplete() throws {
        var harness = CycleHarness()
        try harness.send(.openImprovement(PDCA.open), as: Actors.analyst)
        #expect(harness.refusal(.submitPlan(SubmitPlan()), as: Actors.owner)?.code == .planIncomplete)
    }

    @Test(arguments: [
        WorkflowCommand.startAction(StartAction(actionId: "zz")), .completeAction(CompleteAction(actionId: "zz")), .dropAction(DropAction(actionId: "zz")),
    ])
    func anUnknownActionIsAValidationFailure(_ command: WorkflowCommand) {
        var harness = CycleStage.doing.harness()
        let error = harness.refusal(command, as: Actors.owner)
        #expect(error?.code == .validationFailed)
        #expect(error?.field == "actionId")
        // Without being the cycle's owner, the action owner cannot be established: roles refuse first.
        #expect(harness.refusal(command, as: Actors.specialist)?.code == .notPermitted)
    }

    @Test func actionPhases() throws {
        var harness = CycleStage.doing.harness()
        try harness.send(.startAction(StartAction(actionId: "a1")), as: Actors.specialist)
        #expect(harness.cycle.action("a1")?.phase == .started)
        let restart = harness.refusal(.startAction(StartAction(actionId: "a1")), as: Actors.specialist)
        #expect(restart?.code == .invalidTransition)
        #expect(restart?.rule == "actionPhase")
        try harness.send(.completeAction(CompleteAction(actionId: "a1")), as: Actors.specialist)
        #expect(harness.cycle.action("a1")?.phase == .completed)
        #expect(harness.refusal(.completeAction(CompleteAction(actionId: "a1")), as: Actors.owner)?.code == .invalidTransition)
        #expect(harness.refusal(.dropAction(DropAction(actionId: "a1")), as: Actors.owner)?.code == .invalidTransition)
        #expect(harness.cycle.status == .doing)
    }

    @Test func theActionOwnerActsOnlyOnTheirOwnAction() {
        var harness = CycleStage.doing.harness()
        // spec-1 owns a1 but not a2.
        #expect(harness.refusal(.completeAction(CompleteAction(actionId: "a2")), as: Actors.specialist)?.code == .notPermitted)
        #expect(harness.refusal(.completeAction(CompleteAction(actionId: "a1")), as: Actors.specialist) == nil)
    }

    @Test func checkingFollowsWhenEveryActionIsCompletedOrDropped() throws {
        var harness = CycleStage.doing.harness()
        harness.advance(by: 3600)
        try harness.send(.dropAction(DropAction(actionId: "a1", note: "replaced by a2")), as: Actors.specialist)
        #expect(harness.cycle.status == .doing)
        #expect(harness.cycle.doEndedAt == nil)
        harness.advance(by: 3600)
        let decision = try harness.send(.completeAction(CompleteAction(actionId: "a2")), as: Actors.owner)
        #expect(decision.events.map(\.event.type) == [.actionCompleted])
        #expect(harness.cycle.status == .checking)
        #expect(harness.cycle.doEndedAt == harness.now)
        #expect(harness.cycle.actions.map(\.phase) == [.dropped, .completed])
    }

    @Test func replanningAnActionWhileOpenReplacesIt() throws {
        var harness = CycleStage.planned.harness()
        var changed = PDCA.actionA1
        changed.owner = "sup-1"
        try harness.send(.planAction(changed), as: Actors.owner)
        #expect(harness.cycle.actions.map(\.actionId) == ["a1", "a2"])
        #expect(harness.cycle.action("a1")?.owner == "sup-1")
    }

    @Test func validationOfPlanData() {
        var harness = CycleStage.open.harness()
        let badTarget = SetObjective(objectiveId: "o3", kpi: .resolutionRate, baseline: PDCA.january, target: 1.5)
        #expect(harness.refusal(.setObjective(badTarget), as: Actors.owner)?.field == "target")
        let emptyWindow = SetObjective(objectiveId: "o3", kpi: .meanAcknowledgementMinutes, baseline: Period(from: monday9, to: monday9), target: 30)
        #expect(harness.refusal(.setObjective(emptyWindow), as: Actors.owner)?.field == "baseline")
        let badCategory = SetObjective(
            objectiveId: "o3", kpi: .reopenRate, filter: ObjectiveFilter(category: Category(rawValue: "pets")!), baseline: PDCA.january, target: 0.1)
        #expect(harness.refusal(.setObjective(badCategory), as: Actors.owner)?.field == "filter.category")
        var noCriterion = PDCA.actionA1
        noCriterion.acceptanceCriterion = " "
        #expect(harness.refusal(.planAction(noCriterion), as: Actors.owner)?.field == "acceptanceCriterion")
    }
}

@Suite("Improvement refusal order")
struct ImprovementRefusalOrderTests {
    @Test func validationBeforeStream() {
        var harness = CycleStage.open.harness()
        var open = PDCA.open
        open.problem = ""
        let error = harness.refusal(.openImprovement(open), as: Actors.auditor)
        #expect(error?.code == .validationFailed)
        #expect(error?.field == "problem")
    }

    @Test func aCycleCannotNameItself() {
        var harness = CycleHarness()
        var open = PDCA.open
        open.previousCycleId = "PDCA-1"
        #expect(harness.refusal(.openImprovement(open), as: Actors.analyst)?.field == "previousCycleId")
        var checking = CycleStage.checking.harness()
        #expect(checking.refusal(.evaluateEffect(EvaluateEffect(nextCycleId: "PDCA-1")), as: Actors.analyst)?.field == "nextCycleId")
    }

    @Test func streamBeforeRoles() {
        var harness = CycleStage.open.harness()
        #expect(harness.refusal(.openImprovement(PDCA.open), as: Actors.auditor)?.code == .streamExists)
    }

    @Test func rolesBeforeVersion() {
        var harness = CycleStage.open.harness()
        #expect(harness.refusal(.recordImprovementRootCause(PDCA.rootCause), as: Actors.otherAgent, expectedVersion: 99)?.code == .notPermitted)
    }

    @Test func versionBeforeClosed() {
        var harness = CycleStage.closedCancelled.harness()
        #expect(harness.refusal(.setObjective(PDCA.objective), as: Actors.owner, expectedVersion: 1)?.code == .versionConflict)
        #expect(harness.refusal(.setObjective(PDCA.objective), as: Actors.owner, expectedVersion: harness.version)?.code == .alreadyClosed)
    }

    @Test func closedBeforeStatus() {
        var harness = CycleStage.closedStandardised.harness()
        #expect(harness.refusal(.cancelImprovement(CancelImprovement(reason: "x")), as: Actors.manager)?.code == .alreadyClosed)
    }

    @Test func statusBeforePrecondition() {
        var doing = CycleStage.doing.harness()
        let error = doing.refusal(.evaluateEffect(EvaluateEffect()), as: Actors.analyst)
        #expect(error?.code == .invalidTransition)
        #expect(error?.rule == "status")
        var open = CycleStage.open.harness()
        #expect(open.refusal(.startAction(StartAction(actionId: "zz")), as: Actors.owner)?.code == .invalidTransition)
    }
}
