import Foundation
/// Inline SVG charts for the HTML report: no scripts, no external assets. Every plotted mark
/// carries its value in `data-value` (and its label in `data-label`), so tests can check that what
/// is drawn is what the engine computed.
struct SVGChart {
    var id: String
    var title: String
    var labels: [String]
    var values: [Double?]
    /// The value at the top of the plot (1 for rates).
    var maximum: Double
    var asPercent: Bool

    /// The top of a chart of counts: the largest count rounded up to a multiple of 4 (whole ticks).
    static func countScale(_ values: [Double]) -> Double {
        max(4, ((values.max() ?? 0) / 4).rounded(.up) * 4)
    }

    static let width = 640.0
    static let height = 220.0
    static let margin = (left: 48.0, right: 12.0, top: 24.0, bottom: 36.0)

    private var plotWidth: Double { Self.width - Self.margin.left - Self.margin.right }
    private var plotHeight: Double { Self.height - Self.margin.top - Self.margin.bottom }

    private func y(_ value: Double) -> Double {
        Self.margin.top + plotHeight * (1 - min(max(value / max(maximum, 1e-9), 0), 1))
    }

    private func valueText(_ value: Double?) -> String {
        guard let value else { return "–" }
        return asPercent ? Figure.percent(value) : Figure.decimal(value, value == value.rounded() ? 0 : 1)
    }

    private func frame(_ body: String) -> String {
        var axis = ""
        for step in 0...4 {
            let value = maximum * Double(step) / 4
            let lineY = Figure.fixed(y(value), 1)
            axis += "<line class=\"grid\" x1=\"\(Self.margin.left)\" x2=\"\(Self.width - Self.margin.right)\" y1=\"\(lineY)\" y2=\"\(lineY)\"/>"
            axis += "<text class=\"axis\" x=\"\(Self.margin.left - 6)\" y=\"\(lineY)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(valueText(value))</text>"
        }
        return """
            <figure><figcaption>\(HTML.escape(title))</figcaption>
            <svg id="\(id)" class="chart" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" width="\(Int(Self.width))" height="\(Int(Self.height))" role="img" aria-label="\(HTML.escape(title))">\(axis)<g class="plot">\(body)</g></svg></figure>
            """
    }

    private func labelStep() -> Int { max(1, labels.count / 10) }

    private func xLabel(_ index: Int, x: Double) -> String {
        guard index % labelStep() == 0 else { return "" }
        return "<text class=\"axis\" x=\"\(Figure.fixed(x, 1))\" y=\"\(Self.height - 14)\" text-anchor=\"middle\">\(HTML.escape(labels[index]))</text>"
    }

    /// Points joined by a line; a value without data breaks the line and draws no point.
    func line() -> String {
        let step = labels.count > 1 ? plotWidth / Double(labels.count - 1) : 0
        var body = ""
        var path = ""
        var pen = false
        for (index, value) in values.enumerated() {
            let x = Self.margin.left + step * Double(index) + (labels.count == 1 ? plotWidth / 2 : 0)
            body += xLabel(index, x: x)
            guard let value else {
                pen = false
                continue
            }
            let point = "\(Figure.fixed(x, 1)),\(Figure.fixed(y(value), 1))"
            path += (pen ? " L" : " M") + point
            pen = true
            body += "<circle class=\"mark\" cx=\"\(Figure.fixed(x, 1))\" cy=\"\(Figure.fixed(y(value), 1))\" r=\"3.5\" data-label=\"\(HTML.escape(labels[index]))\" data-value=\"\(value)\"><title>\(HTML.escape(labels[index])): \(valueText(value))</title></circle>"
        }
        return frame("<path class=\"line\" d=\"\(path.trimmingCharacters(in: .whitespaces))\"/>" + body)
    }

    /// One bar per label; a value without data draws no bar.
    func bars() -> String {
        let slot = plotWidth / Double(max(labels.count, 1))
        var body = ""
        for (index, value) in values.enumerated() {
            let x = Self.margin.left + slot * Double(index)
            body += xLabel(index, x: x + slot / 2)
            guard let value else { continue }
            let top = y(value)
            body += "<rect class=\"mark\" x=\"\(Figure.fixed(x + slot * 0.15, 1))\" y=\"\(Figure.fixed(top, 1))\" width=\"\(Figure.fixed(slot * 0.7, 1))\" height=\"\(Figure.fixed(Self.margin.top + plotHeight - top, 1))\" data-label=\"\(HTML.escape(labels[index]))\" data-value=\"\(value)\"><title>\(HTML.escape(labels[index])): \(valueText(value))</title></rect>"
        }
        return frame(body)
    }
}

enum HTML {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
