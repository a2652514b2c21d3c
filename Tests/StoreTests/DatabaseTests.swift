import CSQLite
import Testing
@testable import Store

/// One connection: statements, the cache, rows and errors.
@Suite struct DatabaseTests {
    private func withDatabase(_ body: (Database) throws -> Void) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try Database(path: directory.path + "/one.sqlite", flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        defer { database.close() }
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER)")
        try body(database)
    }

    @Test func repeatedSQLReusesItsPreparedStatement() throws {
        try withDatabase { database in
            for n in 0..<10 {
                try database.run("INSERT INTO t (name, n) VALUES (?, ?)", [.text("row \(n)"), .integer(Int64(n))])
            }
            #expect(database.preparedStatementCount == 1)
            _ = try database.query("SELECT * FROM t")
            _ = try database.query("SELECT * FROM t")
            #expect(database.preparedStatementCount == 2)
        }
    }

    @Test func cachedStatementTakesNewArgumentsEachTime() throws {
        try withDatabase { database in
            try database.run("INSERT INTO t (name, n) VALUES (?, ?)", [.text("a"), .integer(1)])
            try database.run("INSERT INTO t (name, n) VALUES (?, ?)", [.text("b"), .integer(2)])
            let names = try database.query("SELECT name FROM t WHERE n >= ? ORDER BY n", [.integer(2)]).map { try $0.get("name") as String }
            #expect(names == ["b"])
            let all = try database.query("SELECT name FROM t WHERE n >= ? ORDER BY n", [.integer(0)]).map { try $0.get("name") as String }
            #expect(all == ["a", "b"])
        }
    }

    @Test func runReturnsTheNumberOfChangedRows() throws {
        try withDatabase { database in
            try database.execute("INSERT INTO t (name, n) VALUES ('a', 1); INSERT INTO t (name, n) VALUES ('b', 1)")
            #expect(try database.run("UPDATE t SET n = 2 WHERE n = ?", [.integer(1)]) == 2)
        }
    }

    @Test func lastInsertRowIDIsTheNewRow() throws {
        try withDatabase { database in
            try database.run("INSERT INTO t (id, name) VALUES (41, 'x')")
            #expect(database.lastInsertRowID == 41)
        }
    }

    @Test func queryReadsRowsReturnedByAWrite() throws {
        try withDatabase { database in
            let row = try database.queryOne("INSERT INTO t (name, n) VALUES (?, ?) RETURNING id, n", [.text("a"), .integer(5)])
            #expect(try row?.get("n") == 5)
        }
    }

    @Test func executeRunsEveryStatementOfAScript() throws {
        try withDatabase { database in
            try database.execute("""
                INSERT INTO t (name) VALUES ('a');
                INSERT INTO t (name) VALUES ('b');
                """)
            #expect(try database.queryOne("SELECT count(*) FROM t")?.get(0) == 2)
        }
    }

    @Test func runRefusesAScriptOfSeveralStatements() throws {
        try withDatabase { database in
            #expect(throws: StoreError.self) {
                try database.run("INSERT INTO t (name) VALUES ('a'); DELETE FROM t")
            }
            let remaining: Int? = try database.queryOne("SELECT count(*) FROM t")?.get(0)
            #expect(remaining == 0)
        }
    }

    @Test func wrongNumberOfArgumentsIsRefused() throws {
        try withDatabase { database in
            #expect(throws: StoreError.self) {
                try database.run("INSERT INTO t (name, n) VALUES (?, ?)", [.text("a")])
            }
        }
    }

    @Test func rowReadsByIndexAndByCaseInsensitiveName() throws {
        try withDatabase { database in
            let row = try #require(try database.queryOne("SELECT 7 AS Seven, 'x' AS label"))
            #expect(row.columns == ["Seven", "label"])
            #expect(row[0] == .integer(7))
            #expect(try row.get("seven") == 7)
            #expect(try row.get(1) == "x")
        }
    }

    @Test func missingColumnErrorNamesTheColumn() throws {
        try withDatabase { database in
            let row = try #require(try database.queryOne("SELECT 1 AS one"))
            let error = try #require(throws: StoreError.self) { try row.get("two") as Int }
            #expect(error.code == .columnNotFound)
            #expect(error.message.contains("'two'"))
        }
    }

    @Test func typeMismatchNamesTheColumnButNotTheValue() throws {
        try withDatabase { database in
            let row = try #require(try database.queryOne("SELECT 'secret-value' AS name"))
            let error = try #require(throws: StoreError.self) { try row.get("name") as Int }
            #expect(error.code == .typeMismatch)
            #expect(error.message.contains("'name'"))
            #expect(!error.description.contains("secret-value"))
        }
    }

    @Test func constraintErrorCarriesSQLAndExtendedCodeButNotArguments() throws {
        try withDatabase { database in
            try database.run("INSERT INTO t (name) VALUES (?)", [.text("taro@example.jp")])
            let error = try #require(throws: StoreError.self) {
                try database.run("INSERT INTO t (name) VALUES (?)", [.text("taro@example.jp")])
            }
            #expect(error.isConstraintViolation)
            #expect(error.resultCode == 2067)
            #expect(error.sql == "INSERT INTO t (name) VALUES (?)")
            #expect(!error.description.contains("taro@example.jp"))
        }
    }

    @Test func doubleQuotedStringsAreIdentifiersOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try Database.openWriter(StoreConfiguration(path: directory.path + "/dqs.sqlite"))
        defer { database.close() }
        try database.execute("CREATE TABLE t (name TEXT)")
        #expect(throws: StoreError.self) {
            try database.query("SELECT * FROM t WHERE name = \"nobody\"")
        }
    }
}

extension DatabaseTests {
    @Test func statementCacheIsEmptiedWhenFullInsteadOfGrowing() throws {
        try withDatabase { database in
            database.statementCacheCapacity = 2
            for n in 0..<5 {
                _ = try database.query("SELECT \(n)")
            }
            #expect(database.cachedStatementCount <= 2)
            #expect(try database.queryOne("SELECT 4")?.get(0) == 4)
        }
    }
}
