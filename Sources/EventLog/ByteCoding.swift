/// Big-endian, length-prefixed byte writing for the log's record format.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func integer<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// A string as a 16-bit length followed by its UTF-8 bytes.
    mutating func shortString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            integer(UInt16(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Bytes as a 32-bit length followed by the bytes.
    mutating func longBytes(_ value: [UInt8]) {
        integer(UInt32(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func raw(_ value: [UInt8]) { bytes.append(contentsOf: value) }
}

/// Reads what ``ByteWriter`` wrote; every read checks the bounds.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    struct Truncated: Error {}

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func integer<T: FixedWidthInteger>(_: T.Type = T.self) throws(Truncated) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw Truncated() }
        var value: T = 0
        for index in 0..<size { value = value << 8 | T(bytes[offset + index]) }
        offset += size
        return value
    }

    mutating func raw(_ count: Int) throws(Truncated) -> UnsafeRawBufferPointer {
        guard count >= 0, remaining >= count else { throw Truncated() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    mutating func shortString() throws(Truncated) -> String {
        let count = Int(try integer(UInt16.self))
        return String(decoding: try raw(count), as: UTF8.self)
    }

    mutating func longBytes() throws(Truncated) -> [UInt8] {
        let count = Int(try integer(UInt32.self))
        return Array(try raw(count))
    }
}

/// Big-endian 8-byte keys: byte order equals numeric order, for LMDB and for any tool.
enum PositionKey {
    static func bytes(_ position: UInt64) -> [UInt8] {
        withUnsafeBytes(of: position.bigEndian) { Array($0) }
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard bytes.count == 8 else { return nil }
        var value: UInt64 = 0
        for byte in bytes { value = value << 8 | UInt64(byte) }
        return value
    }
}
