import Testing
@testable import Store

struct SQLConditionsTests {
    @Test func absentValuesAddNoCondition() {
        var filter = SQLConditions()
        filter.add("a = ?", nil)
        #expect(filter.clause == "")
        #expect(filter.arguments.isEmpty)
    }

    @Test func presentValuesAreJoinedWithAndInOrder() {
        var filter = SQLConditions()
        filter.add("a = ?", .integer(1))
        filter.add("b = ?", nil)
        filter.add("c >= ?", .text("x"))
        #expect(filter.clause == " WHERE a = ? AND c >= ?")
        #expect(filter.arguments == [.integer(1), .text("x")])
    }
}
