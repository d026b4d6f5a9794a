/// The byte form of a ``BinaryValue`` (see `Specs/event-encoding.md`).
///
/// A document is the marker byte `0xB1` followed by one value. A value is a tag byte and its body:
/// `0` null · `1` false · `2` true · `3` int (zigzag varint) · `4` uint (varint) · `5` double (8 bytes,
/// big-endian IEEE 754) · `6` string (varint length, UTF-8) · `7` bytes (varint length, bytes) ·
/// `8` timestamp (zigzag varint µs) · `9` array (varint count, values) · `10` map (varint count,
/// then per field in key byte order: varint key length, key UTF-8, value). Varints are unsigned
/// LEB128.
enum BinaryWire {
    static let marker: UInt8 = 0xB1

    enum Tag: UInt8 {
        case null = 0, `false`, `true`, int, uint, double, string, bytes, timestamp, array, map
    }

    static func write(_ value: BinaryValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(Tag.null.rawValue)
        case .bool(let flag): out.append(flag ? Tag.true.rawValue : Tag.false.rawValue)
        case .int(let number):
            out.append(Tag.int.rawValue)
            varint(UInt64(bitPattern: (number << 1) ^ (number >> 63)), into: &out)
        case .uint(let number):
            out.append(Tag.uint.rawValue)
            varint(number, into: &out)
        case .double(let number):
            out.append(Tag.double.rawValue)
            withUnsafeBytes(of: number.bitPattern.bigEndian) { out.append(contentsOf: $0) }
        case .string(let text):
            out.append(Tag.string.rawValue)
            utf8(text, into: &out)
        case .bytes(let raw):
            out.append(Tag.bytes.rawValue)
            varint(UInt64(raw.count), into: &out)
            out.append(contentsOf: raw)
        case .timestamp(let micros):
            out.append(Tag.timestamp.rawValue)
            varint(UInt64(bitPattern: (micros << 1) ^ (micros >> 63)), into: &out)
        case .array(let items):
            out.append(Tag.array.rawValue)
            varint(UInt64(items.count), into: &out)
            for item in items { write(item, into: &out) }
        case .map(let fields):
            out.append(Tag.map.rawValue)
            varint(UInt64(fields.count), into: &out)
            for key in fields.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                utf8(key, into: &out)
                write(fields[key]!, into: &out)
            }
        }
    }

    private static func varint(_ value: UInt64, into out: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }

    private static func utf8(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            varint(UInt64(bytes.count), into: &out)
            out.append(contentsOf: bytes)
        }
    }

    /// Why bytes are not a valid document.
    struct Malformed: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "malformed binary value at byte \(offset): \(reason)" }
    }

    struct Reader {
        let bytes: [UInt8]
        var offset = 0
        var depth = 0

        mutating func byte() throws(Malformed) -> UInt8 {
            guard offset < bytes.count else { throw Malformed(offset: offset, reason: "unexpected end") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func varint() throws(Malformed) -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let next = try byte()
                guard shift < 64 else { throw Malformed(offset: offset, reason: "varint too long") }
                result |= UInt64(next & 0x7f) << shift
                if next & 0x80 == 0 { return result }
                shift += 7
            }
        }

        mutating func length() throws(Malformed) -> Int {
            let count = try varint()
            guard count <= UInt64(bytes.count - offset) else {
                throw Malformed(offset: offset, reason: "length \(count) exceeds the remaining \(bytes.count - offset) bytes")
            }
            return Int(count)
        }

        mutating func raw(_ count: Int) throws(Malformed) -> ArraySlice<UInt8> {
            guard count <= bytes.count - offset else { throw Malformed(offset: offset, reason: "unexpected end") }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }

        mutating func string() throws(Malformed) -> String {
            let start = offset
            let slice = try raw(try length())
            guard let text = String(validating: slice, as: UTF8.self) else {
                throw Malformed(offset: start, reason: "invalid UTF-8")
            }
            return text
        }

        mutating func value() throws(Malformed) -> BinaryValue {
            depth += 1
            defer { depth -= 1 }
            guard depth <= 256 else { throw Malformed(offset: offset, reason: "nesting deeper than 256") }
            let at = offset
            guard let tag = Tag(rawValue: try byte()) else {
                throw Malformed(offset: at, reason: "unknown tag \(bytes[at])")
            }
            switch tag {
            case .null: return .null
            case .false: return .bool(false)
            case .true: return .bool(true)
            case .int:
                let zigzag = try varint()
                return .int(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
            case .uint: return .uint(try varint())
            case .double:
                let raw = try raw(8)
                return .double(Double(bitPattern: raw.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }))
            case .string: return .string(try string())
            case .bytes: return .bytes(Array(try raw(try length())))
            case .timestamp:
                let zigzag = try varint()
                return .timestamp(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
            case .array:
                let count = try length()
                var items: [BinaryValue] = []
                items.reserveCapacity(count)
                for _ in 0..<count { items.append(try value()) }
                return .array(items)
            case .map:
                let count = try length()
                var fields: [String: BinaryValue] = [:]
                fields.reserveCapacity(count)
                for _ in 0..<count {
                    let key = try string()
                    guard fields[key] == nil else { throw Malformed(offset: offset, reason: "duplicate key \(key)") }
                    fields[key] = try value()
                }
                return .map(fields)
            }
        }
    }
}

extension BinaryValue {
    /// The value's document bytes: the marker `0xB1` and the value.
    public var encoded: [UInt8] {
        var out: [UInt8] = [BinaryWire.marker]
        out.reserveCapacity(128)
        BinaryWire.write(self, into: &out)
        return out
    }

    /// Parses document bytes; throws `DecodingError.dataCorrupted` naming the offset and reason.
    public init(decoding bytes: [UInt8]) throws {
        var reader = BinaryWire.Reader(bytes: bytes)
        do {
            guard try reader.byte() == BinaryWire.marker else {
                throw BinaryWire.Malformed(offset: 0, reason: "not a binary document (marker 0xB1 missing)")
            }
            self = try reader.value()
            guard reader.offset == bytes.count else {
                throw BinaryWire.Malformed(offset: reader.offset, reason: "\(bytes.count - reader.offset) bytes after the value")
            }
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(error)"))
        }
    }
}
