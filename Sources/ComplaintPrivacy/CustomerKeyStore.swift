@preconcurrency public import Crypto
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Per-customer data keys, each wrapped (AES-GCM) by the ``MasterKey``, in a file of fixed-size
/// slots that is overwritten in place when a customer is forgotten.
///
/// The file lives outside LMDB on purpose: LMDB's copy-on-write pages would keep a deleted key's
/// bytes in freed pages, while a slot here is overwritten with zeros and flushed (`fsync`), so after
/// ``forget(_:)`` no file holds the key. The plain key never touches the disk at all.
///
/// Layout: a 16-byte header (`CKEYS001`, then zeros), then 256-byte slots:
/// `u8 state` (1 active, 2 forgotten) | `u8 id length` | 128 bytes customer id (zero padded) |
/// 60 bytes wrapped key (12 nonce, 32 ciphertext, 16 tag; zeros once forgotten) | zero padding.
/// Customer ids are opaque (never personal data) and stay in clear so a forgotten id stays known.
public final class CustomerKeyStore: Sendable {
    /// What the store knows about a customer.
    public enum KeyState: Sendable, Hashable {
        /// No key was ever created.
        case unknown
        /// The customer has a live key.
        case active
        /// The key was destroyed.
        case forgotten
    }

    static let magic = Array("CKEYS001".utf8) + [UInt8](repeating: 0, count: 8)
    static let slotSize = 256
    static let wrappedKeyOffset = 130
    static let wrappedKeySize = 60

    private struct Slot {
        var index: Int
        var state: KeyState
        var key: SymmetricKey?
    }

    private let path: String
    private let masterKey: MasterKey
    private let readOnly: Bool
    private let state: Mutex<(descriptor: Int32, slots: [String: Slot], count: Int)>

    /// Opens (creating when missing) the key file at `path`.
    ///
    /// With `readOnly` (another process reading a store a writer holds) nothing is ever created or
    /// changed, a missing file reads as empty, and keys the writer adds later are picked up when a
    /// lookup misses.
    public init(path: String, masterKey: MasterKey, readOnly: Bool = false) throws(PrivacyError) {
        self.path = path
        self.masterKey = masterKey
        self.readOnly = readOnly
        let fd = open(path, (readOnly ? O_RDONLY : O_RDWR | O_CREAT) | O_CLOEXEC, 0o600)
        if fd < 0 && !(readOnly && errno == ENOENT) {
            throw PrivacyError(.ioFailed, "cannot open key store \(path): errno \(errno)")
        }
        do {
            let loaded: (slots: [String: Slot], count: Int) = fd < 0 ? ([:], 0) : try Self.load(fd, path: path, masterKey: masterKey, create: !readOnly)
            state = Mutex((fd, loaded.slots, loaded.count))
        } catch {
            close(fd)
            throw error
        }
    }

    deinit {
        _ = state.withLock { $0.descriptor >= 0 ? close($0.descriptor) : 0 }
    }

