import CSQLite

extension Database {
    /// The savepoint the writer wraps each queued write in.
    static let batchItemSavepoint = "store_batch_item"

    /// Installs an authorizer that, while `forbidsTransactionControl` is set,
    /// refuses `BEGIN`, `COMMIT`, `ROLLBACK` and any use of the writer's own
    /// savepoint.
    ///
    /// A write closure that committed or rolled back the shared batch
    /// transaction would acknowledge or discard its neighbours' work behind
    /// the writer's back. The authorizer runs when a statement is compiled,
    /// so the writer issues its own transaction statements through
    /// `execute`, which never caches, and no cached statement can carry an
    /// authorization granted while the flag was clear.
    func installTransactionGuard() {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_set_authorizer(handle, { context, action, _, name, _, _ in
            guard let context else { return SQLITE_OK }
            let database = Unmanaged<Database>.fromOpaque(context).takeUnretainedValue()
            guard database.forbidsTransactionControl else { return SQLITE_OK }
            if action == SQLITE_TRANSACTION { return SQLITE_DENY }
            if action == SQLITE_SAVEPOINT, let name,
               String(cString: name).lowercased() == Database.batchItemSavepoint {
                return SQLITE_DENY
            }
            return SQLITE_OK
        }, context)
    }
}
