/// Reading a metadata document straight from its bytes, without building a value tree: every
/// record a projection or a reader handles has one, and parsing it into a tree (a dictionary and a
/// string per key) was a sixth of decoding a record.
extension EventMetadata {
    /// The metadata when the document has exactly the shape ``encoded()`` writes — a map of at most
    /// the four known keys, each once, the texts as strings and the policy position as an unsigned
    /// integer, nothing after it — else `nil`, and ``decode(_:)`` reads it the general way (which
    /// also says what is wrong with a malformed one).
    static func scanned(_ bytes: [UInt8]) -> EventMetadata? {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = MetadataScanner(bytes: buffer)
            return scanner.document()
        }
    }
}

/// A forward reader of the few shapes a metadata document takes (`Specs/event-encoding.md`).
private struct MetadataScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    static let marker: UInt8 = 0xB1
    static let mapTag: UInt8 = 10
    static let stringTag: UInt8 = 6
    static let unsignedTag: UInt8 = 4

    mutating func document() -> EventMetadata? {
        guard byte() == Self.marker, byte() == Self.mapTag, let count = varint(), count <= 4 else { return nil }
        var metadata = EventMetadata()
        var seen: UInt8 = 0
        for _ in 0..<count {
            guard let key = counted() else { return nil }
            let bit: UInt8
            if key.elementsEqual("rule".utf8) {
                bit = 1
                guard let text = string() else { return nil }
                metadata.rule = text
            } else if key.elementsEqual("reason".utf8) {
                bit = 2
                guard let text = string() else { return nil }
                metadata.reason = text
            } else if key.elementsEqual("customerId".utf8) {
                bit = 4
                guard let text = string() else { return nil }
                metadata.customerId = text
            } else if key.elementsEqual("policyPosition".utf8) {
                bit = 8
                guard byte() == Self.unsignedTag, let number = varint() else { return nil }
                metadata.policyPosition = number
            } else {
                return nil
            }
            guard seen & bit == 0 else { return nil }
            seen |= bit
        }
        return offset == bytes.count ? metadata : nil
    }

    private mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// An unsigned LEB128 varint of at most ten bytes.
    private mutating func varint() -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while let next = byte() {
            guard shift < 64 else { return nil }
            result |= UInt64(next & 0x7f) << shift
            if next & 0x80 == 0 { return result }
            shift += 7
        }
        return nil
    }

    /// A varint length and that many bytes.
    private mutating func counted() -> UnsafeBufferPointer<UInt8>? {
        guard let count = varint(), count <= UInt64(bytes.count - offset) else { return nil }
        let start = offset
        offset += Int(count)
        return UnsafeBufferPointer(rebasing: bytes[start..<offset])
    }

    private mutating func string() -> String? {
        guard byte() == Self.stringTag, let raw = counted() else { return nil }
        return String(validating: raw, as: UTF8.self)
    }
}