    private static func load(
        _ fd: Int32, path: String, masterKey: MasterKey, create: Bool
    ) throws(PrivacyError) -> (slots: [String: Slot], count: Int) {
        let size = Int(lseek(fd, 0, SEEK_END))
        if size == 0 {
            if create { try writeFully(fd, magic, at: 0, path: path) }
            return ([:], 0)
        }
        var bytes = [UInt8](repeating: 0, count: size)
        let read = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, size, 0) }
        guard read == size, size >= 16, Array(bytes[0..<16]) == magic, (size - 16) % slotSize == 0 else {
            throw PrivacyError(.keyStoreCorrupted, "\(path) is not a key store of this format")
        }
        var slots: [String: Slot] = [:]
        let count = (size - 16) / slotSize
        for index in 0..<count {
            let base = 16 + index * slotSize
            let idLength = Int(bytes[base + 1])
            guard (1...128).contains(idLength) else {
                throw PrivacyError(.keyStoreCorrupted, "slot \(index) of \(path) has a bad customer id length")
            }
            let id = String(decoding: bytes[(base + 2)..<(base + 2 + idLength)], as: UTF8.self)
            switch bytes[base] {
            case 1:
                let wrapped = Array(bytes[(base + wrappedKeyOffset)..<(base + wrappedKeyOffset + wrappedKeySize)])
                slots[id] = Slot(index: index, state: .active, key: try unwrap(wrapped, for: id, masterKey: masterKey))
            case 2:
                slots[id] = Slot(index: index, state: .forgotten, key: nil)
            default:
                throw PrivacyError(.keyStoreCorrupted, "slot \(index) of \(path) has an unknown state")
            }
        }
        return (slots, count)
    }

    /// What the store knows about `customerID`.
    public func state(of customerID: String) -> KeyState {
        state.withLock { $0.slots[customerID]?.state ?? .unknown }
    }

    /// The customer's key, creating (and durably storing) one when the customer is unknown.
    ///
    /// - Throws: ``PrivacyError/Code/customerForgotten`` when the key was destroyed.
    public func key(for customerID: String) throws(PrivacyError) -> SymmetricKey {
        try Self.checkID(customerID)
        return try state.withLock { (state) throws(PrivacyError) -> SymmetricKey in
            if state.slots[customerID] == nil { refresh(&state) }
            if let slot = state.slots[customerID] {
                guard let key = slot.key else {
                    throw PrivacyError(.customerForgotten, "customer \(customerID) was forgotten: their key is destroyed")
                }
                return key
            }
            guard !readOnly else {
                throw PrivacyError(.ioFailed, "the key store \(path) is open read-only; customer \(customerID) has no key")
            }
            return try appendKeys(for: [customerID], to: &state)[0]
        }
    }

    /// Creates (and durably stores) keys for every customer in `customerIDs` that has none yet, with
    /// one write and one `fsync` for all of them; customers already known (active or forgotten) are
    /// left as they are. ``key(for:)`` then finds them. For bulk submissions, where a key per new
    /// customer would cost one sync each.
    public func createKeys(for customerIDs: some Sequence<String>) throws(PrivacyError) {
        var wanted: [String] = []
        var seen = Set<String>()
        for id in customerIDs where seen.insert(id).inserted {
            try Self.checkID(id)
            wanted.append(id)
        }
        guard !wanted.isEmpty else { return }
        guard !readOnly else { throw PrivacyError(.ioFailed, "the key store \(path) is open read-only") }
        try state.withLock { (state) throws(PrivacyError) -> Void in
            if wanted.contains(where: { state.slots[$0] == nil }) { refresh(&state) }
            let fresh = wanted.filter { state.slots[$0] == nil }
            guard !fresh.isEmpty else { return }
            _ = try appendKeys(for: fresh, to: &state)
        }
    }

    /// Creates a key for each of `customerIDs` (all unknown), writes their slots after the last one
    /// with one write and one sync, and records them; returns the keys in order.
    private func appendKeys(
        for customerIDs: [String], to state: inout (descriptor: Int32, slots: [String: Slot], count: Int)
    ) throws(PrivacyError) -> [SymmetricKey] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(customerIDs.count * Self.slotSize)
        var keys: [SymmetricKey] = []
        for customerID in customerIDs {
            let key = SymmetricKey(size: .bits256)
            var slot = [UInt8](repeating: 0, count: Self.slotSize)
            slot[0] = 1
            let id = Array(customerID.utf8)
            slot[1] = UInt8(id.count)
            slot.replaceSubrange(2..<(2 + id.count), with: id)
            let wrapped = try Self.wrap(key, for: customerID, masterKey: masterKey)
            slot.replaceSubrange(Self.wrappedKeyOffset..<(Self.wrappedKeyOffset + Self.wrappedKeySize), with: wrapped)
            bytes += slot
            keys.append(key)
        }
        try Self.writeFully(state.descriptor, bytes, at: 16 + state.count * Self.slotSize, path: path)
        for (customerID, key) in zip(customerIDs, keys) {
            state.slots[customerID] = Slot(index: state.count, state: .active, key: key)
            state.count += 1
        }
        return keys
    }

    /// The customer's key if it exists and was not destroyed; `nil` otherwise. Never creates one.
    public func existingKey(for customerID: String) -> SymmetricKey? {
        state.withLock { state in
            if state.slots[customerID] == nil { refresh(&state) }
            return state.slots[customerID]?.key
        }
    }

    /// Reloads the file when another process (the writer) added slots since it was read.
    private func refresh(_ state: inout (descriptor: Int32, slots: [String: Slot], count: Int)) {
        if state.descriptor < 0 {
            state.descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard state.descriptor >= 0 else { return }
        }
        let size = Int(lseek(state.descriptor, 0, SEEK_END))
        guard size > 16 + state.count * Self.slotSize,
              let loaded = try? Self.load(state.descriptor, path: path, masterKey: masterKey, create: false) else { return }
        state.slots = loaded.slots
        state.count = loaded.count
    }

    /// Destroys the customer's key: overwrites its slot in place with zeros (keeping the id, marked
    /// forgotten) and flushes the file. Returns `false` when the customer was unknown.
    @discardableResult
    public func forget(_ customerID: String) throws(PrivacyError) -> Bool {
        try Self.checkID(customerID)
        guard !readOnly else { throw PrivacyError(.ioFailed, "the key store \(path) is open read-only") }
        return try state.withLock { (state) throws(PrivacyError) -> Bool in
            guard var slot = state.slots[customerID] else { return false }
            let base = 16 + slot.index * Self.slotSize
            try Self.writeFully(state.descriptor, [2], at: base, path: path)
            try Self.writeFully(
                state.descriptor, [UInt8](repeating: 0, count: Self.slotSize - Self.wrappedKeyOffset),
                at: base + Self.wrappedKeyOffset, path: path)
            slot.state = .forgotten
            slot.key = nil
            state.slots[customerID] = slot
            return true
        }
    }

    // MARK: Helpers

    private static func checkID(_ id: String) throws(PrivacyError) {
        guard (1...128).contains(id.utf8.count) else {
            throw PrivacyError(.invalidCustomerID, "customer ids are 1–128 bytes of UTF-8 (got \(id.utf8.count))")
        }
    }

    private static func wrap(_ key: SymmetricKey, for id: String, masterKey: MasterKey) throws(PrivacyError) -> [UInt8] {
        do {
            let sealed = try AES.GCM.seal(
                key.withUnsafeBytes { Array($0) }, using: masterKey.key, authenticating: Array(id.utf8))
            guard let combined = sealed.combined, combined.count == wrappedKeySize else {
                throw PrivacyError(.ioFailed, "unexpected wrapped key size")
            }
            return Array(combined)
        } catch let error as PrivacyError {
            throw error
        } catch {
            throw PrivacyError(.badMasterKey, "cannot wrap the key of \(id): \(error)")
        }
    }

    private static func unwrap(_ wrapped: [UInt8], for id: String, masterKey: MasterKey) throws(PrivacyError) -> SymmetricKey {
        do {
            let box = try AES.GCM.SealedBox(combined: wrapped)
            return SymmetricKey(data: try AES.GCM.open(box, using: masterKey.key, authenticating: Array(id.utf8)))
        } catch {
            throw PrivacyError(.badMasterKey, "the key of customer \(id) does not open with this master key")
        }
    }

    private static func writeFully(_ fd: Int32, _ bytes: [UInt8], at offset: Int, path: String) throws(PrivacyError) {
        let written = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(offset)) }
        guard written == bytes.count, fsync(fd) == 0 else {
            throw PrivacyError(.ioFailed, "cannot write key store \(path): errno \(errno)")
        }
    }
}
