import BinaryCoding
import ComplaintPolicy
import Foundation
import Testing
@testable import ComplaintWorkflow
import SeededRandom

/// Expects `body` to fail the way every unreadable payload must: `validationFailed`, rule `decoding`.
func expectDecodingFailure(
    _ what: @autoclosure () -> String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> WorkflowEvent
) {
    do {
        let event = try body()
        Issue.record("\(what()) decoded as \(event)", sourceLocation: sourceLocation)
    } catch let error as WorkflowError {
        #expect(error.code == .validationFailed, "\(what()): \(error)", sourceLocation: sourceLocation)
        #expect(error.rule == "decoding", "\(what()): \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("\(what()) threw \(error), not a WorkflowError", sourceLocation: sourceLocation)
    }
}

/// Whether `body` either decodes or fails as `validationFailed`/`decoding` (never anything else).
@discardableResult
func decodesOrFailsCleanly(_ what: @autoclosure () -> String, _ body: () throws -> WorkflowEvent) -> Bool {
    do {
        _ = try body()
        return true
    } catch let error as WorkflowError {
        #expect(error.code == .validationFailed && error.rule == "decoding", "\(what()): \(error)")
        return false
    } catch {
        Issue.record("\(what()) threw \(error), not a WorkflowError")
        return false
    }
}

@Suite("Golden event payloads (Specs/golden)")
struct GoldenEventTests {
    let codec = EventCodec()

    // MARK: The samples

    @Test func samplesCoverEveryEventTypeExactlyOnce() {
        #expect(EventSamples.all.map(\.type) == EventType.allCases)
        for type in EventType.allCases {
            #expect(EventSamples.sample(of: type).type == type)
        }
    }

    @Test func sampleInstantsAreTheIntendedOnes() {
        #expect(EventSamples.monday9(plusHours: 0) == instant("2026-03-02T09:00:00+08:00"))
        guard case .interactionsRecorded(let interactions) = EventSamples.sample(of: .interactionsRecorded) else {
            Issue.record("wrong sample")
            return
        }
        #expect(interactions.period.from == instant("2026-03-01T00:00:00+08:00"))
        #expect(interactions.period.to == instant("2026-04-01T00:00:00+08:00"))
    }

    @Test("Every optional field of every sample is set, and no list is empty", arguments: EventType.allCases)
    func samplesSetEveryField(type: EventType) {
        let gaps = EventSamples.unsetFields(in: EventSamples.sample(of: type).data)
        #expect(gaps.isEmpty, "unset or empty in \(type.typeName): \(gaps)")
    }

    @Test("Every sample passes its command's validation", arguments: EventType.allCases)
    func samplesAreValidCommandData(type: EventType) throws {
        guard let payload = EventSamples.sample(of: type).data as? any CommandPayload else { return }
        try payload.validate(policy: .standard)
    }

    // MARK: Current schema versions

    @Test("The golden payload decodes to the sample and the sample encodes to the golden payload", arguments: EventType.allCases)
    func goldenMatchesSample(type: EventType) throws {
        let sample = EventSamples.sample(of: type)
        let encoded = try codec.encode(sample)
        #expect(try codec.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, payload: encoded) == sample)
        let name = GoldenFiles.fileName(of: type)
        if GoldenFiles.regenerating {
            try GoldenFiles.write(encoded, to: name)
            return
        }
        let golden = try GoldenFiles.read(name)
        #expect(encoded == golden, "\(name): the encoding of the sample changed (a field name or the wire format)")
        #expect(try codec.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, payload: golden) == sample)
    }

    @Test func goldenDirectoryHoldsExactlyTheExpectedFiles() throws {
        guard !GoldenFiles.regenerating else { return }
        let expected = Set(EventType.allCases.map(GoldenFiles.fileName(of:)) + HistoricGolden.all.map(\.fileName))
        #expect(try GoldenFiles.committedNames() == expected)
    }

    // MARK: Older schema versions

