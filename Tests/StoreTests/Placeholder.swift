// Keeps the StoreTests target buildable on a fresh clone of this branch; the
// store tests themselves come from the store branch via main. Delete on merge.
