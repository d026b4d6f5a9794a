import ComplaintPolicy
import Foundation

/// Folds one event into an improvement cycle's state (pure; DOMAIN.md §7).
///
/// `ImprovementOpened` creates the state; events of other stream kinds leave it as it is. When the
/// last unfinished action is completed or dropped in `doing`, the cycle moves to `checking` (no
/// event of its own: the status follows from the actions) and the Do phase ends.
public func evolveImprovement(_ state: ImprovementState?, _ decided: DecidedEvent) -> ImprovementState? {
    let at = decided.occurredAt
    if case .improvementOpened(let opened) = decided.event { return ImprovementState(opened: opened, at: at) }
    guard var next = state else { return nil }
    switch decided.event {
    case .improvementRootCauseRecorded(let cause):
        next.rootCauses.append(cause)
    case .objectiveSet(let set):
        if let index = next.objectives.firstIndex(where: { $0.objectiveId == set.objectiveId }) {
            next.objectives[index] = ImprovementState.Objective(set)
        } else {
            next.objectives.append(ImprovementState.Objective(set))
        }
    case .actionPlanned(let plan):
        if let index = next.actions.firstIndex(where: { $0.actionId == plan.actionId }) {
            next.actions[index] = ImprovementState.Action(plan)
        } else {
            next.actions.append(ImprovementState.Action(plan))
        }
    case .planSubmitted:
        next.status = .awaitingApproval
    case .planApproved:
        next.status = .doing
        next.doStartedAt = at
    case .planRejected:
        next.status = .open
    case .actionStarted(let step):
        next.setPhase(.started, of: step.actionId, at: at)
    case .actionCompleted(let step):
        next.setPhase(.completed, of: step.actionId, at: at)
    case .actionDropped(let step):
        next.setPhase(.dropped, of: step.actionId, at: at)
    case .effectEvaluated(let evaluated):
        next.verdict = evaluated.verdict
        next.resultWindow = evaluated.window
        for figures in evaluated.objectives {
            guard let index = next.objectives.firstIndex(where: { $0.objectiveId == figures.objectiveId }) else { continue }
            next.objectives[index].baselineFigure = figures.baselineFigure
            next.objectives[index].resultFigure = figures.resultFigure
        }
        if evaluated.verdict == .effective {
            next.status = .standardising
        } else {
            next.close(.nextCycle, at: at)
            next.nextCycleId = evaluated.nextCycleId
        }
    case .improvementStandardised:
        next.close(.standardised, at: at)
    case .improvementClosed:
        next.close(.cancelled, at: at)
    default:
        break
    }
    return next
}

extension ImprovementState {
    fileprivate mutating func setPhase(_ phase: ActionPhase, of actionId: String, at: Date) {
        guard let index = actions.firstIndex(where: { $0.actionId == actionId }) else { return }
        actions[index].phase = phase
        if status == .doing, actions.allSatisfy(\.phase.isFinished) {
            status = .checking
            doEndedAt = at
        }
    }

    fileprivate mutating func close(_ outcome: ImprovementOutcome, at: Date) {
        status = .closed
        self.outcome = outcome
        closedAt = at
    }
}
