import CComplaintLMDB
import ComplaintLMDB
import Foundation
import Synchronization
import Testing

/// A fresh environment directory, removed afterwards.
func withEnvironment<R>(
    mapSize: Int = 1 << 20, maximumMapSize: Int = 1 << 30, label: String = #function,
    _ body: (Environment, String) throws -> R
) throws -> R {
    let directory = NSTemporaryDirectory() + "lmdb-\(label.filter(\.isLetter))-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let environment = try Environment.open(directory: directory, configuration: EnvironmentConfiguration(
        databases: [DatabaseSpec("main"), DatabaseSpec("other")], mapSize: mapSize, maximumMapSize: maximumMapSize))
    defer { environment.close() }
    return try body(environment, directory)
}

func key(_ value: Int) -> [UInt8] { withUnsafeBytes(of: UInt64(value).bigEndian) { Array($0) } }

struct Refusal: Error {}

@Suite struct EnvironmentTests {
    @Test func aWriteCommitsWhenItsClosureReturnsAndAbortsWhenItThrows() throws {
        try withEnvironment { environment, _ in
            let main = environment.database("main")
            try environment.write { txn in try txn.put(in: main, key: key(1), value: [1]) }
            #expect(throws: Refusal.self) {
                try environment.write { txn in
                    try txn.put(in: main, key: key(2), value: [2])
                    throw Refusal()
                }
            }
            let stored = try environment.read { txn in (try txn.get(in: main, key: key(1)), try txn.get(in: main, key: key(2))) }
            #expect(stored.0 == [1])
            #expect(stored.1 == nil)
        }
    }

    @Test func aFullMapGrowsAndTheWriteRunsAgainTransparently() throws {
        try withEnvironment(mapSize: 64 << 10) { environment, _ in
            let main = environment.database("main")
            let attempts = Mutex(0)
            let value = [UInt8](repeating: 9, count: 4000)
            try environment.write { txn in
                attempts.withLock { $0 += 1 }
                for index in 0..<200 { try txn.put(in: main, key: key(index), value: value, append: true) }
            }
            #expect(attempts.withLock { $0 } > 1)
            #expect(environment.mapGrowthCount == attempts.withLock { $0 } - 1)
            #expect(environment.mapSize > 64 << 10)
            #expect(try environment.read { try $0.count(of: main) } == 200)
        }
    }

    @Test func aMapAtItsMaximumReportsMapFull() throws {
        try withEnvironment(mapSize: 64 << 10, maximumMapSize: 256 << 10) { environment, _ in
            let main = environment.database("main")
            let error = #expect(throws: LMDBError.self) {
                try environment.write { txn in
                    for index in 0..<200 { try txn.put(in: main, key: key(index), value: [UInt8](repeating: 1, count: 4000)) }
                }
            }
            #expect(error?.code == .mapFull)
            let count = try environment.read { try $0.count(of: main) }
            #expect(count == 0)
        }
    }

    @Test func errorsCarryLMDBsCodeAndMessage() throws {
        try withEnvironment { environment, _ in
            let main = environment.database("main")
            let error = #expect(throws: LMDBError.self) {
                try environment.write { txn in
                    try txn.put(in: main, key: key(5), value: [1], append: true)
                    try txn.put(in: main, key: key(4), value: [1], append: true)
                }
            }
            #expect(error?.code == .keyExists)
            #expect(error?.message == String(cString: mdb_strerror(MDB_KEYEXIST)))
            #expect(error?.description.contains("MDB_KEYEXIST") == true)
            #expect(LMDBError(code: MDB_MAP_RESIZED, operation: "x").code == .mapResized)
            #expect(LMDBError(code: MDB_CORRUPTED, operation: "x").code.isCorruption)
        }
    }

    @Test func cursorsWalkAndSeekInByteOrder() throws {
        try withEnvironment { environment, _ in
            let main = environment.database("main")
            try environment.write { txn in
                for index in [30, 10, 20] { try txn.put(in: main, key: key(index), value: [UInt8(index)]) }
            }
            let walked: [UInt8] = try environment.read { txn in
                try txn.withCursor(on: main) { cursor in
                    var values: [UInt8] = []
                    var entry = try cursor.first()
                    while let current = entry {
                        values.append(current.value[0])
                        entry = try cursor.next()
                    }
                    return values
                }
            }
            #expect(walked == [10, 20, 30])
            let probes: (UInt8?, UInt8?, UInt8?, UInt8?) = try environment.read { txn in
                try txn.withCursor(on: main) { cursor in
                    let atLeast = try key(15).withUnsafeBytes { try cursor.seek(atLeast: $0) }?.value[0]
                    let exact = try key(15).withUnsafeBytes { try cursor.seek(exactly: $0) }?.value[0]
                    let last = try cursor.last()?.value[0]
                    let previous = try cursor.previous()?.value[0]
                    return (atLeast, exact, last, previous)
                }
            }
            #expect(probes.0 == 20 && probes.1 == nil && probes.2 == 30 && probes.3 == 20)
        }
    }

    @Test func deleteAndClearRemoveEntries() throws {
        try withEnvironment { environment, _ in
            let main = environment.database("main"), other = environment.database("other")
            try environment.write { txn in
                try txn.put(in: main, key: key(1), value: [1])
                try txn.put(in: other, key: key(1), value: [1])
                try txn.put(in: other, key: key(2), value: [2])
            }
            let deleted = try environment.write { txn in (try txn.delete(in: main, key: key(1)), try txn.delete(in: main, key: key(1))) }
            #expect(deleted == (true, false))
            try environment.write { txn in try txn.clear(other) }
            #expect(try environment.read { try $0.count(of: other) } == 0)
        }
    }

    @Test func oneEnvironmentPerDirectoryPerProcess() throws {
        try withEnvironment { environment, directory in
            let configuration = EnvironmentConfiguration(databases: [DatabaseSpec("main")])
            let error = #expect(throws: LMDBError.self) { try Environment.open(directory: directory, configuration: configuration) }
            #expect(error?.code == .wouldBlock)
            var readOnly = configuration
            readOnly.access = .readOnly
            let shared = try Environment.open(directory: directory, configuration: readOnly)
            #expect(shared === environment)
            shared.close()
            #expect(!environment.isClosed)
            let count = try environment.read { try $0.count(of: environment.database("main")) }
            #expect(count == 0)
        }
    }

    @Test func aClosedEnvironmentRefusesTransactionsAndReleasesTheWriterLock() throws {
        let directory = NSTemporaryDirectory() + "lmdb-closed-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let configuration = EnvironmentConfiguration(databases: [DatabaseSpec("main")])
        let environment = try Environment.open(directory: directory, configuration: configuration)
        environment.close()
        #expect(environment.isClosed)
        let error = #expect(throws: LMDBError.self) { try environment.read { _ in 0 } }
        #expect(error?.code == .closed)
        let reopened = try Environment.open(directory: directory, configuration: configuration)
        #expect(reopened !== environment)
        reopened.close()
    }

    @Test func aReadOnlyEnvironmentRefusesWrites() throws {
        let directory = NSTemporaryDirectory() + "lmdb-readonly-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var configuration = EnvironmentConfiguration(databases: [DatabaseSpec("main")])
        let writer = try Environment.open(directory: directory, configuration: configuration)
        writer.close()
        configuration.access = .readOnly
        let reader = try Environment.open(directory: directory, configuration: configuration)
        defer { reader.close() }
        #expect(reader.flags & UInt32(MDB_RDONLY) != 0)
        #expect(throws: LMDBError.self) { try reader.write { _ in } }
    }

    @Test func staleReaderCheckFindsNothingInAHealthyEnvironment() throws {
        try withEnvironment { environment, _ in
            #expect(environment.clearStaleReaders() == 0)
        }
    }
}
