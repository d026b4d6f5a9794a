import ComplaintPolicy
import ComplaintWorkflow
import Foundation
import ComplaintEngine
import EventLog

/// How one simulated complaint will go: what the customer reports and how the people handling it
/// behave. Drawn from the seeded generator when the complaint arrives.
struct DemoProfile {
    enum Pace { case fast, slow, stalled }
    enum FollowUp { case onTime, late, skipped }

    var customer: String
    var channel: Channel
    var category: Category
    var severity: Severity
    var urgency: Urgency
    var factors: SeverityFactors
    var emotion: Emotion
    var amount: Int?
    var compensation: Int?
    var acknowledgementDelay: TimeInterval
    var pace: Pace
    var owner: String
    var causeClass: CauseClass
    var satisfaction: Int
    var followUp: FollowUp
    var falseComplaint = false
    var withdraws = false
    var transfers = false
    var specialGroup = false
    var escalatesByHand = false
    var approvalRejected = false
    var rejectsOnce = false
    var reopens = false

    /// The root cause each category usually has (7 of 10 complaints), so causes recur.
    static let typicalCause: [Category: CauseClass] = [
        .serviceAttitude: .staffCapability, .productQuality: .production, .afterSales: .processGap,
        .orderHandling: .systemDefect, .logistics: .processGap, .systemTech: .systemDefect, .other: .other,
    ]

    static func draw(_ random: inout DemoRandom, customer: String, owners: Int, improved: Category?) -> DemoProfile {
        let channel: Channel = random.pick([
            (.phone, 30), (.onlineChat, 25), (.email, 10), (.socialMedia, 8), (.companyApp, 15), (.inStore, 7), (.thirdPartyPlatform, 5),
        ])
        let category: Category = random.pick([
            (.logistics, 24), (.productQuality, 20), (.afterSales, 16), (.orderHandling, 14), (.serviceAttitude, 12),
            (.systemTech, 9), (.other, 5),
        ])
        let severity: Severity = random.pick([(.general, 70), (.serious, 23), (.critical, 7)])
        let urgency: Urgency = random.chance(0.2) ? .urgent : .normal
        let factors = SeverityFactors(
            legalOrSafety: random.chance(0.03), reputationRisk: false, complexOrHardToJudge: random.chance(0.05))
        let emotion: Emotion = random.pick([(.calm, 40), (.dissatisfied, 30), (.disappointed, 15), (.anxious, 11), (.angry, 4)])
        let amount = random.chance(0.3) ? random.int(2_000...300_000) : nil
        let compensation = random.chance(0.15) ? random.int(5_000...180_000) : nil
        let late = random.chance(0.14)
        let acknowledgementDelay = TimeInterval(late ? random.int(125...420) * 60 : random.int(4...100) * 60)
        let pace: Pace = category == improved
            ? random.pick([(.fast, 90), (.slow, 9), (.stalled, 1)])
            : random.pick([(.fast, 55), (.slow, 33), (.stalled, 12)])
        let typical = typicalCause[category] ?? .other
        let causeClass: CauseClass = random.chance(0.7)
            ? typical : random.pick(CauseClass.allCases.map { ($0, 1) })
        let satisfaction = pace == .fast ? random.pick([(5, 50), (4, 35), (3, 10), (2, 5)]) : random.pick([(5, 15), (4, 30), (3, 30), (2, 15), (1, 10)])
        let followUp: FollowUp = random.pick([(.onTime, 70), (.late, 15), (.skipped, 15)])
        var profile = DemoProfile(
            customer: customer, channel: channel, category: category, severity: severity, urgency: urgency, factors: factors,
            emotion: emotion, amount: amount, compensation: compensation, acknowledgementDelay: acknowledgementDelay, pace: pace,
            owner: "specialist-\(random.int(1...owners))", causeClass: causeClass, satisfaction: satisfaction, followUp: followUp)
        profile.falseComplaint = random.chance(0.02)
        profile.withdraws = !profile.falseComplaint && random.chance(0.03)
        profile.transfers = random.chance(0.06)
        profile.specialGroup = random.chance(0.03)
        profile.escalatesByHand = random.chance(0.05)
        profile.approvalRejected = random.chance(0.3)
        profile.rejectsOnce = random.chance(0.1)
        profile.reopens = random.chance(0.08)
        return profile
    }

    /// The pause before the handler's next step.
    func stepDelay(_ random: inout DemoRandom) -> TimeInterval {
        switch pace {
        case .fast: TimeInterval(random.int(10...90) * 60)
        case .slow: TimeInterval(random.int(120...420) * 60)
        case .stalled: TimeInterval(random.int(600...1_500) * 60)
        }
    }
}
