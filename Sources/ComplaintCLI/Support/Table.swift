import Foundation
/// A plain-text table: a header row and rows of cells, columns padded to their widest cell;
/// columns whose header is flagged numeric are right-aligned.
struct Table {
    var headers: [String]
    var rows: [[String]] = []
    var rightAligned: Set<Int> = []

    init(_ headers: [String], numericFrom first: Int? = nil) {
        self.headers = headers
        if let first { rightAligned = Set(first..<headers.count) }
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The table as lines (no trailing newline).
    var text: String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        func render(_ row: [String]) -> String {
            headers.indices.map { column in
                let cell = column < row.count ? row[column] : ""
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([render(headers)] + rows.map(render)).joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}

/// Number formats of the human tables.
enum Figure {
    /// A rate as a percentage with one decimal, `–` for no data.
    static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return fixed(value * 100, 1) + "%"
    }

    /// A number with `digits` decimals, `–` for no data.
    static func decimal(_ value: Double?, _ digits: Int = 1) -> String {
        guard let value, value.isFinite else { return "–" }
        return fixed(value, digits)
    }

    /// `value` rounded half away from zero to `digits` decimals (locale-free).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
}
