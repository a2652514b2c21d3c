import JSON

/// Examples for the desk, locker and storage schemas, attached like the
/// others by `OpenAPIExamples.attach`.
extension OpenAPIExamples {
    static let deskPass: JSONValue = [
        "id": 7, "registration": 4, "desk": "desk-03", "date": "2026-11-26", "period": "am", "units": ["am"], "state": "booked",
        "fee": 0, "starts_at": "2026-11-26T09:00:00+09:00", "check_in_deadline": "2026-11-26T09:30:00+09:00",
        "created_at": "2026-11-25T10:00:00+09:00", "created_by": "member:Freelancer#5",
    ]

    static let lockerLease: JSONValue = [
        "id": 1, "locker": "locker-01", "registration": 3, "corporate_number": "7000012050002", "founder": false,
        "start_date": "2026-12-01", "months": 6, "end_date": "2027-05-31", "monthly_fee": 3000, "amount_owed": 18000,
        "identity_check": ["document": "運転免許証", "checked_by": "Sato", "checked_on": "2026-11-25"], "state": "active",
        "created_at": "2026-11-25T10:00:00+09:00", "created_by": "staff:Front desk#3",
        "updated_at": "2026-11-25T10:00:00+09:00", "updated_by": "staff:Front desk#3",
    ]

    static let facilityComponents: [String: JSONValue] = [
        "Desk": ["id": "desk-03", "features": ["window", "power"]],
        "DeskAvailability": ["date": "2026-11-26", "open": true, "reasons": [],
                             "periods": [["period": "am", "name_ja": "午前", "start": "09:00", "end": "12:00", "desks": 20,
                                          "free": 19, "taken": 1, "closed": 0, "free_desks": ["desk-01", "desk-02"]]]],
        "DeskPass": deskPass,
        "DeskOccupancy": ["date": "2026-11-26", "period": "am", "open": true, "desks": 20, "passes": 2, "checked_in": 1,
                          "no_shows": 1, "occupancy": .double(0.05)],
        "LockerState": ["id": "locker-01", "state": "leased", "until": "2027-05-31"],
        "LockerLease": lockerLease,
        "LockerWaitlistEntry": ["id": 2, "registration": 5, "note": "法人登記のため", "applied_at": "2026-11-25T10:00:00+09:00",
                                "state": "waiting", "position": 1],
        "LockerOffer": ["id": 1, "waitlist_entry": 2, "registration": 5, "locker": "locker-04", "offered_on": "2026-11-25",
                        "expires_on": "2026-12-02", "state": "open"],
        "StorageBay": ["id": "storage-a", "name_ja": "備品倉庫A", "name_en": "Equipment storage A", "floor": 1, "capacity": 10,
                       "fiscal_year": 2026, "allocated_units": 4, "free_units": 6, "allocations": [], "items_out": []],
        "StorageApplication": ["id": 1, "fiscal_year": 2026, "registration": 6, "category": "community_group",
                               "holder_name": "中野町会", "units": 2, "applied_at": "2026-11-25T10:00:00+09:00",
                               "state": "allocated", "allocation": 1, "bay": "storage-a"],
        "StorageItem": ["id": 1, "allocation": 1, "bay": "storage-a", "name": "テント", "quantity": 2, "state": "in", "log": []],
    ]
}
