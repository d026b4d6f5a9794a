/// Why a fixture file could not be loaded: the file, the line (1-based; 0 when unknown) and the
/// reason, with a ``Kind`` a host can switch over.
public struct FixtureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem the fixture has.
    public struct Kind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The kind's name (`badYAML`, …).
        public var rawValue: String
        /// A kind with this name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The kind's name.
        public var description: String { rawValue }

        /// The text is not well-formed YAML (or JSON).
        public static let badYAML = Kind(rawValue: "badYAML")
        /// A required key is absent (`name`, `start`, `when`, a command's `stream`, …).
        public static let missingKey = Kind(rawValue: "missingKey")
        /// A key the format does not know, in the scenario, a step, an expectation or command data.
        public static let unknownField = Kind(rawValue: "unknownField")
        /// A `command:` names no command of DOMAIN.md §3 or §7.
        public static let unknownCommand = Kind(rawValue: "unknownCommand")
        /// An `advance:` duration that is neither compact (`90m`) nor ISO 8601 (`PT3H`).
        public static let badDuration = Kind(rawValue: "badDuration")
        /// A value of the wrong type or outside its value set (a timestamp, an actor, a role, data).
        public static let badValue = Kind(rawValue: "badValue")
        /// A command step without `stream`.
        public static let missingStream = Kind(rawValue: "missingStream")
        /// The `policy` is no preset, or its overrides are refused.
        public static let badPolicy = Kind(rawValue: "badPolicy")
        /// The file could not be read.
        public static let unreadable = Kind(rawValue: "unreadable")
    }

    /// The kind of problem.
    public var kind: Kind
    /// The fixture file (its path as given), or `<text>` for text loaded without a file.
    public var file: String
    /// The 1-based line the problem is on; 0 when the parser could not tell.
    public var line: Int
    /// What is wrong, in words.
    public var reason: String

    /// Creates an error.
    public init(_ kind: Kind, file: String, line: Int, _ reason: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason`.
    public var description: String { "\(file):\(line): \(reason)" }
}
