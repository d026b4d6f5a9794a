import ComplaintPolicy
import Foundation

/// The automatic rules of DOMAIN.md §5, in the order they run: severity rules first, then the
/// escalation rules in the listed order.
public enum AutomaticRules {
    /// Every rule, in running order.
    public static let all: [AutomaticRule] = [
        AutomaticRule(
            severity: .legalOrSafety, triggers: [.assessment],
            condition: "legalOrSafety factor → severity at least serious (SeverityRaised)", source: "003 §3.2 (CP X12)"
        ) { decision, _ in
            guard decision.complaint.factors?.legalOrSafety == true else { return }
            decision.raiseSeverity(to: .serious, rule: .legalOrSafety, reason: "legal or safety issue: severity at least serious (003 §3.2)")
        },
        AutomaticRule(
            severity: .repeatComplaint, triggers: [.assessment, .classification],
            condition: "≥ repeat.count earlier complaints of the customer in the same category within repeat.days "
                + "(not closed falseComplaint/duplicate) → RepeatComplaintDetected, severity one step above the assessment",
            source: "003 §3.1 history, §3.2 (CP X14); thresholds: policy"
        ) { decision, _ in decision.applyRepeatRule() },
        AutomaticRule(
            escalation: .acknowledgementBreach, triggers: [.acknowledgementBreach],
            condition: "the acknowledgement clock breached", source: "policy (CP X16: no source rule)"
        ) { _, _ in "acknowledgement clock breached" },
        AutomaticRule(
            escalation: .resolutionBreach, triggers: [.resolutionBreach],
            condition: "the resolution clock breached", source: "policy (CP X16: no source rule)"
        ) { _, _ in "resolution clock breached" },
        AutomaticRule(
            escalation: .severeAtAssessment, triggers: [.assessment, .classification],
            condition: "effective severity critical, or serious with urgency urgent",
            source: "003 §3.2 (CP X4, X5; serious + normal stays: policy)"
        ) { decision, _ in
            let state = decision.complaint
            guard let severity = state.severity, severity == .critical || (severity == .serious && state.urgency == .urgent) else { return nil }
            return "severity \(severity.rawValue), urgency \(state.urgency?.rawValue ?? "normal"): special group (003 §3.2)"
        },
        AutomaticRule(
            escalation: .hardToJudge, triggers: [.assessment],
            condition: "complexOrHardToJudge factor", source: "003 §3.2 (CP X1)"
        ) { decision, _ in
            decision.complaint.factors?.complexOrHardToJudge == true ? "complex or hard to judge: report to the superior (003 §3.2)" : nil
        },
        AutomaticRule(
            escalation: .highImpact, triggers: [.receipt, .assessment],
            condition: "amountInvolved ≥ highAmount or emotion angry (at receipt and each assessment), or reputationRisk (at assessment)",
            source: "003 §6.1 (CP X6)"
        ) { decision, trigger in decision.highImpactCause(at: trigger).map { "\($0): a senior manager intervenes (003 §6.1)" } },
        AutomaticRule(
            escalation: .specialGroup, triggers: [.investigationStart],
            condition: "StartInvestigation with a special group", source: "003 §4.3 (CP T7, X8)"
        ) { decision, _ in decision.complaint.specialGroup != nil ? "a special group investigates (003 §4.3)" : nil },
        AutomaticRule(
            escalation: .secondRejection, triggers: [.customerRejection],
            condition: "the second CustomerRejected", source: "policy (CP X9, X10 in spirit)"
        ) { decision, _ in decision.complaint.rejectionCount == 2 ? "the customer rejected the result a second time" : nil },
    ]

    /// The rules `trigger` runs, in order.
    public static func rules(for trigger: RuleTrigger) -> [AutomaticRule] {
        all.filter { $0.triggers.contains(trigger) }
    }
}

extension Decision {
    /// Runs the rules of `trigger` that the policy enables, in order.
    mutating func runRules(_ trigger: RuleTrigger) {
        for rule in AutomaticRules.rules(for: trigger) where policy.isEnabled(rule.key) && !context.faults.disables(rule.key) {
            rule.evaluate(&self, trigger)
        }
    }

    /// Why the highImpact rule applies, if it does.
    func highImpactCause(at trigger: RuleTrigger) -> String? {
        let state = complaint
        if let amount = state.amountInvolved, amount.amount >= policy.highAmount {
            return "amount involved \(amount) ≥ \(policy.highAmount) minor units"
        }
        if state.emotion == .angry { return "customer angry" }
        if trigger == .assessment, state.factors?.reputationRisk == true { return "reputation risk" }
        return nil
    }
}
