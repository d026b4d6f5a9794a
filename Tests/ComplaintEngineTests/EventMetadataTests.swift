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
        #expect(EventMetadata.scanned(try metadata.encoded()) == metadata, "the byte scanner reads what encoded() writes")
    }

    @Test func shapesTheScannerDoesNotExpectAreReadTheGeneralWay() throws {
        let unusual: [(BinaryValue, EventMetadata)] = [
            (.map(["rule": .string("r"), "extra": .string("ignored")]), EventMetadata(rule: "r")),
            (.map(["reason": .null, "customerId": .string("c")]), EventMetadata(customerId: "c")),
            (.map(["policyPosition": .int(5)]), EventMetadata(policyPosition: 5)),
        ]
        for (tree, expected) in unusual {
            #expect(EventMetadata.scanned(tree.encoded) == nil)
            #expect(try EventMetadata.decode(tree.encoded) == expected)
        }
        let rule = Array("rule".utf8)
        let duplicate: [UInt8] = [0xB1, 10, 2, 4] + rule + [6, 1, 0x61, 4] + rule + [6, 1, 0x62]
        let trailing = try EventMetadata(rule: "r").encoded() + [0]
        let truncated = Array(try EventMetadata(reason: "why").encoded().dropLast())
        for malformed in [duplicate, trailing, truncated] {
            #expect(EventMetadata.scanned(malformed) == nil)
            #expect(throws: (any Error).self) { try EventMetadata.decode(malformed) }
        }
    }
}
