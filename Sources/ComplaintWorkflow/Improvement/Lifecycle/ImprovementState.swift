public import ComplaintPolicy
public import Foundation

/// The state of one improvement cycle, folded from its events by ``evolveImprovement(_:_:)``.
///
/// The first block carries the state field names of DOMAIN.md §7; the rest is what decisions need.
public struct ImprovementState: Hashable, Sendable, Codable {
    // MARK: State fields of DOMAIN.md §7

    /// The lifecycle status.
    public var status: ImprovementStatus
    /// How it closed, once closed.
    public var outcome: ImprovementOutcome?
    /// The cycle's owner (actor id).
    public var owner: String
    /// What opened it.
    public var trigger: ImprovementTrigger
    /// The complaint ids it is based on.
    public var evidence: [String]
    /// The objectives, in the order first set, with their figures once evaluated.
    public var objectives: [Objective]
    /// The actions, in the order first planned, with their phase.
    public var actions: [Action]
    /// The latest evaluation's verdict.
    public var verdict: EffectVerdict?
    /// The cycle this one continues.
    public var previousCycleId: String?
    /// The cycle opened after a `partial` or `ineffective` evaluation.
    public var nextCycleId: String?

    // MARK: What decisions need

    /// The suggestion it takes up.
    public var suggestionId: String?
    /// The problem.
    public var problem: String
    /// What the problem affects.
    public var impactScope: [ImpactScope]
    /// The root causes recorded, in order.
    public var rootCauses: [RecordImprovementRootCause]
    /// When it was opened.
    public var openedAt: Date
    /// When the plan was last approved (the start of the Do phase).
    public var doStartedAt: Date?
    /// When the last action finished (the end of the Do phase; default start of the result window).
    public var doEndedAt: Date?
    /// The result window of the latest evaluation.
    public var resultWindow: Period?
    /// When it closed.
    public var closedAt: Date?

    /// An objective with its figures.
    public struct Objective: Hashable, Sendable, Codable {
        /// As set.
        public var objectiveId: String
        /// The KPI.
        public var kpi: KPI
        /// The slice.
        public var filter: ObjectiveFilter
        /// The baseline window.
        public var baseline: Period
        /// The target.
        public var target: Double
        /// The KPI over the baseline window, once evaluated (`nil`: not evaluated, or no data).
        public var baselineFigure: Double?
        /// The KPI over the result window, once evaluated (`nil`: not evaluated, or no data).
        public var resultFigure: Double?

        /// An objective as set, without figures.
        public init(_ set: SetObjective) {
            objectiveId = set.objectiveId
            kpi = set.kpi
            filter = set.filter
            baseline = set.baseline
            target = set.target
        }

        /// The objective as a SetObjective command (to carry it to the next cycle).
        public var asCommand: SetObjective {
            SetObjective(objectiveId: objectiveId, kpi: kpi, filter: filter, baseline: baseline, target: target)
        }
    }

    /// An action with its phase.
    public struct Action: Hashable, Sendable, Codable {
        /// As planned.
        public var actionId: String
        /// Who carries it out.
        public var owner: String
        /// When it is due.
        public var due: Date
        /// How its completion is judged.
        public var acceptanceCriterion: String
        /// The kind of action.
        public var type: ActionType
        /// Its phase.
        public var phase: ActionPhase

        /// An action as planned.
        public init(_ plan: PlanAction) {
            actionId = plan.actionId
            owner = plan.owner
            due = plan.due
            acceptanceCriterion = plan.acceptanceCriterion
            type = plan.type
            phase = .planned
        }
    }

    /// A cycle as opened.
    public init(opened: ImprovementOpened, at: Date) {
        status = .open
        owner = opened.owner
        trigger = opened.trigger
        evidence = opened.evidence
        objectives = opened.objectives.map(Objective.init)
        actions = []
        previousCycleId = opened.previousCycleId
        suggestionId = opened.suggestionId
        problem = opened.problem
        impactScope = opened.impactScope
        rootCauses = []
        openedAt = at
    }

    /// The action `actionId`, if planned.
    public func action(_ actionId: String) -> Action? { actions.first { $0.actionId == actionId } }

    /// Whether the plan has at least one root cause, objective and action.
    public var planIsComplete: Bool { !rootCauses.isEmpty && !objectives.isEmpty && !actions.isEmpty }

    /// The result window an EvaluateEffect at `now` uses: its own `window`, else from the end of
    /// the Do phase to `now`. The engine measures the result figures over it.
    public func resultWindow(for evaluate: EvaluateEffect, now: Date) -> Period {
        evaluate.window ?? Period(from: doEndedAt ?? doStartedAt ?? openedAt, to: now)
    }
}
