/// The few SVG elements the chart draws, written with escaped text.
extension GanttChart {
    static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String, stroke: String?) -> String {
        let strokeAttribute = stroke.map { " stroke=\"\($0)\"" } ?? ""
        return "<rect x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\" width=\"\(SVGText.number(width))\" height=\"\(SVGText.number(height))\" fill=\"\(fill)\"\(strokeAttribute)/>\n"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) -> String {
        "<line x1=\"\(SVGText.number(x1))\" y1=\"\(SVGText.number(y1))\" x2=\"\(SVGText.number(x2))\" y2=\"\(SVGText.number(y2))\" stroke=\"\(stroke)\"/>\n"
    }

    /// A text element. With `fitting`, text estimated wider than that many
    /// pixels is condensed to fit (`textLength`) rather than overflowing.
    static func text(_ content: String, x: Double, y: Double, anchor: String? = nil,
                     weight: String? = nil, fill: String? = nil, size: Int? = nil, fitting: Double? = nil) -> String {
        var attributes = "x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\""
        if let fitting, SVGText.estimatedWidth(content, fontSize: Double(size ?? 12)) > fitting {
            attributes += " textLength=\"\(SVGText.number(fitting))\" lengthAdjust=\"spacingAndGlyphs\""
        }
        if let anchor { attributes += " text-anchor=\"\(anchor)\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let fill { attributes += " fill=\"\(fill)\"" }
        if let size { attributes += " font-size=\"\(size)\"" }
        return "<text \(attributes)>\(SVGText.escape(content))</text>\n"
    }
}
