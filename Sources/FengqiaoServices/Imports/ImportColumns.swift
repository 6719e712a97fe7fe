import FengqiaoDomain
import FengqiaoSheets
import Foundation

/// The columns an import understands, found in a file's header by any of their Chinese names.
struct ImportColumns {
    struct Column {
        let field: String
        let names: [String]
        let required: Bool
    }

    let columns: [Column]

    /// Each field's column index, and a problem for every required column the header lacks.
    func locate(in table: SheetTable) -> (index: [String: Int], problems: [ImportReport.Problem]) {
        var index: [String: Int] = [:]
        var problems: [ImportReport.Problem] = []
        for column in columns {
            if let i = column.names.lazy.compactMap({ table.columnIndex(named: $0) }).first {
                index[column.field] = i
            } else if column.required {
                problems.append(.init(row: table.headerRowNumber, column: nil, field: column.field, code: "missing_column",
                                      message: "缺少“\(column.names[0])”列"))
            }
        }
        return (index, problems)
    }

    /// Reads the file, or throws a validation error naming the file.
    static func read(_ data: Data, filename: String) throws -> SheetTable {
        _ = try UploadRule.sheet(maxBytes: SheetLimits.standard.maxFileBytes).check(data)
        do { return try SheetReader.read(data: data, filename: filename) } catch {
            throw DomainError.validation([FieldError(field: "file", code: error.code, message: error.message)])
        }
    }

    /// A problem located at `row` and the column of the error's field.
    static func problem(_ error: FieldError, row: Int, index: [String: Int]) -> ImportReport.Problem {
        let field = error.field.hasPrefix("tags") ? "tags" : error.field
        return .init(row: row, column: index[field].map { SheetColumn.letters(forIndex: $0) }, field: field,
                     code: error.code, message: error.message)
    }

    /// Problems the reader found in rows (e.g. more cells than the header).
    static func rowProblems(_ table: SheetTable) -> [ImportReport.Problem] {
        table.rowErrors.map { .init(row: $0.row, column: nil, field: "file", code: $0.code, message: $0.message) }
    }
}
