import Testing

/// The end-to-end suites of event source mappings and asynchronous invokes, one test at a time.
/// Each test runs a runtime with several real handler processes (Python ones among them); run all
/// at once beside the rest of the package, they load a 2-core machine enough to stretch cold
/// starts past the examples' short visibility timeouts (see `ExampleTests`).
@Suite("Event source mappings and asynchronous invokes, end to end", .serialized)
enum MappingEndToEnd {}
