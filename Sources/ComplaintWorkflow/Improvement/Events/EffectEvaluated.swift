public import ComplaintPolicy

/// The verdict of an effect evaluation (DOMAIN.md §7; QK §2.3.2 `conclusion`).
public enum EffectVerdict: String, Hashable, Sendable, Codable, CaseIterable {
    /// Every objective reached its target in its KPI's direction.
    case effective
    /// Every objective improved on its baseline in its direction, but not all reached their targets.
    case partial
    /// Anything else, including any null figure.
    case ineffective
}

/// One objective's figures in an evaluation.
public struct ObjectiveEvaluation: Hashable, Sendable, Codable {
    /// The objective.
    public var objectiveId: String
    /// Its KPI.
    public var kpi: KPI
    /// Its target.
    public var target: Double
    /// The KPI over the baseline window; `nil`: no data.
    public var baselineFigure: Double?
    /// The KPI over the result window; `nil`: no data.
    public var resultFigure: Double?
    /// Whether the result reaches the target in the KPI's direction (`false` when null).
    public var reached: Bool
    /// Whether the result is strictly better than the baseline in the KPI's direction (`false`
    /// when either is null).
    public var improved: Bool

    /// Creates the figures of one objective and judges them.
    public init(objectiveId: String, kpi: KPI, target: Double, baselineFigure: Double?, resultFigure: Double?) {
        self.objectiveId = objectiveId
        self.kpi = kpi
        self.target = target
        self.baselineFigure = baselineFigure
        self.resultFigure = resultFigure
        if let resultFigure {
            reached = kpi.direction.reaches(resultFigure, target: target)
            improved = baselineFigure.map { kpi.direction.improves(resultFigure, on: $0) } ?? false
        } else {
            reached = false
            improved = false
        }
    }

    /// Whether a figure is null.
    public var hasNullFigure: Bool { baselineFigure == nil || resultFigure == nil }
}

/// `EffectEvaluated`: the command's fields with the window filled in, and the verdict and the
/// figures the engine measured. `nextCycleId` is present exactly when a next cycle was opened.
public struct EffectEvaluated: Hashable, Sendable, Codable {
    /// The result window used (the command's, or the default).
    public var window: Period
    /// The next cycle opened in the same commit (verdict `partial` or `ineffective`).
    public var nextCycleId: String?
    /// The verdict.
    public var verdict: EffectVerdict
    /// Every objective's figures, in the order they were set.
    public var objectives: [ObjectiveEvaluation]

    /// Creates the event data.
    public init(window: Period, nextCycleId: String?, verdict: EffectVerdict, objectives: [ObjectiveEvaluation]) {
        self.window = window
        self.nextCycleId = nextCycleId
        self.verdict = verdict
        self.objectives = objectives
    }

    /// The verdict rule of DOMAIN.md §7 over judged objectives: `ineffective` when there are none
    /// or any figure is null; `effective` when every one reached its target; `partial` when every
    /// one improved on its baseline; `ineffective` otherwise.
    public static func verdict(of objectives: [ObjectiveEvaluation]) -> EffectVerdict {
        guard !objectives.isEmpty, !objectives.contains(where: \.hasNullFigure) else { return .ineffective }
        if objectives.allSatisfy(\.reached) { return .effective }
        if objectives.allSatisfy(\.improved) { return .partial }
        return .ineffective
    }
}
