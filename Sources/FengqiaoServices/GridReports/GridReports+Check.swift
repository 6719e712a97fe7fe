import FengqiaoDomain
import Foundation

extension GridReports {
    /// A report that passed every check: the opening (filed on the located grid, its category from the
    /// edited tree) and, for an on-site resolution, its result.
    struct Checked: Sendable {
        var opening: CaseEngine.CheckedOpening
        var result: String?
    }

    /// Checks every field and photo of a grid report and lists every problem at once.
    static func check(
        _ submission: GridReportSubmission, photos: [GridReportPhoto], now: Date, tree: CaseCategoryTree, staff: Staff,
        ownGrids: [String], atlas: AreaAtlas
    ) throws -> Checked {
        var errors: [FieldError] = []
        var gridCode: String?
        if let latitude = submission.latitude, let longitude = submission.longitude {
            let point = Coordinate(latitude: latitude, longitude: longitude)
            if point.isInChina {
                if let grid = atlas.locate(point)?.filing.gridCode {
                    if owns(grid, staff: staff, ownGrids: ownGrids) {
                        gridCode = grid
                    } else {
                        errors.append(FieldError(field: "location", code: "outside_grid", message: "该位置不在您负责的网格内"))
                    }
                } else {
                    errors.append(FieldError(field: "location", code: "no_grid", message: "该位置不在任何网格内"))
                }
            }
        } else {
            errors.append(FieldError(field: "location", code: "required", message: "请提供上报位置的经纬度(latitude、longitude)"))
        }
        var category: CaseCategory?
        switch IntakeCategory.resolve(kind: submission.kind, category: submission.category, in: tree) {
        case .success(let found): category = found
        case .failure(let error): errors.append(error)
        }
        var result: String?
        if submission.resolvedOnSite == true {
            let text = submission.result?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if text.isEmpty {
                errors.append(.required("result", label: "化解结果"))
            } else if text.count > 2000 {
                errors.append(.tooLong("result", label: "化解结果", max: 2000))
            } else {
                result = text
            }
            if photos.isEmpty {
                errors.append(FieldError(field: "photos", code: "required", message: "就地化解须上传现场照片作为佐证"))
            }
        }
        if photos.count > maximumPhotos {
            errors.append(FieldError(field: "photos", code: "too_many", message: "照片最多\(maximumPhotos)张"))
        }
        for (index, photo) in photos.prefix(maximumPhotos).enumerated() {
            do {
                _ = try photoRule.check(photo.data)
            } catch {
                guard case .validation(let fields) = error else { throw error }
                errors += fields.map { FieldError(field: "photos", code: $0.code, message: "第\(index + 1)张照片:\($0.message)") }
            }
        }
        let opening = CaseOpening(
            channel: Channel.gridWorker.rawValue, kind: category?.kind.rawValue ?? CaseKind.dispute.rawValue,
            urgency: submission.urgency, description: submission.description, address: submission.address,
            latitude: submission.latitude, longitude: submission.longitude, gridCode: gridCode,
            contactName: submission.contactName, contactPhone: submission.contactPhone,
            peopleInvolved: submission.peopleInvolved, amountInvolved: submission.amountInvolved,
            parties: submission.parties)
        var checked: CaseEngine.CheckedOpening?
        do {
            checked = try CaseEngine.check(opening, now: now)
        } catch {
            guard case .validation(let fields) = error else { throw error }
            errors += fields
        }
        guard errors.isEmpty, var checked, let category, gridCode != nil else { throw DomainError.validation(errors) }
        checked.report.category = category.name
        return Checked(opening: checked, result: result)
    }

    /// Whether `grid` is one of the worker's: a grid (or a micro-grid of a grid) where they hold a post,
    /// or, holding none, any grid of their jurisdiction.
    static func owns(_ grid: String, staff: Staff, ownGrids: [String]) -> Bool {
        guard staff.jurisdiction.contains(grid) else { return false }
        return ownGrids.isEmpty || ownGrids.contains { grid.hasPrefix($0) }
    }
}
