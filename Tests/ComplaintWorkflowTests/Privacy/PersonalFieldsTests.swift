import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow

@Suite("Personal fields")
struct PersonalFieldsTests {
    /// Every listed path exists in the encoded data of a sample event, so a renamed field cannot
    /// silently escape encryption.
    @Test(arguments: [
        (EventType.complaintReceived, WorkflowEvent.complaintReceived(ReceiveComplaint(
            customer: CustomerDetails(id: "cust-1", name: "Li Lei", phone: "13800000000", email: "li@example.com"), channel: .phone,
            description: "damaged", remedySought: "refund", attachments: ["photo-1"], followUpExpectation: "call me"))),
        (.satisfactionRecorded, .satisfactionRecorded(RecordSatisfaction(score: 2, method: .online, comment: "slow"))),
        (.customerRejected, .customerRejected(RecordCustomerResponse(accepted: false, reason: "not enough"))),
    ])
    func listedPathsExist(_ type: EventType, _ event: WorkflowEvent) throws {
        #expect(event.type == type)
        let data = try JSONEncoder().encode(EncodedData(encode: event.encodeData))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for path in PersonalFields.of(type) {
            let value = path.split(separator: ".").reduce(object as Any?) { ($0 as? [String: Any])?[String($1)] }
            #expect(value != nil, "\(type.typeName).\(path)")
        }
    }

    @Test func automaticEventsHoldNoPersonalData() {
        for type in [EventType.slaBreached, .slaWarningRaised, .complaintEscalated, .severityRaised, .repeatComplaintDetected] {
            #expect(PersonalFields.of(type).isEmpty)
        }
    }
}
