import FengqiaoDomain
import FengqiaoSheets
import Foundation

/// A work-order batch read into rows of text, whatever it came as: CSV or XLSX (a header row; rows and
/// columns numbered as Excel shows them) or JSON (an array of objects, or `{"workOrders": [...]}`;
/// rows numbered from 1 in array order, columns named by their keys).
struct HotlineSheet {
    enum Format: String { case csv, xlsx, json }

    let format: Format
    let table: SheetTable
    /// Rows the reader could not take (too many cells, an array item that is not an object).
    let rowProblems: [ImportReport.Problem]

    /// How the report names column `index`: its letter in a sheet, its key in JSON.
    func label(column index: Int) -> String {
        format == .json ? (table.header.indices.contains(index) ? table.header[index] : "") : SheetColumn.letters(forIndex: index)
    }

    /// Reads `data` named `filename`. An unreadable file, one of another type (by its content), or one
    /// over the limits is a validation error on `file`.
    static func read(_ data: Data, filename: String, maxBytes: Int, maxRows: Int) throws -> HotlineSheet {
        _ = try UploadRule.sheet(maxBytes: maxBytes).check(data)
        if isJSON(data, filename: filename) { return try json(data, maxRows: maxRows) }
        let limits = SheetLimits(maxFileBytes: maxBytes, maxRows: maxRows, maxColumns: 200, maxCells: maxRows * 200)
        let table: SheetTable
        do {
            table = try SheetReader.read(data: data, filename: filename, limits: limits)
        } catch {
            throw DomainError.validation([FieldError(field: "file", code: error.code, message: error.message)])
        }
        let format: Format = data.starts(with: [0x50, 0x4B]) ? .xlsx : .csv
        return HotlineSheet(format: format, table: table, rowProblems: ImportColumns.rowProblems(table))
    }

    /// JSON by name, or by a first character (after a byte-order mark and blanks) of `[` or `{`.
    static func isJSON(_ data: Data, filename: String) -> Bool {
        if filename.lowercased().hasSuffix(".json") { return true }
        let first = data.prefix(64).drop { [0xEF, 0xBB, 0xBF, 0x20, 0x09, 0x0A, 0x0D].contains($0) }.first
        return first == UInt8(ascii: "[") || first == UInt8(ascii: "{")
    }

    private static func json(_ data: Data, maxRows: Int) throws -> HotlineSheet {
        func refuse(_ code: String, _ message: String) -> DomainError {
            .validation([FieldError(field: "file", code: code, message: message)])
        }
        let items: [JSONItem]
        if let array = try? JSONDecoder().decode([JSONItem].self, from: data) {
            items = array
        } else if let batch = try? JSONDecoder().decode(JSONBatch.self, from: data) {
            items = batch.workOrders
        } else {
            throw refuse("malformed_json", "JSON 应为工单对象的数组,或含 workOrders 数组的对象")
        }
        guard !items.isEmpty else { throw refuse("empty_file", "文件中没有工单") }
        guard items.count <= maxRows else { throw refuse("too_large", "工单超过 \(maxRows) 条的上限,请拆分后分批导入") }
        var header: [String] = []
        var position: [String: Int] = [:]
        var rows: [SheetRow] = []
        var problems: [ImportReport.Problem] = []
        for (offset, item) in items.enumerated() {
            guard case .object(let values) = item else {
                problems.append(.init(row: offset + 1, column: nil, field: "file", code: "not_an_object",
                                      message: "第\(offset + 1)条不是 JSON 对象"))
                continue
            }
            for key in values.keys.sorted() where position[key] == nil && header.count < 200 {
                position[key] = header.count
                header.append(key)
            }
            rows.append(SheetRow(number: offset + 1, cells: header.map { values[$0] ?? "" }))
        }
        let width = header.count
        rows = rows.map { SheetRow(number: $0.number, cells: $0.cells + Array(repeating: "", count: width - $0.cells.count)) }
        return HotlineSheet(format: .json, table: SheetTable(header: header, headerRowNumber: 0, rows: rows),
                            rowProblems: problems)
    }

    /// `{"workOrders": [...]}`.
    private struct JSONBatch: Decodable {
        var workOrders: [JSONItem]
    }

    /// An array item: an object whose values are read as cell text, or anything else.
    private enum JSONItem: Decodable {
        case object([String: String])
        case other

        init(from decoder: any Decoder) throws {
            guard let object = try? decoder.singleValueContainer().decode([String: JSONCell].self) else {
                self = .other
                return
            }
            self = .object(object.compactMapValues(\.text))
        }
    }

    /// A value as cell text: strings as they are, numbers without a needless `.0`; nil for null,
    /// booleans, arrays and objects (no field of a work order is one).
    private struct JSONCell: Decodable {
        var text: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let string = try? container.decode(String.self) {
                text = string
            } else if (try? container.decode(Bool.self)) != nil {
                text = nil
            } else if let integer = try? container.decode(Int64.self) {
                text = String(integer)
            } else if let double = try? container.decode(Double.self) {
                text = String(double)
            } else {
                text = nil
            }
        }
    }
}
