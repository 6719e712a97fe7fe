/// Which engine a `Database` talks to. Shared SQL is written once with SQLKit; the few
/// dialect differences switch on this.
public enum DatabaseKind: String, Sendable {
    case sqlite, postgres
}
