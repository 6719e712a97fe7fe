import Foundation

/// A uniform bucket grid over the boxes of many shapes: which shapes may hold a point, and which may meet a
/// box. It keeps the checks of a county's thousands of children close to linear: only shapes whose boxes
/// come near each other are ever compared.
struct ShapeBuckets: Sendable {
    private let boxes: [(minX: Double, minY: Double, maxX: Double, maxY: Double)]
    private let minX: Double
    private let minY: Double
    private let cellWidth: Double
    private let cellHeight: Double
    private let columns: Int
    private let rows: Int
    private let cells: [[Int32]]

    /// Indexes the shapes' boxes, each widened by `margin`.
    init(_ shapes: [PlanarShape], margin: Double) {
        let boxes = shapes.map {
            (minX: $0.minX - margin, minY: $0.minY - margin, maxX: $0.maxX + margin, maxY: $0.maxY + margin)
        }
        let usable = boxes.filter { $0.minX <= $0.maxX && $0.minY <= $0.maxY }
        let minX = usable.map(\.minX).min() ?? 0
        let minY = usable.map(\.minY).min() ?? 0
        let width = (usable.map(\.maxX).max() ?? 0) - minX
        let height = (usable.map(\.maxY).max() ?? 0) - minY
        let side = max(1, min(512, Int(Double(usable.count).squareRoot().rounded(.up))))
        self.boxes = boxes
        self.minX = minX
        self.minY = minY
        self.columns = width > 0 && width.isFinite ? side : 1
        self.rows = height > 0 && height.isFinite ? side : 1
        self.cellWidth = columns > 1 ? width / Double(columns) : 0
        self.cellHeight = rows > 1 ? height / Double(rows) : 0
        var cells = [[Int32]](repeating: [], count: columns * rows)
        for (index, box) in boxes.enumerated() where box.minX <= box.maxX && box.minY <= box.maxY {
            let (c0, r0) = (Self.cell(box.minX, minX, cellWidth, columns), Self.cell(box.minY, minY, cellHeight, rows))
            let (c1, r1) = (Self.cell(box.maxX, minX, cellWidth, columns), Self.cell(box.maxY, minY, cellHeight, rows))
            for r in r0...max(r0, r1) {
                for c in c0...max(c0, c1) { cells[r * columns + c].append(Int32(index)) }
            }
        }
        self.cells = cells
    }

    /// The shapes whose (widened) box holds `point`.
    func shapes(near point: PlanarPoint) -> [Int] {
        let c = Self.cell(point.x, minX, cellWidth, columns)
        let r = Self.cell(point.y, minY, cellHeight, rows)
        return cells[r * columns + c].map(Int.init).filter { index in
            let box = boxes[index]
            return point.x >= box.minX && point.x <= box.maxX && point.y >= box.minY && point.y <= box.maxY
        }
    }

    /// The shapes other than `index` whose (widened) boxes meet that shape's box, each listed once.
    func neighbours(of index: Int) -> [Int] {
        guard boxes.indices.contains(index) else { return [] }
        let box = boxes[index]
        guard box.minX <= box.maxX, box.minY <= box.maxY else { return [] }
        let r0 = Self.cell(box.minY, minY, cellHeight, rows)
        let c0 = Self.cell(box.minX, minX, cellWidth, columns)
        let r1 = max(r0, Self.cell(box.maxY, minY, cellHeight, rows))
        let c1 = max(c0, Self.cell(box.maxX, minX, cellWidth, columns))
        var found = Set<Int>()
        for r in r0...r1 {
            for c in c0...c1 {
                for other in cells[r * columns + c] where Int(other) != index {
                    let o = boxes[Int(other)]
                    if o.minX <= box.maxX && box.minX <= o.maxX && o.minY <= box.maxY && box.minY <= o.maxY {
                        found.insert(Int(other))
                    }
                }
            }
        }
        return found.sorted()
    }

    /// The cell column (or row) of a coordinate, clamped into the grid; never traps on NaN.
    private static func cell(_ value: Double, _ origin: Double, _ size: Double, _ count: Int) -> Int {
        guard size > 0 else { return 0 }
        let position = ((value - origin) / size).rounded(.down)
        guard position.isFinite else { return 0 }
        return Int(min(Double(count - 1), max(0, position)))
    }
}
