import GRDB

extension Store {
    /// Makes the database refuse writes as a full disk or a read-only file system would, until called with nil.
    ///
    /// Neither real fault can be staged without privileges: file permissions do not bind root,
    /// and a tiny or read-only mount needs root to make. SQLite reaches the very same errors by
    /// itself: `max_page_count` held at the current size fails every write that needs a new page
    /// with SQLITE_FULL, and `query_only` fails every write with SQLITE_READONLY. Both are set on
    /// the writer connection (the only one that writes), between two transactions of the response
    /// writer, so they hold from the next batch on; reads go on as before.
    public func simulate(_ fault: SimulatedStorageFault?) throws {
        guard !writer.isClosed else {
            throw StorageError.closed
        }
        do {
            // A reader connection still has SQLite's own limit, which is what "no fault" restores.
            let unlimitedPageCount = try pool.read { database in
                try Int.fetchOne(database, sql: "PRAGMA max_page_count")
            } ?? 1_073_741_823
            try pool.writeWithoutTransaction { database in
                try database.execute(sql: "PRAGMA query_only = \(fault == .readOnly ? "ON" : "OFF")")
                // SQLite never sets the limit below the current size, so 1 means "no growth from here".
                try database.execute(sql: "PRAGMA max_page_count = \(fault == .diskFull ? 1 : unlimitedPageCount)")
            }
        } catch {
            throw StorageError(classifying: error, duringWrite: true)
        }
    }
}
