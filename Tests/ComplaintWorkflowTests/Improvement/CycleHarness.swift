import ComplaintPolicy
import Foundation
@testable import ComplaintWorkflow

/// An in-memory stand-in for the engine on one improvement stream: decides, folds, and keeps the
/// events other streams received.
struct CycleHarness {
    var policy: ServicePolicy = .standard
    var streamId = "PDCA-1"
    var now = monday9
    var state: ImprovementState?
    var version = 0
    var recorded: [DecidedEvent] = []
    var otherStreams: [String: [DecidedEvent]] = [:]
    var measurements = ImprovementMeasurements()
    var nextCycleExists = false
    /// The kind of the stream when it is not an improvement stream.
    var foreignKind: StreamKind?

    var cycle: ImprovementState { state! }

    var context: ImprovementContext {
        ImprovementContext(
            now: now, policy: policy, streamKind: foreignKind ?? (state == nil ? nil : .improvement), streamVersion: version,
            measurements: measurements, nextCycleExists: nextCycleExists)
    }

    @discardableResult
    mutating func send(_ command: WorkflowCommand, as actor: Actor, expectedVersion: Int? = nil) throws(WorkflowError) -> ImprovementDecision {
        let envelope = CommandEnvelope(
            commandId: "cmd-\(recorded.count)", streamId: streamId, actor: actor, expectedVersion: expectedVersion, command: command)
        let decision = try decideImprovement(state, envelope, context)
        for event in decision.events {
            state = evolveImprovement(state, event)
            version += 1
            recorded.append(event)
        }
        for (stream, events) in decision.otherStreams { otherStreams[stream, default: []] += events }
        return decision
    }

    mutating func refusal(_ command: WorkflowCommand, as actor: Actor, expectedVersion: Int? = nil) -> WorkflowError? {
        do {
            try send(command, as: actor, expectedVersion: expectedVersion)
            return nil
        } catch {
            return error
        }
    }

    mutating func advance(by seconds: TimeInterval) { now = now.addingTimeInterval(seconds) }
}

enum PDCA {
    static let january = Period(from: instant("2026-01-01T00:00:00+08:00"), to: instant("2026-02-01T00:00:00+08:00"))
    static let open = OpenImprovement(
        trigger: .recurringProblem, evidence: ["C-1", "C-2"], problem: "Parcels arrive damaged", impactScope: [.otherCustomers],
        owner: "owner-1")
    static let rootCause = RecordImprovementRootCause(causeClass: .processGap, method: .fishbone, description: "no packing check")
    static let objective = SetObjective(
        objectiveId: "o1", kpi: .satisfactionRate, filter: ObjectiveFilter(category: .logistics), baseline: january, target: 0.9)
    /// Action `a1` is owned by `spec-1`, `a2` by the cycle owner `owner-1`.
    static let actionA1 = PlanAction(
        actionId: "a1", owner: "spec-1", due: monday9.addingTimeInterval(14 * 86_400), acceptanceCriterion: "packing checklist in use", type: .process)
    static let actionA2 = PlanAction(
        actionId: "a2", owner: "owner-1", due: monday9.addingTimeInterval(21 * 86_400), acceptanceCriterion: "all packers trained", type: .training)
    static let effective = ImprovementMeasurements(["o1": ObjectiveFigures(baseline: 0.8, result: 0.95)])
    static let ineffective = ImprovementMeasurements(["o1": ObjectiveFigures(baseline: 0.8, result: 0.7)])
}

/// Where a scenario leaves the cycle before the command under test.
enum CycleStage: String, CaseIterable, CustomStringConvertible, Sendable {
    /// Open with an objective and two actions but no root cause (the plan is incomplete).
    case open
    /// Open with a complete plan.
    case planned
    case awaitingApproval, doing, checking, standardising
    case closedStandardised, closedNextCycle, closedCancelled

    var description: String { rawValue }

    var status: ImprovementStatus {
        switch self {
        case .open, .planned: .open
        case .awaitingApproval: .awaitingApproval
        case .doing: .doing
        case .checking: .checking
        case .standardising: .standardising
        case .closedStandardised, .closedNextCycle, .closedCancelled: .closed
        }
    }

    static let openStages: [CycleStage] = [.open, .planned, .awaitingApproval, .doing, .checking, .standardising]

    func harness() -> CycleHarness {
        var harness = CycleHarness()
        do {
            try harness.send(.openImprovement(PDCA.open), as: Actors.analyst)
            try harness.send(.setObjective(PDCA.objective), as: Actors.analyst)
            try harness.send(.planAction(PDCA.actionA1), as: Actors.owner)
            try harness.send(.planAction(PDCA.actionA2), as: Actors.owner)
            if self == .closedCancelled {
                try harness.send(.cancelImprovement(CancelImprovement(reason: "superseded")), as: Actors.manager)
                return harness
            }
            guard self != .open else { return harness }
            try harness.send(.recordImprovementRootCause(PDCA.rootCause), as: Actors.owner)
            guard self != .planned else { return harness }
            try harness.send(.submitPlan(SubmitPlan()), as: Actors.owner)
            guard self != .awaitingApproval else { return harness }
            harness.advance(by: 86_400)
            try harness.send(.approvePlan(ApprovePlan(note: "go")), as: Actors.manager)
            guard self != .doing else { return harness }
            harness.advance(by: 7 * 86_400)
            try harness.send(.completeAction(CompleteAction(actionId: "a1")), as: Actors.specialist)
            try harness.send(.completeAction(CompleteAction(actionId: "a2")), as: Actors.owner)
            guard self != .checking else { return harness }
            harness.advance(by: 30 * 86_400)
            harness.measurements = self == .closedNextCycle ? PDCA.ineffective : PDCA.effective
            try harness.send(.evaluateEffect(EvaluateEffect(nextCycleId: "PDCA-2")), as: Actors.analyst)
            guard self == .closedStandardised else { return harness }
            try harness.send(.standardise(Standardise(standardReference: "SOP-7", trainingDone: true)), as: Actors.owner)
        } catch {
            fatalError("stage \(self) could not be reached: \(error)")
        }
        return harness
    }
}
