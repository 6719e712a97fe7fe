import FengqiaoDomain
import FengqiaoStore
import Foundation

extension AccountAdministration {
    /// One page of the accounts whose area lies inside the actor's jurisdiction (the filter's area when
    /// given), in username order; `cursor` is the previous page's `next`. For system and security
    /// administrators; everyone else is refused.
    public func accounts(
        _ filter: AccountFilter = AccountFilter(), cursor: String? = nil, limit: Int = 50, by actor: Administrator
    ) async throws -> AccountPage {
        try Self.requireReader(actor)
        let (role, status, namePrefix) = try filter.validated()
        let prefix: String?
        switch actor {
        case .staff(let caller):
            prefix = try caller.staff.scope(filter.areaCode).prefix
        case .commandLine:
            if let text = filter.areaCode, !text.isEmpty {
                guard let code = AreaCode(text) else { throw DomainError.notFound(what: "区域") }
                prefix = Jurisdiction(root: code).prefix
            } else {
                prefix = nil
            }
        }
        let size = min(max(limit, 1), 500)
        let after = cursor.flatMap { $0.isEmpty ? nil : $0 }
        let rows = try await platform.database.read { db in
            try await AccountRepository(db).page(areaPrefix: prefix, role: role?.rawValue, status: status?.rawValue,
                                                 namePrefix: namePrefix, after: after, limit: size)
        }
        let atlas = try await platform.areaAtlas()
        let views = rows.compactMap { record in
            record.id.map { AccountView(record, id: $0, areaName: atlas.node(record.areaCode)?.name) }
        }
        return AccountPage(accounts: views, next: rows.count == size ? rows.last?.username : nil)
    }

    /// One account; "not found" outside the actor's jurisdiction.
    public func account(id: Int64, by actor: Administrator) async throws -> AccountView {
        try Self.requireReader(actor)
        let found = try await platform.database.read { db -> (AccountRecord, DepartmentRecord?)? in
            guard let record = try await AccountRepository(db).find(id: id) else { return nil }
            guard let departmentID = record.departmentId else { return (record, nil) }
            return (record, try await CenterRepository(db).department(id: departmentID))
        }
        guard let (record, department) = found, actor.covers(record.areaCode) else {
            throw DomainError.notFound(what: "账号")
        }
        let atlas = try await platform.areaAtlas()
        return AccountView(record, id: id, areaName: atlas.node(record.areaCode)?.name, departmentName: department?.name)
    }

    /// The account named `username` (the command line names accounts so); "not found" outside the
    /// actor's jurisdiction.
    public func account(username: String, by actor: Administrator) async throws -> AccountView {
        try Self.requireReader(actor)
        let name = username.trimmingCharacters(in: .whitespaces)
        let record = try await platform.database.read { try await AccountRepository($0).find(username: name) }
        guard let id = record?.id else { throw DomainError.notFound(what: "账号") }
        return try await account(id: id, by: actor)
    }

    /// The departments an account in `areaCode` may belong to: those of the area and of every area
    /// above it, nearest first — the choices of the grant form.
    public func departmentChoices(areaCode: String, by actor: Administrator) async throws
        -> [(id: Int64, name: String, areaName: String)]
    {
        try actor.require(.grantRoles)
        guard actor.covers(areaCode), let path = try await platform.areaAtlas().path(to: areaCode) else { return [] }
        let nodes = Array(path.nodes.reversed())
        let departments = try await platform.database.read { db in
            var found: [[DepartmentRecord]] = []
            for node in nodes { found.append(try await CenterRepository(db).departments(areaCode: node.code)) }
            return found
        }
        return zip(nodes, departments).flatMap { node, records in
            records.compactMap { record in record.id.map { (id: $0, name: record.name, areaName: node.name) } }
        }
    }

    /// Lists and single accounts are for those who administer accounts or grant roles.
    static func requireReader(_ actor: Administrator) throws(DomainError) {
        guard case .staff(let caller) = actor else { return }
        guard caller.staff.may(.manageAccounts) || caller.staff.may(.grantRoles) else {
            throw .forbidden(permission: .manageAccounts)
        }
    }
}
