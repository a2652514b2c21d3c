#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT cannot be imported into Swift (it is a macro cast).
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

/// sqlite3_db_config is variadic; Swift cannot call C variadics.
static inline int csqlite_db_config_int(sqlite3 *db, int op, int value, int *result) {
    return sqlite3_db_config(db, op, value, result);
}
/// sqlite3_config is variadic too; this form takes one int (SQLITE_CONFIG_MEMSTATUS).
static inline int csqlite_config_int(int op, int value) {
    return sqlite3_config(op, value);
}
#endif
