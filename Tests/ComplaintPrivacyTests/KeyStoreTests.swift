import ComplaintPrivacy
@preconcurrency import Crypto
import Foundation
import Testing

struct KeyFiles {
    let directory = NSTemporaryDirectory() + "keys-\(UUID().uuidString)"
    var keys: String { directory + "/customer-keys" }
    var master: String { directory + "/master.key" }

    init() { try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// Every byte of every file in the directory.
    func allBytes() -> [UInt8] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.flatMap { Array(FileManager.default.contents(atPath: directory + "/" + $0) ?? Data()) }
    }
}

func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
}

func bytes(of key: SymmetricKey) -> [UInt8] { key.withUnsafeBytes { Array($0) } }

@Suite struct KeyStoreTests {
    @Test func aCustomerKeyIsCreatedOnceAndSurvivesReopening() throws {
        let files = KeyFiles()
        defer { files.remove() }
        let master = try MasterKey.loadOrCreate(at: files.master)
        let store = try CustomerKeyStore(path: files.keys, masterKey: master)
        #expect(store.state(of: "cust-1") == .unknown)
        let key = try store.key(for: "cust-1")
        #expect(try bytes(of: store.key(for: "cust-1")) == bytes(of: key))
        #expect(store.state(of: "cust-1") == .active)
        let reopened = try CustomerKeyStore(path: files.keys, masterKey: try MasterKey.loadOrCreate(at: files.master))
        #expect(reopened.existingKey(for: "cust-1").map(bytes) == bytes(of: key))
        #expect(reopened.existingKey(for: "cust-2") == nil)
        #expect(!contains(files.allBytes(), bytes(of: key)), "the plain key must never reach the disk")
    }

    @Test func forgettingDestroysTheKeyInPlace() throws {
        let files = KeyFiles()
        defer { files.remove() }
        let master = try MasterKey.loadOrCreate(at: files.master)
        let store = try CustomerKeyStore(path: files.keys, masterKey: master)
        let kept = try store.key(for: "cust-keep")
        let doomed = try store.key(for: "cust-forget")
        let sizeBefore = try FileManager.default.attributesOfItem(atPath: files.keys)[.size] as? Int
        let before = try #require(FileManager.default.contents(atPath: files.keys))
        #expect(try store.forget("cust-forget"))
        #expect(try !store.forget("cust-never-seen"))
        let after = try #require(FileManager.default.contents(atPath: files.keys))
        #expect(try FileManager.default.attributesOfItem(atPath: files.keys)[.size] as? Int == sizeBefore)
        // The wrapped key bytes of the forgotten customer are gone; the kept one's are untouched.
        let slot = 16 + 256
        #expect(Array(after[(slot + 130)..<(slot + 190)]) == [UInt8](repeating: 0, count: 60))
        #expect(Array(before[(slot + 130)..<(slot + 190)]) != [UInt8](repeating: 0, count: 60))
        #expect(Array(after[(16 + 130)..<(16 + 190)]) == Array(before[(16 + 130)..<(16 + 190)]))
        let everything = files.allBytes()
        let raw = bytes(of: doomed)
        #expect(!contains(everything, raw))
        #expect(!contains(everything, Array(Data(raw).base64EncodedString().utf8)))
        #expect(!contains(everything, Array(raw.map { String(format: "%02x", $0) }.joined().utf8)))

        let error = #expect(throws: PrivacyError.self) { try store.key(for: "cust-forget") }
        #expect(error?.code == .customerForgotten)
        let reopened = try CustomerKeyStore(path: files.keys, masterKey: master)
        #expect(reopened.state(of: "cust-forget") == .forgotten)
        #expect(reopened.existingKey(for: "cust-keep").map(bytes) == bytes(of: kept))
    }

