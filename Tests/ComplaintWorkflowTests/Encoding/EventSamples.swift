import BinaryCoding
import ComplaintPolicy
import Foundation
@testable import ComplaintWorkflow

/// One deterministic, realistic sample of every event type, with every optional field set, for the
/// golden payloads under `Specs/golden/` and the generated `Specs/event-schema.md`.
///
/// Changing a sample changes its golden bytes: regenerate them (`Specs/golden/README.md`) only when
/// the change is to the sample, never to make a changed wire format pass.
enum EventSamples {
    /// An instant given as whole microseconds since 1970-01-01T00:00:00Z, built exactly as the
    /// binary decoder builds it, so a sample date survives a round trip bit for bit.
    static func at(micros: Int64) -> Date {
        Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    /// Seconds since 1970 of 2026-03-02T09:00:00+08:00 (Monday, Shanghai).
    static let monday9Seconds: Int64 = 1_772_413_200

    /// `monday9` plus `hours` hours and `micros` microseconds.
    static func monday9(plusHours hours: Int64, micros: Int64 = 0) -> Date {
        at(micros: (monday9Seconds + hours * 3600) * 1_000_000 + micros)
    }

    /// The opaque customer id of the samples.
    static let customerId = "cust-7f3a9c"

    /// The sample of `type`.
    static func sample(of type: EventType) -> WorkflowEvent {
        switch type {
        case .complaintReceived:
            .complaintReceived(
                ReceiveComplaint(
                    customer: CustomerDetails(
                        id: customerId, name: "王小明 Wang Xiaoming", phone: "+86 138 0013 8000",
                        email: "wang.xiaoming@example.com"),
                    channel: .onlineChat,
                    description: "電水壺底座漏電，插上電源後手碰外殼有麻感。The kettle base leaks current: a tingle when touching the case.",
                    remedySought: "全額退款並賠償 / full refund and compensation",
                    amountInvolved: money(129_900),
                    orderNumber: "JD-2026-0302-88341",
                    emotion: .angry,
                    attachments: ["att://2026/03/kettle-base-1.jpg", "att://2026/03/聊天記錄.png"],
                    followUpExpectation: "請在24小時內電話回覆 (call back within 24 h)",
                    source: .external))
        case .complaintAcknowledged:
            .complaintAcknowledged(
                AcknowledgeComplaint(channel: .sms, message: "您好，您的投訴已受理，編號 C-2026-0042。We will call you within 2 hours."))
        case .authenticityVerified:
            .authenticityVerified(VerifyAuthenticity(outcome: .genuine, complete: true, methods: [.factCheck, .multiChannel, .expertise]))
        case .complaintClassified:
            .complaintClassified(
                ClassifyComplaint(category: .productQuality, problemClass: .special, source: .external, nature: "產品安全隱患 (product safety hazard)"))
        case .severityAssessed:
            .severityAssessed(
                AssessSeverity(
                    severity: .critical, urgency: .urgent,
                    factors: SeverityFactors(
                        legalOrSafety: true, reputationRisk: true, complexOrHardToJudge: false, impactScope: [.reputation, .otherCustomers]),
                    customerImportance: 2))
        case .complaintAssigned:
            .complaintAssigned(AssignComplaint(owner: "spec-li.na", department: "品質保證部 QA", tracker: "spec-zhao.lei"))
        case .complaintTransferred:
            .complaintTransferred(
                TransferComplaint(toDepartment: "售後服務部 After-sales", toOwner: "spec-chen.yu", reason: "需要上門檢測 (needs an on-site inspection)"))
        case .investigationStarted:
            .investigationStarted(
                StartInvestigation(
                    specialGroup: SpecialGroup(
                        members: ["spec-li.na", "eng-wu.fang", "legal-sun.hao"], departments: ["品質保證部", "研發部 R&D", "法務部 Legal"],
                        coordinator: "mgr-zhou.min")))
        case .progressRecorded:
            .progressRecorded(
                RecordProgress(
                    note: "已致電客戶，約定3月5日上門取件。Courier booked for 5 March.", customerNotified: true, customerReached: true,
                    channel: .phone, estimatedResolutionAt: monday9(plusHours: 57, micros: 123_456)))
        case .rootCauseRecorded:
            .rootCauseRecorded(
                RecordRootCause(
                    causeClass: .production, method: .fishbone,
                    description: "批次 B2602 絕緣墊片漏裝。The insulation washer was left out in batch B2602."))
        case .resolutionProposed:
            .resolutionProposed(
                ResolutionProposed(
                    proposal: ProposeResolution(
                        remedies: [.refund, .compensation, .apology], compensationAmount: money(50_000), responsibility: .company,
                        actionPlan: "全額退款並補償500元；召回同批次產品。Full refund plus 500 CNY; recall batch B2602.",
                        dueAt: monday9(plusHours: 81, micros: 500_000)),
                    requiredApprover: .executive))
        case .resolutionApproved:
            .resolutionApproved(ApproveResolution(note: "同意，儘快執行。Approved, go ahead."))
        case .resolutionRejected:
            .resolutionRejected(RejectResolution(reason: "補償金額需與法務確認 / confirm the amount with Legal first"))
        case .resolutionImplemented:
            .resolutionImplemented(ImplementResolution(actionsDone: "退款 1299.00 元已原路退回；補償 500 元已發放。Refund and compensation paid."))
        case .resultCommunicated:
            .resultCommunicated(CommunicateResult(channel: .phone, rootCauseExplained: true, apologyGiven: true, recourseInformed: false))
        case .customerAccepted:
            .customerAccepted(RecordCustomerResponse(accepted: true, reason: "處理及時，接受方案。Quick and fair."))
        case .customerRejected:
            .customerRejected(RecordCustomerResponse(accepted: false, reason: "補償太少，要求更換新品 (wants a new kettle)"))
        case .satisfactionRecorded:
            .satisfactionRecorded(RecordSatisfaction(score: 4, method: .phone, comment: "客服態度很好，but the refund took 3 days."))
        case .returnVisitRecorded:
            .returnVisitRecorded(RecordReturnVisit(outcome: "回訪：新水壺使用正常。The new kettle works fine.", satisfied: true))
        case .complaintEscalated:
            .complaintEscalated(ComplaintEscalated(fromLevel: 1, toLevel: 4, reason: "涉及人身安全 (personal safety): senior manager informed"))
        case .complaintClosed:
            .complaintClosed(ComplaintClosed(reason: .duplicate, duplicateOf: "C-2026-0017", note: "與 C-2026-0017 重複 / same kettle, same order"))
        case .complaintReopened:
            .complaintReopened(ReopenComplaint(reason: "新水壺再次漏電 (the replacement leaks too)"))
        case .lessonsRecorded:
            .lessonsRecorded(
                RecordLessons(
                    findings: "來料檢驗未覆蓋絕緣墊片；incoming inspection did not cover the washer.", systemic: true,
                    improvementId: "PDCA-2026-03"))
        case .interactionsRecorded:
            .interactionsRecorded(
                RecordInteractions(
                    channel: .onlineChat, count: 18_452,
                    // March 2026 in Shanghai: [2026-03-01T00:00+08:00, 2026-04-01T00:00+08:00).
                    period: Period(from: at(micros: 1_772_294_400_000_000), to: at(micros: 1_774_972_800_000_000))))
        case .customerForgotten:
            .customerForgotten(ForgetCustomer(customerId: customerId))
        case .severityRaised:
            .severityRaised(SeverityRaised(from: .general, to: .serious))
        case .slaWarningRaised:
            .slaWarningRaised(
                SlaClockEvent(clock: .acknowledgement, instance: 1, dueAt: monday9(plusHours: 2), usedMinutes: 96, policyVersion: "standard-1"))
        case .slaBreached:
            .slaBreached(
                SlaClockEvent(
                    clock: .resolution, instance: 2, dueAt: monday9(plusHours: 102, micros: 999_999), usedMinutes: 1080,
                    policyVersion: "category2025-1"))
        case .repeatComplaintDetected:
            .repeatComplaintDetected(RepeatComplaintDetected(repeatOf: ["C-2026-0017", "C-2026-0031"]))
        case .improvementOpened:
            .improvementOpened(ImprovementOpened(opening: improvementOpening, objectives: [objective]))
        case .improvementRootCauseRecorded:
            .improvementRootCauseRecorded(
                RecordImprovementRootCause(causeClass: .processGap, method: .fiveWhy, description: "出庫前沒有包裝檢查 (no packing check before dispatch)"))
        case .objectiveSet:
            .objectiveSet(objective)
        case .actionPlanned:
            .actionPlanned(
                PlanAction(
                    actionId: "a1", owner: "spec-3", due: monday9(plusHours: 336), acceptanceCriterion: "包裝檢查表上線 (packing checklist in use)",
                    type: .process))
        case .planSubmitted:
            .planSubmitted(SubmitPlan())
        case .planApproved:
            .planApproved(ApprovePlan(note: "同意，兩週後檢查 (approved; check in two weeks)"))
        case .planRejected:
            .planRejected(RejectPlan(reason: "目標不明確 (the objective is vague)"))
        case .actionStarted:
            .actionStarted(StartAction(actionId: "a1", note: "倉庫A先行 (warehouse A first)"))
        case .actionCompleted:
            .actionCompleted(CompleteAction(actionId: "a1", note: "all packers trained"))
        case .actionDropped:
            .actionDropped(DropAction(actionId: "a2", note: "superseded by a1"))
        case .effectEvaluated:
            .effectEvaluated(
                EffectEvaluated(
                    window: Period(from: monday9(plusHours: 0), to: monday9(plusHours: 720)), nextCycleId: "PDCA-2026-08",
                    verdict: .partial,
                    objectives: [ObjectiveEvaluation(objectiveId: "o1", kpi: .satisfactionRate, target: 0.9, baselineFigure: 0.8, resultFigure: 0.85)]))
        case .improvementStandardised:
            .improvementStandardised(Standardise(standardReference: "SOP-LOG-007 v2", trainingDone: true))
        case .improvementClosed:
            .improvementClosed(CancelImprovement(reason: "併入 PDCA-2026-09 (merged into another cycle)"))
        case .improvementSuggested:
            .improvementSuggested(
                ImprovementSuggested(
                    suggestionId: "recurringRootCause:processGap:logistics:2026-03", rule: .recurringRootCause,
                    evidence: ["C-2026-0017", "C-2026-0031", "C-2026-0042"],
                    figures: SuggestionFigures(
                        causeClass: .processGap, category: .logistics, count: 5, days: 30, firstClosedAt: monday9(plusHours: 1),
                        lastClosedAt: monday9(plusHours: 600), kpi: .resolutionRate, target: 0.95, values: [0.91, 0.9])))
        }
    }

    /// The improvement cycle opening of the samples, with every optional field set.
    static let improvementOpening = OpenImprovement(
        trigger: .recurringProblem, evidence: ["C-2026-0017", "C-2026-0042"],
        suggestionId: "recurringRootCause:processGap:logistics:2026-03", problem: "包裹破損反覆出現 (damaged parcels keep recurring)",
        impactScope: [.otherCustomers, .reputation], owner: "qa-lead-1", previousCycleId: "PDCA-2026-06")

    /// The objective of the samples.
    static let objective = SetObjective(
        objectiveId: "o1", kpi: .satisfactionRate,
        filter: ObjectiveFilter(category: .logistics, channel: .onlineChat, owner: "agent-7", department: "logistics-cs"),
        baseline: Period(from: at(micros: 1_767_196_800_000_000), to: at(micros: 1_769_875_200_000_000)), target: 0.9)

    /// Every sample, in the order of ``EventType/allCases``.
    static let all: [WorkflowEvent] = EventType.allCases.map(sample(of:))

    /// A real `SatisfactionRecorded` version 1 payload tree: the version 2 sample's data as version 1
    /// wrote it, without `method` (written out by hand, as the old library would have).
    static let satisfactionRecordedV1: BinaryValue = .map([
        "score": .int(4),
        "comment": .string("客服態度很好，but the refund took 3 days."),
    ])

    /// What ``satisfactionRecordedV1`` reads as today: the sample with the upcaster's `questionnaire`.
    static var satisfactionRecordedV1Upcast: WorkflowEvent {
        guard case .satisfactionRecorded(var data) = sample(of: .satisfactionRecorded) else { fatalError("not a SatisfactionRecorded sample") }
        data.method = .questionnaire
        return .satisfactionRecorded(data)
    }
}

/// A payload committed under `Specs/golden/` for an older schema version: its tree and what it
/// decodes to today.
struct HistoricGolden: Sendable, CustomStringConvertible {
    var type: EventType
    var schemaVersion: Int
    var tree: BinaryValue
    var decodesTo: WorkflowEvent

    /// The golden file's name.
    var fileName: String { "\(type.typeName).v\(schemaVersion).b64" }
    var description: String { fileName }

    /// Every historic golden payload.
    static let all: [HistoricGolden] = [
        HistoricGolden(
            type: .satisfactionRecorded, schemaVersion: 1, tree: EventSamples.satisfactionRecordedV1,
            decodesTo: EventSamples.satisfactionRecordedV1Upcast),
    ]
}
