import ComplaintPolicy

/// The lifecycle as data: one row per command (DOMAIN.md §3). Authorization, `decide`, the tests
/// and `Specs/workflow.md` all read this table.
public enum TransitionTable {
    /// Every row, in the order of DOMAIN.md §3.
    public static let rows: [Transition] = [
        Transition(
            .receiveComplaint, events: [.complaintReceived], roles: .customerOrAgent, stream: .newComplaint,
            from: nil, to: [.received],
            preconditions: [.init(.customerForgotten, "the customer was not forgotten")],
            source: "003 §2.2, §4.3 step 一; 002 §6.2 (CP T1)"),
        Transition(
            .acknowledgeComplaint, events: [.complaintAcknowledged], roles: .agentOrAbove,
            preconditions: [.init(.invalidTransition, "not yet acknowledged")],
            source: "003 §5.3, §6.1 (CP T2)"),
        Transition(
            .verifyAuthenticity, events: [.authenticityVerified], roles: .agentOrAbove,
            source: "003 §2.3, §3.1 (CP T3)"),
        Transition(
            .classifyComplaint, events: [.complaintClassified], roles: .agentOrAbove,
            source: "002 §6.1, §6.2; 003 §2.3 (CP T4); 004 §4.1.1 (QK §5.1)"),
        Transition(
            .assessSeverity, events: [.severityAssessed],
            roles: RoleRule(minimumRank: .agent, refinement: .loweringNeeds(.supervisor)),
            source: "003 §3.2, §4.3 step 三 (CP T5, T5a)"),
        Transition(
            .assignComplaint, events: [.complaintAssigned],
            roles: RoleRule(minimumRank: .agent, refinement: .selfAssignmentBelow(.supervisor)),
            to: [.assigned], toCondition: "from `received`; re-assigning leaves the status",
            preconditions: [.init(.notClassified, "classified"), .init(.notAssessed, "assessed")],
            source: "003 §2.3, §6.1 (CP T6)"),
        Transition(
            .transferComplaint, events: [.complaintTransferred], roles: RoleRule(minimumRank: .specialist),
            preconditions: [.init(.invalidTransition, "has an owner")],
            source: "000 §9.1 (QK M3); 003 §2.3"),
        Transition(
            .startInvestigation, events: [.investigationStarted], roles: .ownerOrSpecialist,
            from: .only(.assigned), to: [.investigating],
            source: "003 §4.3 steps 四–五 (CP T7)"),
        Transition(
            .recordProgress, events: [.progressRecorded], roles: .ownerOrSpecialist,
            source: "003 §2.3, §6.1 (CP T8, T8a)"),
        Transition(
            .recordRootCause, events: [.rootCauseRecorded], roles: .ownerOrSpecialist,
            from: StatusRule(open: ComplaintStatus.investigatingOrLater),
            source: "003 §4.2 (CP T8b)"),
        Transition(
            .proposeResolution, events: [.resolutionProposed], roles: .ownerOrSpecialist,
            from: .only(.investigating), to: [.awaitingApproval, .implementing], toCondition: "by the approval rule",
            source: "003 §4.3 step 六 (CP T9)"),
        Transition(
            .approveResolution, events: [.resolutionApproved],
            roles: RoleRule(minimumRank: .supervisor, refinement: .approvalRule),
            from: .only(.awaitingApproval), to: [.implementing],
            source: "003 §4.3 經公司高層審批 (CP T10, X8); supervisor+ path: policy"),
        Transition(
            .rejectResolution, events: [.resolutionRejected],
            roles: RoleRule(minimumRank: .supervisor, refinement: .approvalRule),
            from: .only(.awaitingApproval), to: [.investigating],
            source: "policy (CP T10a: the sources name no rejection)"),
        Transition(
            .implementResolution, events: [.resolutionImplemented], roles: .ownerOrSpecialist,
            from: StatusRule(open: [.implementing], approvalRequiredWhileAwaitingApproval: true),
            source: "003 §4.3 step 六 (CP T11)"),
        Transition(
            .communicateResult, events: [.resultCommunicated], roles: .ownerOrSpecialist,
            from: StatusRule(open: [.implementing], approvalRequiredWhileAwaitingApproval: true),
            to: [.awaitingCustomer],
            preconditions: [.init(.notImplemented, "the resolution was implemented")],
            source: "003 §6.2; 002 §6.2 (CP T12)"),
        Transition(
            .recordCustomerResponse, events: [.customerAccepted, .customerRejected], roles: .customerOrAgent,
            from: .only(.awaitingCustomer), to: [.resolved, .investigating], toCondition: "accepted / rejected (`rejectionCount` + 1)",
            source: "003 §6.2, §4.3 step 七 (CP T13, T14)"),
        Transition(
            .recordSatisfaction, events: [.satisfactionRecorded], roles: .customerOrAgent,
            from: StatusRule(open: [.resolved], closed: .resolvedOnly),
            source: "003 §5.3, §2.3 (CP T15)"),
        Transition(
            .recordReturnVisit, events: [.returnVisitRecorded], roles: .agentOrAbove,
            from: StatusRule(open: [.resolved], closed: .resolvedOnly),
            source: "003 §6.1; 002 §2.3 (CP T16)"),
        Transition(
            .escalateComplaint, events: [.complaintEscalated], roles: .agentOrAbove,
            preconditions: [.init(.validationFailed, "toLevel > current (field toLevel)")],
            source: "003 §3.2, §6.1 (CP T19, X1, X6)"),
        Transition(
            .rejectAsFalse, events: [.complaintClosed], roles: RoleRule(minimumRank: .supervisor),
            to: [.closed],
            preconditions: [.init(.authenticityNotFalse, "authenticity falseMalicious or falseMisunderstanding")],
            source: "003 §3.1 detection (CP T3a); closing: policy"),
        Transition(
            .withdrawComplaint, events: [.complaintClosed], roles: .customerOrAgent, to: [.closed],
            source: "policy (CP §1.3: not in the sources)"),
        Transition(
            .closeComplaint, events: [.complaintClosed],
            roles: RoleRule(minimumRank: .supervisor, owner: true), to: [.closed],
            preconditions: [
                .init(.invalidTransition, "reason resolved: status resolved"),
                .init(.notEnoughContactAttempts, "reason unreachable: ≥ unreachableAttempts failed contact attempts since the latest ResultCommunicated"),
                .init(.unknownStream, "reason duplicate: duplicateOf names an existing complaint"),
            ],
            source: "003 §4.3 step 八 歸檔 (CP T17); reasons: policy"),
        Transition(
            .reopenComplaint, events: [.complaintReopened], roles: .customerOrAgent,
            from: StatusRule(open: [.resolved], closed: .resolvedOnly), to: [.investigating],
            preconditions: [.init(.reopenWindowExpired, "within reopenWindowDays × 24 h of the latest CustomerAccepted")],
            source: "003 §4.3, §6.2; 002 §2.3 (CP T14, T15a, X10); window: policy"),
        Transition(
            .recordLessons, events: [.lessonsRecorded],
            roles: RoleRule(minimumRank: .supervisor, roles: [.qualityAnalyst], owner: true),
            from: StatusRule(open: [], closed: .any),
            source: "003 §6.1, §4.3 step 八 (CP T18); 004 §4.3 (QK §5.5)"),
        Transition(
            .recordInteractions, events: [.interactionsRecorded], roles: .agentOrAbove, stream: .interactions,
            from: nil, source: "000 §9.1 (QK M2)"),
        Transition(
            .forgetCustomer, events: [.customerForgotten], roles: RoleRule(roles: [.dataProtectionOfficer]),
            stream: .customer, from: nil,
            preconditions: [.init(.unknownCustomer, "the customer is known"), .init(.customerForgotten, "not already forgotten")],
            source: "PIPL (QK §6.1); DOMAIN.md §8"),
    ]

    private static let byCommand: [CommandName: Transition] = Dictionary(uniqueKeysWithValues: rows.map { ($0.command, $0) })

    /// The row of `command`.
    public static func row(for command: CommandName) -> Transition { byCommand[command]! }
}
