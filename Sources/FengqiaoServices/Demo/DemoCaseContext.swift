import FengqiaoDomain
import FengqiaoStore
import Foundation

/// Everything case generation reads and never changes: the areas, people, organisations, departments
/// and staff already generated, the catalog, and lookup tables built once.
struct DemoCaseContext: Sendable {
    let atlas: DemoAtlas
    let catalog: DemoCaseCatalog
    let calendar: DemoCaseCalendar
    let residents: DemoResidentBuilder.Output
    let organizations: DemoOrganizationBuilder.Output
    let departments: DemoDepartmentBuilder.Output
    let staff: DemoStaffBuilder.Output
    let nowMs: Int64
    /// The business calendar in force (the official schedules on a new database): dispatch deadlines and
    /// clocks are counted on it as the engine counts them.
    let businessCalendar: BusinessCalendar
    let addresses: DemoAddresses
    let namer = DemoPersonNamer()
    /// Sealed and masked mobiles of callers who are not registered residents.
    let strangerPhones: [(cipher: String, masked: String)]
    /// Cumulative activity over all grids, for drawing where a case happens.
    let gridCumulative: [Double]
    /// Per category: weights over `Channel.allCases`.
    let channelWeights: [[Double]]
    /// Per category index: the lead department codes to try, in order.
    let leads: [[String]]
    /// The demo accounts as the workflow sees them (role, jurisdiction, department), by account id.
    let staffByAccount: [Int64: Staff]

    init(
        atlas: DemoAtlas, cases: Int, residents: DemoResidentBuilder.Output,
        organizations: DemoOrganizationBuilder.Output, departments: DemoDepartmentBuilder.Output,
        staff: DemoStaffBuilder.Output, nowMs: Int64, businessCalendar: BusinessCalendar,
        strangerPhones: [(cipher: String, masked: String)]
    ) {
        self.addresses = DemoAddresses(atlas: atlas)
        self.strangerPhones = strangerPhones
        self.atlas = atlas
        self.catalog = DemoCaseCatalog()
        self.calendar = DemoCaseCalendar(nowMs: nowMs, totalCases: cases)
        self.residents = residents
        self.organizations = organizations
        self.departments = departments
        self.staff = staff
        self.nowMs = nowMs
        self.businessCalendar = businessCalendar
        var total = 0.0
        gridCumulative = atlas.grids.map { grid in
            total += grid.activity
            return total
        }
        channelWeights = catalog.categories.map(Self.channelWeights)
        leads = catalog.categories.map { DemoDepartmentCatalog.leads(forCategory: $0.name) }
        var staffByAccount: [Int64: Staff] = [:]
        for account in staff.accounts {
            guard let root = AreaCode(account.area) else { continue }
            staffByAccount[account.id] = Staff(
                accountID: account.id, username: account.username, displayName: account.name, role: account.role,
                jurisdiction: Jurisdiction(root: root), departmentID: account.department)
        }
        self.staffByAccount = staffByAccount
    }

    /// The reference time.
    var now: Date { Date(millisecondsSince1970: nowMs) }

    /// A grid index drawn by activity.
    func drawGrid(_ random: inout DemoRandom) -> Int {
        let x = random.unit() * (gridCumulative.last ?? 0)
        var lo = 0
        var hi = gridCumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if gridCumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// The residents living in or next to a grid (special grids borrow their village's first grid).
    func residentRange(ofGrid index: Int) -> Range<Int> {
        if index < residents.gridRanges.count { return residents.gridRanges[index] }
        let village = atlas.villages[atlas.grids[index].village]
        return village.grids.first.map { residents.gridRanges[$0] } ?? 0..<0
    }

    /// How each channel brings in a category: AI cameras only see what they are trained on, disputes
    /// come to the desk and 码上解纷, suggestions by letter, web and 五色袋.
    private static func channelWeights(_ category: DemoCaseCatalog.Category) -> [Double] {
        Channel.allCases.map { channel in
            var w: Double =
                switch channel {
                case .walkIn: 8
                case .phone: 10
                case .letter: 2
                case .gridWorker: 28
                case .snapshot: 9
                case .qrCode: 4
                case .hotline12345: 24
                case .aiCamera: DemoCaseTexts.cameraScenes[category.name] == nil ? 0 : 14
                case .fiveColorBag: 2
                case .web: 5
                // The demo has no Open311 clients.
                case .open311: 0
                }
            switch (category.kind, channel) {
            case (.dispute, .qrCode): w *= 3
            case (.dispute, .walkIn), (.dispute, .letter): w *= 2
            case (.dispute, .snapshot): w *= 0.3
            case (.policyInquiry, .phone), (.policyInquiry, .web): w *= 2
            case (.policyInquiry, .gridWorker), (.policyInquiry, .snapshot): w *= 0.3
            case (.suggestion, .web), (.suggestion, .fiveColorBag): w *= 3
            case (.suggestion, .letter): w *= 2
            case (.livelihood, .fiveColorBag): w *= 2
            case (.urbanManagement, .snapshot), (.safetyHazard, .snapshot): w *= 2
            case (.urbanManagement, .gridWorker), (.safetyHazard, .gridWorker): w *= 1.3
            default: break
            }
            return w
        }
    }
}