    @Test func anotherMasterKeyCannotOpenTheStore() throws {
        let files = KeyFiles()
        defer { files.remove() }
        let store = try CustomerKeyStore(path: files.keys, masterKey: try MasterKey(bytes: [UInt8](repeating: 1, count: 32)))
        _ = try store.key(for: "cust-1")
        let error = #expect(throws: PrivacyError.self) {
            try CustomerKeyStore(path: files.keys, masterKey: try MasterKey(bytes: [UInt8](repeating: 2, count: 32)))
        }
        #expect(error?.code == .badMasterKey)
        #expect(throws: PrivacyError.self) { try MasterKey(bytes: [1, 2, 3]) }
    }

    @Test func aDamagedKeyFileIsReportedNotTrusted() throws {
        let files = KeyFiles()
        defer { files.remove() }
        FileManager.default.createFile(atPath: files.keys, contents: Data("not a key store at all".utf8))
        let error = #expect(throws: PrivacyError.self) {
            try CustomerKeyStore(path: files.keys, masterKey: try MasterKey(bytes: [UInt8](repeating: 1, count: 32)))
        }
        #expect(error?.code == .keyStoreCorrupted)
    }

    @Test(arguments: ["", String(repeating: "x", count: 129)])
    func badCustomerIDsAreRefused(_ id: String) throws {
        let files = KeyFiles()
        defer { files.remove() }
        let store = try CustomerKeyStore(path: files.keys, masterKey: try MasterKey(bytes: [UInt8](repeating: 1, count: 32)))
        let error = #expect(throws: PrivacyError.self) { try store.key(for: id) }
        #expect(error?.code == .invalidCustomerID)
    }
}

@Suite struct SealedFieldTests {
    @Test func aFieldRoundTripsAndItsCiphertextHidesThePlaintext() throws {
        let key = SymmetricKey(size: .bits256)
        let sealed = try SealedField.seal("李雷 13800000000", field: "name", key: key)
        #expect(!contains(sealed, Array("13800000000".utf8)))
        #expect(try SealedField.open(sealed, field: "name", key: key) == "李雷 13800000000")
        #expect(throws: PrivacyError.self) { try SealedField.open(sealed, field: "phone", key: key) }
        #expect(throws: PrivacyError.self) { try SealedField.open(sealed, field: "name", key: SymmetricKey(size: .bits256)) }
        var damaged = sealed
        damaged[20] ^= 1
        #expect(throws: PrivacyError.self) { try SealedField.open(damaged, field: "name", key: key) }
    }

    @Test func aForgottenCustomersFieldsRevealAsErased() throws {
        let files = KeyFiles()
        defer { files.remove() }
        let store = try CustomerKeyStore(path: files.keys, masterKey: try MasterKey(bytes: [UInt8](repeating: 3, count: 32)))
        let sealed = try SealedField.seal("Li Lei", field: "name", key: try store.key(for: "cust-9"))
        #expect(try SealedField.reveal(sealed, field: "name", customerID: "cust-9", keys: store) == "Li Lei")
        try store.forget("cust-9")
        #expect(try SealedField.reveal(sealed, field: "name", customerID: "cust-9", keys: store) == SealedField.erased)
    }
}

@Suite struct ReadOnlyKeyStoreTests {
    @Test func aReadOnlyStorePicksUpKeysTheWriterAddsAndCreatesNone() throws {
        let files = KeyFiles()
        defer { files.remove() }
        let master = try MasterKey(bytes: [UInt8](repeating: 5, count: 32))
        let reader = try CustomerKeyStore(path: files.keys, masterKey: master, readOnly: true)
        #expect(!FileManager.default.fileExists(atPath: files.keys))
        let writer = try CustomerKeyStore(path: files.keys, masterKey: master)
        let key = try writer.key(for: "cust-1")
        #expect(reader.existingKey(for: "cust-1").map(bytes) == bytes(of: key))
        #expect(throws: PrivacyError.self) { try reader.key(for: "cust-2") }
        #expect(throws: PrivacyError.self) { try reader.forget("cust-1") }
        #expect(writer.existingKey(for: "cust-2") == nil)
    }
}
