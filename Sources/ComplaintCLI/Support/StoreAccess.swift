import ComplaintEngine
import ComplaintLMDB
import ComplaintPolicy
import EventLog
import Foundation
import ComplaintWorkflow

/// Opens the store a subcommand works on and tells the operator (on standard error) which one.
///
/// Reading commands open it read-only: they never fire timers or write, and work while another
/// process writes. Writing commands open it read-write with the policy the store last logged (so a
/// command from the CLI never activates another policy) and fail with `storeBusy` while another
/// process holds the store.
struct StoreAccess {
    let path: String
    let source: StoreOptions.Source
    let console: Console

    init(_ options: StoreOptions, console: Console) {
        let resolved = options.resolved()
        path = resolved.path
        source = resolved.source
        self.console = console
    }

    /// Whether the directory holds a store.
    var exists: Bool { FileManager.default.fileExists(atPath: path + "/data.mdb") }

    /// Opens the store read-only under its logged policy.
    func openForReading() async throws -> ComplaintEngine {
        guard exists else {
            throw CLIError("noStore", "no store at \(path) (from \(source.rawValue)); create one with `complaintctl demo --store \(path)`")
        }
        let engine = try await Self.open(path, policy: try await loggedPolicy() ?? .standard, access: .readOnly)
        console.note("store: \(path) (from \(source.rawValue)), read-only")
        return engine
    }

    /// Opens (creating when `create`) the store read-write under its logged policy, or `policy` for
    /// a new store.
    func openForWriting(create: Bool = false, policy: ServicePolicy = .standard, clock: any TimeSource = SystemTimeSource(),
                        durability: Durability = .durable) async throws -> ComplaintEngine {
        guard exists || create else {
            throw CLIError("noStore", "no store at \(path) (from \(source.rawValue)); create one with `complaintctl demo --store \(path)`")
        }
        let logged = exists ? try await loggedPolicy() : nil
        let engine: ComplaintEngine
        do {
            engine = try await Self.open(path, policy: logged ?? policy, access: .readWrite, clock: clock, durability: durability)
        } catch {
            throw CLIError.from(error, store: path)
        }
        console.note("store: \(path) (from \(source.rawValue)), read-write")
        return engine
    }

    /// The policy the store logged last, or `nil` when it logged none.
    func loggedPolicy() async throws -> ServicePolicy? {
        let engine = try await Self.open(path, policy: .standard, access: .readOnly)
        defer { engine.close() }
        return try Self.loggedPolicy(of: engine)
    }

    /// The last `PolicyActivated` of `engine`'s log, read from its audit export.
    static func loggedPolicy(of engine: ComplaintEngine) throws -> ServicePolicy? {
        guard let document = try loggedPolicyDocument(of: engine) else { return nil }
        return try ServicePolicy.load(json: document)
    }

    /// The canonical JSON of the policy the store logged last.
    static func loggedPolicyDocument(of engine: ComplaintEngine) throws -> Data? {
        var lines = ""
        try engine.exportAudit(complaint: "policies", to: &lines)
        guard let last = lines.split(separator: "\n").last,
            let object = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any],
            let data = object["data"] as? [String: Any], let policy = data["policy"]
        else { return nil }
        return try JSONSerialization.data(withJSONObject: policy, options: [.sortedKeys])
    }

    /// The `recordedAt` of the log's head: the store's "now" for reading commands (a simulated
    /// store's clock is not the wall clock). The wall clock for an empty log.
    static func headInstant(of engine: ComplaintEngine) throws -> Date {
        try engine.log.event(at: engine.log.headPosition())?.recordedAt ?? Date()
    }

    /// The `recordedAt` of the log's first event (the wall clock for an empty log).
    static func firstInstant(of engine: ComplaintEngine) throws -> Date {
        try engine.log.event(at: 1)?.recordedAt ?? Date()
    }

    private static func open(
        _ path: String, policy: ServicePolicy, access: EnvironmentConfiguration.Access,
        clock: any TimeSource = SystemTimeSource(), durability: Durability = .durable
    ) async throws -> ComplaintEngine {
        var configuration = EngineConfiguration(policy: policy, clock: clock, durability: durability, access: access)
        configuration.firesTimersAutomatically = false
        do {
            return try await ComplaintEngine.open(directory: path, configuration: configuration)
        } catch {
            throw CLIError.from(error, store: path)
        }
    }
}
