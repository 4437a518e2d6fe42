import GRDB
import GRDBSQLite

/// How a search orders its matches (`FeedStore.search`): FTS5's bm25, except for a search of one term.
///
/// bm25 multiplies each term's weight in an article by the term's IDF, and finds the IDF by first counting every
/// article of the index that holds the term: a whole walk of its matches (xQueryPhrase), at 100,000 articles
/// 1.2 ms for « québec » (55,000 of them) and 3 to 5 ms for a phrase such as « logiciel libre », each search.
/// With one term, the IDF is one positive number by which every match's score is multiplied: it changes no
/// order, and `qnread_single_term_rank` leaves it out (bm25's formula otherwise, as sqlite's fts5_aux.c has it).
/// An excluded word has no instance in an article that matches, so it adds nothing to either. With two terms or
/// more, the IDFs weigh the terms against each other: those searches keep bm25.
enum SearchRank {
    /// The columns' weights, in the index's column order (body, title, authors, feed title): the ones the index's
    /// `rank` option was given (StoreSchema; SearchRankTests checks they agree).
    static let weights = "1.0, 10.0, 3.0, 2.0"

    /// The score of a match, lower first, as SQL over `article_search`.
    static func expression(singleTerm: Bool) -> String {
        "\(singleTerm ? singleTermFunction : "bm25")(article_search, \(weights))"
    }

    static let singleTermFunction = "qnread_single_term_rank"

    /// Adds `qnread_single_term_rank` to the connection's FTS5.
    static func register(on db: Database) throws {
        let api = FTS5.api(db)
        let code = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), singleTermFunction, nil,
                                               singleTermRank, nil)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
    }
}

/// bm25 without its IDF factor: k1 = 1.2, b = 0.75, each instance of the term counted with its column's weight
/// (the function's arguments), the article's length against the index's average.
private let singleTermRank: fts5_extension_function = { api, fts, context, argumentCount, arguments in
    guard let api = api?.pointee else { return }
    let k1 = 1.2, b = 0.75
    var code = SQLITE_OK
    var rows: sqlite3_int64 = 0
    var tokens: sqlite3_int64 = 0
    var instances: Int32 = 0
    var frequency = 0.0
    code = api.xRowCount(fts, &rows)
    if code == SQLITE_OK { code = api.xColumnTotalSize(fts, -1, &tokens) }
    if code == SQLITE_OK { code = api.xInstCount(fts, &instances) }
    var instance: Int32 = 0
    while code == SQLITE_OK, instance < instances {
        var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
        code = api.xInst(fts, instance, &phrase, &column, &offset)
        if code == SQLITE_OK {
            frequency += argumentCount > column ? sqlite3_value_double(arguments?[Int(column)]) : 1.0
        }
        instance += 1
    }
    var length: Int32 = 0
    if code == SQLITE_OK { code = api.xColumnSize(fts, -1, &length) }
    guard code == SQLITE_OK, rows > 0 else {
        sqlite3_result_error_code(context, code == SQLITE_OK ? SQLITE_ERROR : code)
        return
    }
    let averageLength = Double(tokens) / Double(rows)
    let score = (frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + b * Double(length) / averageLength))
    sqlite3_result_double(context, -1.0 * score)
}
