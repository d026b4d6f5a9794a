import ComplaintPolicy

/// The improvement (PDCA) lifecycle as data: one row per command (DOMAIN.md §7). Authorization,
/// ``decideImprovement(_:_:_:)``, the tests and `Specs/workflow.md` all read this table.
public enum ImprovementTable {
    /// "owner, qualityAnalyst, supervisor+".
    static let planners = ImprovementRoleRule(minimumRank: .supervisor, roles: [.qualityAnalyst], cycleOwner: true)
    /// "manager+".
    static let managers = ImprovementRoleRule(minimumRank: .manager)
    /// "action owner, cycle owner".
    static let actionOwners = ImprovementRoleRule(cycleOwner: true, actionOwner: true)
    /// The action commands' preconditions.
    static let actionPreconditions: [Transition.Precondition] = [.init(.validationFailed, "the action is in the plan (field actionId)")]

    /// Every row, in the order of DOMAIN.md §7.
    public static let rows: [ImprovementTransition] = [
        ImprovementTransition(
            .openImprovement, events: [.improvementOpened], roles: ImprovementRoleRule(minimumRank: .supervisor, roles: [.qualityAnalyst]),
            creates: true, from: [], to: [.open],
            source: "001 §5.1 problem report, 001 §3.4 improvement committee; triggers QK §2.5"),
        ImprovementTransition(
            .recordImprovementRootCause, events: [.improvementRootCauseRecorded], roles: planners, from: [.open],
            source: "001 §5.4 RCA; 004 §4.3.1 系統缺陷、流程漏洞、人員能力不足 (QK §2.1 Plan)"),
        ImprovementTransition(
            .setObjective, events: [.objectiveSet], roles: planners, from: [.open],
            source: "000 §3.1 measurable, time-bound; 001 §3.2 SMART (QK §2.1, §2.3.2 objectives)"),
        ImprovementTransition(
            .planAction, events: [.actionPlanned], roles: planners, from: [.open],
            source: "001 §3.4 責任人, 時間節點, 考核標準; types 004 §4.3.2, 001 §5.4 (QK §2.1, §2.3.3)"),
        ImprovementTransition(
            .submitPlan, events: [.planSubmitted], roles: ImprovementRoleRule(cycleOwner: true), from: [.open], to: [.awaitingApproval],
            preconditions: [.init(.planIncomplete, "≥ 1 root cause, objective and action")],
            source: "000 §11.1 提交方案至相關部門審批 (QK §2.1 Plan, §2.4)"),
        ImprovementTransition(
            .approvePlan, events: [.planApproved], roles: managers, from: [.awaitingApproval], to: [.doing],
            source: "000 §11.1 (QK §2.4); approver rank: policy"),
        ImprovementTransition(
            .rejectPlan, events: [.planRejected], roles: managers, from: [.awaitingApproval], to: [.open],
            source: "QK §2.4 (proposal); policy"),
        ImprovementTransition(
            .startAction, events: [.actionStarted], roles: actionOwners, from: [.doing],
            preconditions: actionPreconditions + [.init(.invalidTransition, "the action is `planned`")],
            source: "001 §7.3 execute and monitor; 000 §11.1 (QK §2.1 Do; phases QK §2.3.3, proposal)"),
        ImprovementTransition(
            .completeAction, events: [.actionCompleted], roles: actionOwners, from: [.doing], to: [.checking],
            toCondition: "when every action is completed or dropped",
            preconditions: actionPreconditions + [.init(.invalidTransition, "the action is `planned` or `started`")],
            source: "001 §7.3 (QK §2.1 Do, §2.4 all actions DONE/DROPPED → CHECKING)"),
        ImprovementTransition(
            .dropAction, events: [.actionDropped], roles: actionOwners, from: [.doing], to: [.checking],
            toCondition: "when every action is completed or dropped",
            preconditions: actionPreconditions + [.init(.invalidTransition, "the action is `planned` or `started`")],
            source: "QK §2.3.3 DROPPED, §2.4 (proposal)"),
        ImprovementTransition(
            .evaluateEffect, events: [.effectEvaluated], roles: ImprovementRoleRule(minimumRank: .supervisor, roles: [.qualityAnalyst]),
            from: [.checking], to: [.standardising, .closed],
            toCondition: "`effective` → `standardising`; `partial` or `ineffective` → `closed`, outcome `nextCycle`, ImprovementOpened in stream `nextCycleId`",
            preconditions: [
                .init(.validationFailed, "verdict effective or nextCycleId given (field nextCycleId)"),
                .init(.streamExists, "stream nextCycleId does not exist"),
            ],
            source: "001 §5.4, §7.4; 004 §4.3.1 效果評估 (QK §2.1 Check, §2.4, §2.6); 000 §11.1 adjust and rerun"),
        ImprovementTransition(
            .standardise, events: [.improvementStandardised], roles: ImprovementRoleRule(minimumRank: .supervisor, cycleOwner: true),
            from: [.standardising], to: [.closed], toCondition: "outcome `standardised`",
            source: "000 §4.2 服務標準; 001 §7.4 training; 004 §2.3 (QK §2.1 Act, §2.6)"),
        ImprovementTransition(
            .cancelImprovement, events: [.improvementClosed], roles: managers, from: ImprovementStatus.openStatuses, to: [.closed],
            toCondition: "outcome `cancelled`",
            source: "QK §2.4 any non-closed → CLOSED(CANCELLED) (proposal); policy"),
    ]

    private static let byCommand: [CommandName: ImprovementTransition] = Dictionary(uniqueKeysWithValues: rows.map { ($0.command, $0) })

    /// The row of `command`; `nil` for a complaint-stream command.
    public static func row(for command: CommandName) -> ImprovementTransition? { byCommand[command] }
}
