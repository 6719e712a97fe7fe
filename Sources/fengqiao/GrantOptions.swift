import ArgumentParser

/// What `user create` and `user grant` give an account: its role, area and department.
struct GrantOptions: ParsableArguments {
    @Option(help: "角色,如 systemAdmin、leader,或中文名 系统管理员")
    var role: String

    @Option(help: "所属区域编码 (12/15/18 位);账号管辖该区域及其下级")
    var area: String

    @Option(help: "所属部门编号 (可选;须属于该区域或其上级区域)")
    var department: Int64?
}
