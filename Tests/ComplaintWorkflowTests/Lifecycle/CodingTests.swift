import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

/// Wraps one command's or event's data so JSONEncoder can write it.
struct EncodedData: Encodable {
    var encode: (any Encoder) throws -> Void
    func encode(to encoder: any Encoder) throws { try encode(encoder) }
}

@Suite("Coding of command and event data")
struct CodingTests {
    @Test func commandsDecodeFromTheirFieldNames() throws {
        let json = Data(#"{"customer": {"id": "cust-9", "name": "Li Lei"}, "channel": "phone", "description": "Parcel damaged", "amountInvolved": {"amount": 1500, "currency": "CNY"}}"#.utf8)
        struct Probe: Decodable {
            let command: WorkflowCommand
            init(from decoder: any Decoder) throws { command = try WorkflowCommand(name: .receiveComplaint, from: decoder) }
        }
        let command = try JSONDecoder().decode(Probe.self, from: json).command
        guard case .receiveComplaint(let receive) = command else { Issue.record("wrong command"); return }
        #expect(receive.customer.id == "cust-9")
        #expect(receive.amountInvolved == money(1500))
        #expect(receive.source == nil)
    }

    @Test func missingFactorsAndFlagsDefaultToFalse() throws {
        struct Probe: Decodable {
            let command: WorkflowCommand
            init(from decoder: any Decoder) throws { command = try WorkflowCommand(name: .assessSeverity, from: decoder) }
        }
        let bare = try JSONDecoder().decode(Probe.self, from: Data(#"{"severity": "serious", "urgency": "urgent"}"#.utf8)).command
        #expect(bare == .assessSeverity(AssessSeverity(severity: .serious, urgency: .urgent)))
        let partial = try JSONDecoder().decode(Probe.self, from: Data(#"{"severity": "general", "urgency": "normal", "factors": {"legalOrSafety": true}}"#.utf8)).command
        #expect(partial == .assessSeverity(AssessSeverity(severity: .general, urgency: .normal, factors: SeverityFactors(legalOrSafety: true))))
    }

    @Test func unknownValuesAreRefused() {
        let json = Data(#"{"severity": "catastrophic", "urgency": "urgent", "factors": {"legalOrSafety": false, "reputationRisk": false, "complexOrHardToJudge": false}}"#.utf8)
        struct Probe: Decodable {
            init(from decoder: any Decoder) throws { _ = try WorkflowCommand(name: .assessSeverity, from: decoder) }
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Probe.self, from: json) }
    }

    @Test func eventDataRoundTripsFlat() throws {
        let proposed = WorkflowEvent.resolutionProposed(ResolutionProposed(proposal: Sample.propose(compensation: 200_000), requiredApprover: .supervisorOrAbove))
        let encoded = try JSONEncoder().encode(EncodedData(encode: proposed.encodeData))
        let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(object["requiredApprover"] as? String == "supervisor+")
        #expect(object["actionPlan"] as? String == "Refund and apologise")
        struct Probe: Decodable {
            let event: WorkflowEvent
            init(from decoder: any Decoder) throws { event = try WorkflowEvent(type: .resolutionProposed, from: decoder) }
        }
        #expect(try JSONDecoder().decode(Probe.self, from: encoded).event == proposed)
    }
}
