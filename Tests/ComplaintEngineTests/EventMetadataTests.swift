import BinaryCoding
@testable import ComplaintEngine
import Testing

/// Metadata documents are put together by hand; they must be the bytes the `Codable` path writes.
@Suite struct EventMetadataTests {
    static let samples: [EventMetadata] = {
        var all: [EventMetadata] = []
        for rule in [nil, "autoEscalation"] {
            for reason in [nil, "", "清晰的原因 with unicode"] {
                for position in [nil, 0, 1, 300, UInt64.max] as [UInt64?] {
                    for customer in [nil, "cust-1"] {
                        all.append(EventMetadata(rule: rule, reason: reason, policyPosition: position, customerId: customer))
                    }
                }
            }
        }
        return all
    }()

    @Test(arguments: samples) func encodedBytesEqualTheCodablePathAndDecodeBack(_ metadata: EventMetadata) throws {
        #expect(try metadata.encoded() == BinaryEncoder().encode(metadata))
        #expect(try EventMetadata.decode(metadata.encoded()) == metadata)
    }
}
