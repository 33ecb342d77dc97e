import Glibc

/// A runtime process that could not be started; the environment reports it as
/// `Runtime.InvalidEntrypoint`.
struct ProcessSpawnError: Error, CustomStringConvertible {
    /// The system call that failed.
    let call: String
    /// Its `errno`.
    let code: Int32

    var description: String { "\(call): \(String(cString: strerror(code)))" }
}
