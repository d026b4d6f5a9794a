/// One override key resolved to a path of segments and the value to set there.
struct OverrideLeaf {
    let path: [String]
    let value: PolicyValue

    var field: String { path.joined(separator: ".") }

    /// Paths whose value is itself a mapping and must not be split further.
    private static let mapValued: Set<[String]> = [["calendar", "workingHours"], ["calendar", "extraWorkingDays"]]

    /// Splits dotted keys and descends nested mappings until a leaf key.
    static func collect(_ value: PolicyValue, path: [String], into leaves: inout [OverrideLeaf]) throws(PolicyValidationError) {
        guard case .map(let entries) = value, !mapValued.contains(path) else {
            guard !path.isEmpty else {
                throw PolicyValidationError(field: "", reason: "overrides must be a map, got \(value.kind)")
            }
            leaves.append(OverrideLeaf(path: path, value: value))
            return
        }
        for key in entries.keys.sorted() {
            let segments = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !segments.contains(where: \.isEmpty) else {
                throw PolicyValidationError(field: (path + [key]).joined(separator: "."), reason: "empty key segment")
            }
            try collect(entries[key]!, path: path + segments, into: &leaves)
        }
    }
}
