import CenterDomain

/// What a storage application is refused with.
public enum StorageApplicationCode: String, ErrorCode {
    case fiscalYearPast = "fiscal_year_past"
    case fiscalYearTooFar = "fiscal_year_too_far"
    case invalidUnits = "invalid_units"
    case storageCategoryNotAllowed = "storage_category_not_allowed"
    case invalidName = "invalid_name"
}

/// No storage application has the id (read back after it was written: a
/// defect, declared by no use case).
public enum StorageApplicationLookupCode: String, ErrorCode {
    case storageApplicationNotFound = "storage_application_not_found"
}

/// No storage item has the id.
public enum StorageItemLookupCode: String, ErrorCode {
    case storageItemNotFound = "storage_item_not_found"
}

/// What registering an item refuses with.
public enum RegisterItemCode: String, ErrorCode {
    case storageAllocationNotFound = "storage_allocation_not_found"
    case invalidField = "invalid_field"
    case invalidQuantity = "invalid_quantity"
}

/// What checking an item out refuses with.
public enum ItemCheckOutCode: String, ErrorCode {
    case itemAlreadyOut = "item_already_out"
    case invalidField = "invalid_field"
}

/// What recording an item's return refuses with.
public enum ItemReturnCode: String, ErrorCode {
    case itemNotOut = "item_not_out"
    case invalidField = "invalid_field"
}
