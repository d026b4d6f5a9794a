import BinaryCoding
import Foundation
import Testing

struct Money: Codable, Hashable { var amount: Int; var currency: String }
enum Channel: String, Codable, Hashable { case phone, email }
enum Outcome: Codable, Hashable { case accepted, rejected(reason: String, count: Int) }

struct Everything: Codable, Hashable {
    var text: String
    var flag: Bool
    var small: Int8
    var big: UInt64
    var negative: Int
    var ratio: Double
    var when: Date
    var blob: Data
    var bytes: [UInt8]
    var money: Money?
    var channels: [Channel]
    var nested: [String: [Int]]
    var byNumber: [Int: String]
    var outcome: Outcome
    var missing: String?
}

let sample = Everything(
    text: "李雷 complains", flag: true, small: -7, big: UInt64.max, negative: -123_456_789, ratio: 0.8,
    when: Date(timeIntervalSince1970: 1_772_000_000.123456), blob: Data([0, 1, 2]), bytes: [255, 254],
    money: Money(amount: 500_000, currency: "CNY"), channels: [.phone, .email], nested: ["a": [1, 2], "b": []],
    byNumber: [1: "one", 20: "twenty"], outcome: .rejected(reason: "late", count: 2), missing: nil)

@Suite struct BinaryCodingTests {
    @Test func everyKindOfValueRoundTrips() throws {
        let bytes = try BinaryEncoder().encode(sample)
        let decoded = try BinaryDecoder().decode(Everything.self, from: bytes)
        #expect(decoded == sample)
        #expect(bytes.first == 0xB1)
    }

    @Test func equalValuesGiveEqualBytesWhateverTheDictionaryOrder() throws {
        var other = sample
        other.nested = Dictionary(uniqueKeysWithValues: sample.nested.reversed())
        #expect(try BinaryEncoder().encode(other) == BinaryEncoder().encode(sample))
    }

    @Test func theWireFormatIsStable() throws {
        // Tag 10 map, 2 fields in key order: "amount" → tag 3 zigzag(5000)=10000 → 0x90 0x4E,
        // "currency" → tag 6, 3 bytes "CNY".
        let bytes = try BinaryEncoder().encode(Money(amount: 5000, currency: "CNY"))
        let expected: [UInt8] = [0xB1, 10, 2, 6] + Array("amount".utf8) + [3, 0x90, 0x4E, 8] + Array("currency".utf8)
            + [6, 3] + Array("CNY".utf8)
        #expect(bytes == expected)
    }

    struct Version1: Codable, Equatable { var score: Int; var comment: String? }
    struct Version2: Codable, Equatable { var score: Int; var comment: String?; var method: String? }

    @Test func optionalFieldsCanBeAddedAndUnknownFieldsAreIgnored() throws {
        let old = try BinaryEncoder().encode(Version1(score: 4, comment: "ok"))
        #expect(try BinaryDecoder().decode(Version2.self, from: old) == Version2(score: 4, comment: "ok", method: nil))
        let new = try BinaryEncoder().encode(Version2(score: 5, comment: nil, method: "phone"))
        #expect(try BinaryDecoder().decode(Version1.self, from: new) == Version1(score: 5, comment: nil))
    }

    @Test func anUpcasterCanReshapeTheTreeBeforeDecoding() throws {
        var tree = try BinaryValue(decoding: BinaryEncoder().encode(Version1(score: 3, comment: nil)))
        tree["method"] = .string("questionnaire")
        #expect(try BinaryDecoder().decode(Version2.self, from: tree) == Version2(score: 3, comment: nil, method: "questionnaire"))
    }

    @Test func wrongTypesAndMissingFieldsAreTypedDecodingErrors() throws {
        let money = try BinaryEncoder().encode(Money(amount: 1, currency: "CNY"))
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Version1.self, from: money) }
        struct Narrow: Codable { var amount: Int8; var currency: String }
        let large = try BinaryEncoder().encode(Money(amount: 300, currency: "CNY"))
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Narrow.self, from: large) }
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(Channel.self, from: BinaryEncoder().encode("fax")) }
    }

    static let malformed: [(String, [UInt8])] = [
        ("empty", []),
        ("no marker", [10, 0]),
        ("unknown tag", [0xB1, 99]),
        ("truncated string", [0xB1, 6, 5, 65]),
        ("length past the end", [0xB1, 7, 0xFF, 0xFF, 0xFF, 0x0F]),
        ("trailing bytes", [0xB1, 0, 0]),
        ("invalid UTF-8", [0xB1, 6, 2, 0xC3, 0x28]),
        ("duplicate key", [0xB1, 10, 2, 1, 65, 0, 1, 65, 0]),
        ("overlong varint", [0xB1, 4] + [UInt8](repeating: 0xFF, count: 11) + [1]),
        ("too deep", [0xB1] + [UInt8](repeating: 9, count: 0).flatMap { [$0] } + Array(repeating: [9, 1], count: 300).flatMap { $0 } + [0]),
    ]

    @Test(arguments: malformed.indices)
    func malformedBytesAreRefusedNeverCrash(_ index: Int) {
        #expect(throws: DecodingError.self) { try BinaryValue(decoding: Self.malformed[index].1) }
    }

    @Test func randomValuesRoundTripThroughBytes() throws {
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        func value(depth: Int) -> BinaryValue {
            switch next() % (depth > 3 ? 8 : 10) {
            case 0: return .null
            case 1: return .bool(next() % 2 == 0)
            case 2: return .int(Int64(bitPattern: next() &* 977) >> Int64(next() % 60))
            case 3: return .uint(next() << (next() % 20))
            case 4: return .double(Double(Int64(next() % 100_000)) / 7)
            case 5: return .string(String(repeating: "表x", count: Int(next() % 5)))
            case 6: return .bytes((0..<(next() % 6)).map { _ in UInt8(next() % 256) })
            case 7: return .timestamp(Int64(bitPattern: next()) >> 8)
            case 8: return .array((0..<(next() % 4)).map { _ in value(depth: depth + 1) })
            default: return .map(Dictionary(uniqueKeysWithValues: (0..<(next() % 4)).map { ("k\($0)", value(depth: depth + 1)) }))
            }
        }
        for _ in 0..<2000 {
            let original = value(depth: 0)
            #expect(try BinaryValue(decoding: original.encoded) == original)
        }
    }
}
