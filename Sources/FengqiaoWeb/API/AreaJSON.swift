import FengqiaoDomain
import FengqiaoServices

/// The JSON shapes of the map API (`/api/v1/areas`, `/api/v1/grids`, `/api/v1/locate`).
enum AreaJSON {
    struct Node: Encodable {
        let code: String
        let name: String
        let level: String
        let gridKind: String?
        let squareMetres: Double

        init(_ node: AreaNode) {
            code = node.code
            name = node.name
            level = node.level.rawValue
            gridKind = node.gridKind?.rawValue
            squareMetres = (node.squareMetres * 10).rounded() / 10
        }
    }

    struct Overview: Encodable {
        struct Child: Encodable {
            let area: Node
            let openCases: Int
            let people: Int?
        }

        struct Department: Encodable {
            let id: Int64?
            let code: String
            let name: String
            let core: Bool
            let stationing: String
            let onDutyToday: [String]
        }

        struct Center: Encodable {
            let name: String
            let address: String
            let hotline: String
        }

        let area: Node
        let breadcrumbs: [Node]
        let openCases: Int
        let children: [Child]
        let center: Center?
        let departments: [Department]

        init(_ overview: AreaOverview) {
            area = Node(overview.area)
            breadcrumbs = overview.breadcrumbs.map(Node.init)
            openCases = overview.openCases
            children = overview.children.map { Child(area: Node($0.node), openCases: $0.openCases, people: $0.people) }
            center = overview.center.map { Center(name: $0.name, address: $0.address, hotline: $0.hotline) }
            departments = overview.departments.map {
                Department(id: $0.record.id, code: $0.record.code, name: $0.record.name, core: $0.record.isCore == 1,
                           stationing: $0.stationing.rawValue, onDutyToday: $0.onDutyToday)
            }
        }
    }

    struct Grid: Encodable {
        struct Holder: Encodable {
            let post: String
            let accountId: Int64
            let name: String
        }

        struct Finding: Encodable {
            let post: String
            let message: String
            let violation: Bool
        }

        struct RecentCase: Encodable {
            let number: String
            let kind: String?
            let category: String
            let state: String?
            let reportedDay: String
        }

        let area: Node
        let breadcrumbs: [Node]
        let posts: [Holder]
        let staffingFindings: [Finding]
        let counts: [String: Int]
        let microGrids: [Node]
        let openCases: Int
        let recentCases: [RecentCase]

        init(_ detail: GridDetail) {
            area = Node(detail.grid)
            breadcrumbs = detail.breadcrumbs.map(Node.init)
            posts = detail.posts.map { Holder(post: $0.post, accountId: $0.accountId, name: $0.displayName ?? "") }
            staffingFindings = detail.staffing.findings.map {
                Finding(post: $0.post.rawValue, message: $0.message, violation: $0.isViolation)
            }
            counts = [
                "people": detail.counts.people, "households": detail.counts.households,
                "organizations": detail.counts.organizations, "places": detail.counts.places,
                "things": detail.counts.things,
            ]
            microGrids = detail.microGrids.map(Node.init)
            openCases = detail.openCases
            recentCases = detail.recentCases.map {
                RecentCase(number: $0.number, kind: $0.kind?.rawValue, category: $0.category, state: $0.state?.rawValue,
                           reportedDay: $0.reportedDay)
            }
        }
    }
}