    @Test("A historic golden payload decodes through the shipped upcasters", arguments: HistoricGolden.all)
    func historicGoldenDecodes(historic: HistoricGolden) throws {
        #expect(historic.schemaVersion < historic.type.schemaVersion)
        let encoded = historic.tree.encoded
        if GoldenFiles.regenerating {
            try GoldenFiles.write(encoded, to: historic.fileName)
            return
        }
        let golden = try GoldenFiles.read(historic.fileName)
        #expect(golden == encoded)
        #expect(try BinaryValue(decoding: golden) == historic.tree)
        let decoded = try codec.decode(typeName: historic.type.typeName, schemaVersion: historic.schemaVersion, payload: golden)
        #expect(decoded == historic.decodesTo)
    }

    @Test func satisfactionV1IsTheV2SampleWithoutMethod() throws {
        let sample = EventSamples.sample(of: .satisfactionRecorded)
        guard case .satisfactionRecorded(let data) = sample else { Issue.record("wrong sample"); return }
        // The v2 sample must not already say `questionnaire`, or the upcaster would go unseen.
        #expect(data.method != .questionnaire)
        var withoutMethod = try codec.tree(of: sample)
        withoutMethod["method"] = nil
        #expect(withoutMethod == EventSamples.satisfactionRecordedV1)
    }

    @Test func satisfactionV1UpcastsToQuestionnaire() throws {
        let golden = try GoldenFiles.readUnlessRegenerating("SatisfactionRecorded.v1.b64", else: EventSamples.satisfactionRecordedV1.encoded)
        let decoded = try codec.decode(typeName: "SatisfactionRecorded", schemaVersion: 1, payload: golden)
        guard case .satisfactionRecorded(let upcast) = decoded,
            case .satisfactionRecorded(let sample) = EventSamples.sample(of: .satisfactionRecorded)
        else {
            Issue.record("decoded \(decoded)")
            return
        }
        #expect(upcast.method == .questionnaire)
        #expect(upcast.score == sample.score)
        #expect(upcast.comment == sample.comment)
        #expect(RecordSatisfaction(score: upcast.score, method: sample.method, comment: upcast.comment) == sample)
    }

    @Test func satisfactionV1WithoutTheUpcasterFails() throws {
        let golden = try GoldenFiles.readUnlessRegenerating("SatisfactionRecorded.v1.b64", else: EventSamples.satisfactionRecordedV1.encoded)
        expectDecodingFailure("v1 without upcasters") {
            try EventCodec(upcasters: [:]).decode(typeName: "SatisfactionRecorded", schemaVersion: 1, payload: golden)
        }
        // Claimed as version 2, the payload lacks the now required `method`.
        expectDecodingFailure("v1 claimed as v2") {
            try codec.decode(typeName: "SatisfactionRecorded", schemaVersion: 2, payload: golden)
        }
    }

