import CenterDomain
import HTTPServer

/// The answers of refusals already given, kept by everything that shapes
/// their bytes, so a refusal answered again costs a lookup instead of its
/// JSON body and Japanese message (`APIResponse.error`): on an opening day
/// most refusals are the same few (the month full, the window not open).
///
/// Invalidation: none is needed. An answer is a function of its key (the
/// status, the code, the English message, the details, the language) and of
/// the Japanese names of the ids (`APIResources.names`, built once from the
/// configuration, which is fixed for the life of the process; the one
/// `APIResources` that holds the names holds this cache) and of the
/// message templates (`MessageCatalogue`, compiled in). Nothing that changes
/// while the process runs (the database, the clock) goes into an answer, so
/// an entry can never be stale. A refusal with an attachment (a dry run's
/// result) is never kept. Details echo input (dates, ids), so the cache is
/// bounded: at `capacity` entries it is emptied and fills again.
final class RefusalAnswers: Sendable {
    /// Everything a refusal's answer is made from, but the fixed names.
    struct Key: Hashable, Sendable {
        let status: Int
        let code: String
        let message: String
        let details: [String: String]
        let language: Language
    }

    /// The most answers kept.
    static let capacity = 512

    private let answers = BoundedMemo<Key, HTTPResponse>(capacity: RefusalAnswers.capacity)

    /// The answer kept for `key`, else `make()`'s, kept for the next time.
    func answer(_ key: Key, make: () -> HTTPResponse) -> HTTPResponse {
        answers.value(key, make: make)
    }

    /// How many answers are kept.
    var count: Int { answers.count }
}
