/// The checks of hourly rooms (`unit: "hour"`), part of `CenterConfiguration.validate()`.
extension CenterConfiguration {
    func validateHourlyRooms(_ report: (String, String) -> Void) {
        for (i, facility) in facilities.enumerated() {
            let path = "$.facilities[\(i)]"
            switch facility.unit {
            case .division:
                if facility.opening != nil { report("\(path).opening", "only an hourly room (\"unit\": \"hour\") has opening hours") }
                if facility.hourlyFee != nil { report("\(path).hourly_fee", "only an hourly room (\"unit\": \"hour\") has an hourly fee") }
            case .hour:
                if facility.kind != .room { report("\(path).unit", "only a room is booked by the hour") }
                if !facility.divisions.isEmpty || !facility.fees.isEmpty {
                    report("\(path).divisions", "an hourly room has no divisions or division fees")
                }
                if let opening = facility.opening {
                    if opening.from.minute != 0 || opening.to.minute != 0 { report("\(path).opening", "opening hours start and end on the hour") }
                    if opening.to <= opening.from { report("\(path).opening.to", "closes at or before it opens") }
                } else {
                    report("\(path).opening", "an hourly room needs its opening hours")
                }
                if (facility.hourlyFee ?? -1) < 0 { report("\(path).hourly_fee", "an hourly room needs a non-negative hourly fee") }
            }
        }
    }
}