    @Test func everyStepAboveVersionOneHasAShippedUpcasterAndAHistoricGolden() {
        for type in EventType.allCases where type.schemaVersion > 1 {
            for version in 1..<type.schemaVersion {
                #expect(EventCodec.shippedUpcasters[type]?[version] != nil, "\(type.typeName) \(version) → \(version + 1)")
                #expect(
                    HistoricGolden.all.contains { $0.type == type && $0.schemaVersion == version },
                    "no golden payload of \(type.typeName) v\(version)")
            }
        }
    }

    // MARK: Refusals

    @Test(
        "Unknown event type names are refused",
        arguments: ["ComplaintDeleted", "", "complaintReceived", "ComplaintReceived ", "PolicyActivated", "ImprovementOpened", "投訴受理"])
    func unknownTypeNameFails(name: String) throws {
        let payload = try codec.encode(EventSamples.sample(of: .complaintReceived))
        expectDecodingFailure(name) { try codec.decode(typeName: name, schemaVersion: 1, payload: payload) }
    }

    @Test("Schema versions outside 1…current are refused", arguments: EventType.allCases)
    func unknownSchemaVersionFails(type: EventType) throws {
        let payload = try codec.encode(EventSamples.sample(of: type))
        for version in [type.schemaVersion + 1, type.schemaVersion + 100, Int.max, 0, -1, Int.min] {
            expectDecodingFailure("\(type.typeName) v\(version)") {
                try codec.decode(typeName: type.typeName, schemaVersion: version, payload: payload)
            }
        }
    }

    @Test("Every truncation of a golden payload is refused", arguments: EventType.allCases)
    func truncatedPayloadFails(type: EventType) throws {
        let payload = try codec.encode(EventSamples.sample(of: type))
        for length in 0..<payload.count {
            expectDecodingFailure("\(type.typeName) cut to \(length) of \(payload.count) bytes") {
                try codec.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, payload: Array(payload.prefix(length)))
            }
        }
    }

    @Test("Every single-byte corruption is refused or decodes; nothing crashes", arguments: EventType.allCases)
    func corruptedPayloadNeverCrashes(type: EventType) throws {
        let payload = try codec.encode(EventSamples.sample(of: type))
        for index in payload.indices {
            for change: (UInt8) -> UInt8 in [{ $0 ^ 0xFF }, { $0 &+ 1 }, { $0 ^ 0x80 }, { _ in 0 }] {
                var corrupted = payload
                corrupted[index] = change(corrupted[index])
                guard corrupted != payload else { continue }
                decodesOrFailsCleanly("\(type.typeName) byte \(index)") {
                    try codec.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, payload: corrupted)
                }
            }
        }
        // The tag, length or marker bytes that frame the document always matter.
        var badMarker = payload
        badMarker[0] = 0xB0
        expectDecodingFailure("\(type.typeName) with marker 0xB0") {
            try codec.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, payload: badMarker)
        }
        expectDecodingFailure("\(type.typeName) with a trailing byte") {
            try codec.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, payload: payload + [0])
        }
    }

    /// Documents that are malformed at the wire level, decoded as `ResolutionApproved` (whose only
    /// field is optional, so only the wire layer can refuse them) and as `ComplaintReceived`.
    static let malformed: [(String, [UInt8])] = [
        ("empty", []),
        ("marker only", [0xB1]),
        ("no marker", [0x0A, 0x00]),
        ("unknown tag 11", [0xB1, 0x0B]),
        ("unknown tag 0xFF", [0xB1, 0xFF]),
        ("string running past the end", [0xB1, 0x0A, 0x01, 0x04, 0x6E, 0x6F, 0x74, 0x65, 0x06, 0x10, 0x61]),
        ("invalid UTF-8 in a string", [0xB1, 0x0A, 0x01, 0x04, 0x6E, 0x6F, 0x74, 0x65, 0x06, 0x02, 0xC3, 0x28]),
        ("invalid UTF-8 in a key", [0xB1, 0x0A, 0x01, 0x02, 0xC3, 0x28, 0x00]),
        ("duplicate key", [0xB1, 0x0A, 0x02, 0x01, 0x61, 0x00, 0x01, 0x61, 0x00]),
        ("varint of 11 bytes", [0xB1, 0x04] + [UInt8](repeating: 0xFF, count: 10) + [0x01]),
        ("map of 2^32 - 1 fields", [0xB1, 0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
        ("array of 2^63 items", [0xB1, 0x09] + [UInt8](repeating: 0xFF, count: 8) + [0x7F]),
        ("bytes of 2^63 bytes", [0xB1, 0x07] + [UInt8](repeating: 0xFF, count: 8) + [0x7F]),
        ("truncated double", [0xB1, 0x05, 0x00, 0x00]),
        ("nesting 257 deep", [0xB1] + Array([[UInt8]](repeating: [0x09, 0x01], count: 257).joined()) + [0x00]),
        ("nesting 100 000 deep", [0xB1] + Array([[UInt8]](repeating: [0x09, 0x01], count: 100_000).joined()) + [0x00]),
        ("top level is null", [0xB1, 0x00]),
        ("top level is a string", [0xB1, 0x06, 0x00]),
        ("top level is an array", [0xB1, 0x09, 0x00]),
        ("top level is an integer", [0xB1, 0x03, 0x02]),
        ("note is an integer", [0xB1, 0x0A, 0x01, 0x04, 0x6E, 0x6F, 0x74, 0x65, 0x03, 0x02]),
    ]

    @Test func malformedDocumentsFail() {
        for (name, bytes) in Self.malformed {
            for type in [EventType.resolutionApproved, .complaintReceived] {
                expectDecodingFailure("\(name) as \(type.typeName)") {
                    try codec.decode(typeName: type.typeName, schemaVersion: 1, payload: bytes)
                }
            }
        }
    }

    /// Well-formed documents whose values break the event's types or value sets.
    @Test func wrongValuesFail() throws {
        var tree = try codec.tree(of: EventSamples.sample(of: .satisfactionRecorded))
        let cases: [(String, String, BinaryValue)] = [
            ("method outside its value set", "method", .string("telepathy")),
            ("score as a string", "score", .string("4")),
            ("score too large for Int", "score", .uint(UInt64.max)),
            ("method missing", "method", .null),
        ]
        for (name, key, value) in cases {
            var broken = tree
            broken[key] = value == .null ? nil : value
            expectDecodingFailure(name) { try codec.decode(typeName: "SatisfactionRecorded", schemaVersion: 2, payload: broken.encoded) }
        }
        tree = try codec.tree(of: EventSamples.sample(of: .complaintReceived))
        var negative = tree
        negative["amountInvolved"] = .map(["amount": .int(-1), "currency": .string("CNY")])
        expectDecodingFailure("negative amount") { try codec.decode(typeName: "ComplaintReceived", schemaVersion: 1, payload: negative.encoded) }
        var noCustomerId = tree
        noCustomerId["customer"]?["id"] = nil
        expectDecodingFailure("customer without id") { try codec.decode(typeName: "ComplaintReceived", schemaVersion: 1, payload: noCustomerId.encoded) }
        var badCategory = try codec.tree(of: EventSamples.sample(of: .complaintClassified))
        badCategory["category"] = .string("產品質量")
        expectDecodingFailure("category not lowerCamelCase") { try codec.decode(typeName: "ComplaintClassified", schemaVersion: 1, payload: badCategory.encoded) }
    }

    @Test func everyGoldenPayloadReadAsEveryOtherTypeDecodesOrFailsCleanly() throws {
        for source in EventType.allCases {
            let payload = try codec.encode(EventSamples.sample(of: source))
            for target in EventType.allCases where target != source {
                decodesOrFailsCleanly("\(source.typeName) read as \(target.typeName)") {
                    try codec.decode(typeName: target.typeName, schemaVersion: target.schemaVersion, payload: payload)
                }
            }
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = SplitMix64(seed: 0x60_1DE7)
        var decoded = 0
        for round in 0..<4_000 {
            let length = Int.random(in: 0...48, using: &random)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            if round % 2 == 0, !bytes.isEmpty { bytes[0] = 0xB1 }
            let type = EventType.allCases[round % EventType.allCases.count]
            if decodesOrFailsCleanly("random payload \(round)", { try codec.decode(typeName: type.typeName, schemaVersion: type.schemaVersion, payload: bytes) }) {
                decoded += 1
            }
        }
        // Random bytes practically never form a valid event document.
        #expect(decoded < 40)
    }
}

extension EventSamples {
    /// The paths of optional fields left `nil`, and of empty lists or strings, inside `value`.
    static func unsetFields(in value: Any, path: String = "") -> [String] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return [path] }
            return unsetFields(in: wrapped, path: path)
        case .struct:
            if let text = value as? String { return text.isEmpty ? [path] : [] }
            if value is Date { return [] }
            return mirror.children.flatMap { child in
                unsetFields(in: child.value, path: path.isEmpty ? child.label ?? "?" : "\(path).\(child.label ?? "?")")
            }
        case .collection:
            if mirror.children.isEmpty { return [path] }
            return mirror.children.flatMap { unsetFields(in: $0.value, path: "\(path)[]") }
        default:
            return []
        }
    }
}
