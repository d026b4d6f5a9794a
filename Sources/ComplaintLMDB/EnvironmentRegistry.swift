import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps at most one open ``Environment`` per directory in this process (LMDB forbids opening an
/// environment twice in one process: its `fcntl` locks would be released by the second close).
final class EnvironmentRegistry: Sendable {
    static let shared = EnvironmentRegistry()

    private let open = Mutex<[String: Environment]>([:])

    func open(directory: String, configuration: EnvironmentConfiguration) throws -> Environment {
        if configuration.access == .readWrite {
            if mkdir(directory, 0o700) != 0 && errno != EEXIST {
                throw LMDBError(code: errno, operation: "mkdir(\(directory))")
            }
        }
        guard let resolved = realpath(directory, nil) else {
            throw LMDBError(code: errno, operation: "realpath(\(directory))")
        }
        let key = String(cString: resolved)
        free(resolved)
        return try open.withLock { environments in
            if let existing = environments[key], existing.retain() {
                guard configuration.access == .readOnly else {
                    _ = existing.releaseReference()
                    throw LMDBError(code: EAGAIN, operation: "open(\(directory)) for writing: already open in this process")
                }
                return existing
            }
            let environment = try Environment(directory: directory, registryKey: key, configuration: configuration)
            environments[key] = environment
            return environment
        }
    }

    /// Drops one reference; returns whether it was the last (the caller then closes LMDB's handle).
    func release(_ environment: Environment, key: String) -> Bool {
        open.withLock { environments in
            let last = environment.releaseReference()
            if last, environments[key] === environment { environments[key] = nil }
            return last
        }
    }
}
