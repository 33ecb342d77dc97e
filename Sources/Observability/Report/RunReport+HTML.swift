extension RunReport {
    /// The report as a self-contained HTML page (inline SVG charts, no network).
    public var html: String {
        ""
    }
}
