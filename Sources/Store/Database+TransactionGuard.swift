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

    /// How the write now running on the writer's connection is undone.
    enum WriteUndo {
        /// The write has the transaction to itself: roll it back and begin again.
        case restartTransaction
        /// The write runs in the batch item savepoint: roll back to it.
        case rollbackToSavepoint
    }

    /// Marks the start of a queued write (the writer, before its work).
    func beginWrite(undo: WriteUndo) {
        runningWrite = (undo, writeStatementCount)
    }

    /// Marks its end; returns whether it ran a statement that writes.
    func endWrite() -> Bool {
        defer { runningWrite = nil }
        return runningWrite.map { $0.mark != writeStatementCount } ?? true
    }

    /// Rolls the writer's transaction back and begins a new one.
    func restartTransaction() throws {
        try executeControl("ROLLBACK")
        try executeControl("BEGIN IMMEDIATE")
    }

    /// Undoes everything the running write has changed so far, and lets
    /// it go on (to record a refusal, say) as if it had just begun: its
    /// savepoint is rolled back to and kept, or, when it has the
    /// transaction to itself, the transaction is restarted. Nothing to do
    /// when it has run no statement that writes.
    /// - Throws: `StoreError.Code.transactionControl` outside a queued
    ///   write; the SQLite error of the rollback.
    public func undoWrite() throws {
        guard let running = runningWrite else {
            throw StoreError(code: .transactionControl, resultCode: SQLITE_MISUSE,
                             message: "undoWrite is only for a write queued with DatabasePool.write")
        }
        guard running.mark != writeStatementCount else { return }
        forbidsTransactionControl = false
        defer { forbidsTransactionControl = true }
        switch running.undo {
        case .restartTransaction: try restartTransaction()
        case .rollbackToSavepoint: try executeControl("ROLLBACK TO \(Database.batchItemSavepoint)")
        }
        runningWrite = (running.undo, writeStatementCount)
    }
}
