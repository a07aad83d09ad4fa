import GRDB

extension Store {
    /// The session with this row id (the one a response or contact refers to), if any.
    public func session(id: Int64) throws -> Session? {
        try reading { database in
            try Session.withFormVersion.filter(Session.Columns.id == id).fetchOne(database)
        }
    }
}
