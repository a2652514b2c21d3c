/// The calendar module's `WindowOpening` for a category's `WindowSpec`
/// (予約受付開始), so the opening date rolls forward past closed days the
/// same way everywhere (docs/DOMAIN.md "Who may book, and when").
extension WindowSpec {
    public var opening: WindowOpening { WindowOpening(self) }
}
