extension BookingState {
    /// The state as the counter, the feeds and the pages say it (予約の状態).
    public var japaneseName: String {
        switch self {
        case .provisional: "仮予約"
        case .paid: "支払済"
        case .checkedIn: "利用中"
        case .done: "利用済"
        case .lapsed: "失効"
        case .cancelledByUser: "取消し（利用者）"
        case .cancelledByCenter: "取消し（センター）"
        case .noShow: "無断不使用"
        }
    }
}
