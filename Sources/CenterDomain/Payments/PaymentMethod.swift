/// How money changed hands at the counter (支払方法).
///
/// `invoice` (請求書払い) is money a group paid against an invoice the center
/// sent it, recorded when it arrives; the booking is paid only then.
/// Deferred payment (後納: a booking confirmed on the invoice alone) is not
/// modelled. Our decision.
public enum PaymentMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// 現金.
    case cash
    /// カード (credit, debit or IC card at the counter's terminal).
    case card
    /// 振込 (bank transfer).
    case bankTransfer = "bank_transfer"
    /// 請求書払い: paid against the center's invoice to the group.
    case invoice

    /// 現金, カード, 振込, 請求書払い.
    public var nameJa: String {
        switch self {
        case .cash: "現金"
        case .card: "カード"
        case .bankTransfer: "振込"
        case .invoice: "請求書払い"
        }
    }

    /// Cash, Card, Bank transfer, Invoice.
    public var nameEn: String {
        switch self {
        case .cash: "Cash"
        case .card: "Card"
        case .bankTransfer: "Bank transfer"
        case .invoice: "Invoice"
        }
    }

    /// Whether a refund may be paid out this way: cash, back to the card, or
    /// by transfer; there is no invoice for money going out.
    public var paysOutRefunds: Bool { self != .invoice }
}
