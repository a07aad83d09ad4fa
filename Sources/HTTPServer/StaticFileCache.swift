import Synchronization

/// Files already served, by requested path, so a repeat request costs one `stat` instead of
/// resolving the path again and reading the file.
///
/// Only files that passed every check are remembered, so the cache holds at most the folder's
/// files. An entry is used only while `stat` still reports the same size and modification time.
final class StaticFileCache: Sendable {
    /// A file as served: where it is, what `stat` said when it was read, and its bytes.
    struct Entry: Sendable {
        let path: String
        let info: StaticFiles.FileInfo
        let body: [UInt8]
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The remembered file for a requested path, if any.
    func entry(forRequestedPath requestedPath: String) -> Entry? {
        entries.withLock { $0[requestedPath] }
    }

    /// Remembers what a requested path resolved to.
    func remember(_ entry: Entry, forRequestedPath requestedPath: String) {
        entries.withLock { $0[requestedPath] = entry }
    }
}
