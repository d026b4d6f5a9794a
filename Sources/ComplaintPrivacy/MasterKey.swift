@preconcurrency import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The key that wraps every customer key. The host supplies it (from its secret store), or the
/// engine keeps one in a key file beside the store.
public struct MasterKey: Sendable {
    let key: SymmetricKey

    /// Wraps 32 bytes of key material supplied by the host.
    public init(bytes: [UInt8]) throws(PrivacyError) {
        guard bytes.count == 32 else {
            throw PrivacyError(.badMasterKey, "a master key has 32 bytes (got \(bytes.count))")
        }
        key = SymmetricKey(data: bytes)
    }

    /// Reads the master key file at `path`; `nil` when there is none.
    public static func load(at path: String) throws(PrivacyError) -> MasterKey? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try MasterKey(bytes: Array(data))
    }

    /// Reads the master key file at `path`, creating it with fresh random bytes (mode 0600) when it
    /// does not exist.
    public static func loadOrCreate(at path: String) throws(PrivacyError) -> MasterKey {
        if let data = FileManager.default.contents(atPath: path) {
            return try MasterKey(bytes: Array(data))
        }
        let fresh = SymmetricKey(size: .bits256)
        let bytes = fresh.withUnsafeBytes { Array($0) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw PrivacyError(.ioFailed, "cannot create master key file \(path): errno \(errno)") }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(fd) == 0 else {
            throw PrivacyError(.ioFailed, "cannot write master key file \(path): errno \(errno)")
        }
        return try MasterKey(bytes: bytes)
    }
}
