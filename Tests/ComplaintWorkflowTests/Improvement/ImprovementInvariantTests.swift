import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow
import SeededRandom

/// Random walks through improvement cycles: whatever commands arrive in whatever order, the
/// invariants of DOMAIN.md §7 hold after every step.
@Suite("Improvement invariants")
struct ImprovementInvariantTests {
    static let actors = [
        Actors.owner, Actors.owner, Actors.specialist, Actors.otherAgent, Actors.supervisor, Actors.manager, Actors.manager, Actors.analyst,
        Actors.auditor, Actors.customer,
    ]

    static let commands: [WorkflowCommand] = CycleRowCase.all.map(\.command).filter { $0.name != .cancelImprovement } + [
        .planAction(PDCA.actionA2),
        .setObjective(PDCA.objective),
        .startAction(StartAction(actionId: "a2")),
        .completeAction(CompleteAction(actionId: "a2")),
        .dropAction(DropAction(actionId: "a2")),
        .completeAction(CompleteAction(actionId: "a1")),
        .evaluateEffect(EvaluateEffect()),
        .submitPlan(SubmitPlan()),
        .approvePlan(ApprovePlan()),
        .standardise(Standardise(standardReference: "SOP-8", trainingDone: false)),
        .standardise(Standardise(standardReference: "SOP-9", trainingDone: true)),
    ]

    /// Effective, partial and ineffective figures for both objectives the walks set (`o1`, `o2`).
    static let measurements = [
        ImprovementMeasurements(["o1": ObjectiveFigures(baseline: 0.8, result: 0.95), "o2": ObjectiveFigures(baseline: 0.1, result: 0.04)]),
        ImprovementMeasurements(["o1": ObjectiveFigures(baseline: 0.8, result: 0.85), "o2": ObjectiveFigures(baseline: 0.1, result: 0.07)]),
        ImprovementMeasurements(["o1": ObjectiveFigures(baseline: 0.8, result: 0.7), "o2": ObjectiveFigures(baseline: 0.1, result: 0.2)]),
    ]

    @Test(arguments: 0..<30)
    func invariantsHoldAlongRandomWalks(_ seed: Int) {
        _ = walk(seed: seed)
    }

    @Test func walksCoverTheLifecycle() {
        var statuses: Set<ImprovementStatus> = []
        var outcomes: Set<ImprovementOutcome> = []
        var verdicts: Set<EffectVerdict> = []
        for seed in 0..<30 {
            let (seen, harness) = walk(seed: seed)
            statuses.formUnion(seen)
            if let outcome = harness.cycle.outcome { outcomes.insert(outcome) }
            if let verdict = harness.cycle.verdict { verdicts.insert(verdict) }
        }
        #expect(statuses == Set(ImprovementStatus.allCases))
        #expect(outcomes == Set(ImprovementOutcome.allCases))
        #expect(verdicts == Set(EffectVerdict.allCases))
    }

    /// One walk of 200 steps from a freshly opened cycle.
    func walk(seed: Int) -> (Set<ImprovementStatus>, CycleHarness) {
        var random = SplitMix64(seed: UInt64(seed) &* 104_729 &+ 3)
        var harness = CycleHarness()
        var seen: Set<ImprovementStatus> = []
        do {
            try harness.send(.openImprovement(PDCA.open), as: Actors.analyst)
        } catch {
            Issue.record("open failed: \(error)")
            return (seen, harness)
        }
        for step in 0..<200 {
            harness.advance(by: 3600)
            harness.measurements = Self.measurements.randomElement(using: &random)!
            var command = Self.commands.randomElement(using: &random)!
            if case .evaluateEffect = command, Bool.random(using: &random) {
                command = .evaluateEffect(EvaluateEffect(nextCycleId: "PDCA-\(seed)-\(step)"))
            }
            if Int.random(in: 0..<150, using: &random) == 0 { command = .cancelImprovement(CancelImprovement(reason: "stop")) }
            let before = harness.cycle
            let versionBefore = harness.version
            let actor = Self.actors.randomElement(using: &random)!
            switch Result(catching: { () throws(WorkflowError) in try harness.send(command, as: actor) }) {
            case .failure:
                #expect(harness.cycle == before, "a refusal changed the state (seed \(seed), step \(step))")
                #expect(harness.version == versionBefore)
            case .success(let decision):
                let row = ImprovementTable.row(for: command.name)!
                #expect(decision.events.map(\.event.type) == row.events)
                #expect(!ImprovementRoleRule.excluded.contains(actor.role))
                #expect(before.status != .closed)
                #expect(row.from.contains(before.status))
                if !row.to.isEmpty { #expect((row.to + [before.status]).contains(harness.cycle.status)) } else { #expect(harness.cycle.status == before.status) }
                #expect(!decision.otherStreams.isEmpty == (harness.cycle.outcome == .nextCycle))
            }
            let cycle = harness.cycle
            seen.insert(cycle.status)
            #expect((cycle.outcome != nil) == (cycle.status == .closed))
            let allFinished = cycle.actions.allSatisfy { $0.phase.isFinished }
            if cycle.status == .checking { #expect(allFinished) }
            if cycle.status == .doing { #expect(!allFinished) }
            if cycle.status > .open, cycle.outcome != .cancelled { #expect(cycle.planIsComplete) }
            #expect((cycle.nextCycleId != nil) == (cycle.outcome == .nextCycle))
        }
        // Replaying the recorded events gives the same state.
        let replayed = harness.recorded.reduce(nil as ImprovementState?) { evolveImprovement($0, $1) }
        #expect(replayed == harness.state)
        return (seen, harness)
    }
}
