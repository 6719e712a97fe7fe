import Foundation

/// The name an uploaded file is listed and downloaded under: the client's name without any folder
/// part (`C:\fakepath\照片.jpg` → `照片.jpg`), control characters and the characters file systems
/// refuse, at most 120 characters, and ending in an extension of the type its content has (a JPEG
/// sent as `合同.exe` is kept as `合同.exe.jpg`). Without a usable name it is `附件.<ext>`.
public enum AttachmentName {
    public static let maximumLength = 120

    public static func named(_ original: String?, type: FileType) -> String {
        let lastComponent = (original ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let forbidden: Set<Character> = ["<", ">", ":", "\"", "|", "?", "*"]
        var name = String(lastComponent.filter { character in
            !forbidden.contains(character)
                && !character.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }
        }).trimmingCharacters(in: .whitespacesAndNewlines)
        while name.hasPrefix(".") { name.removeFirst() }
        if name.isEmpty { name = "附件" }
        let extensions = type.fileExtensions
        let lower = name.lowercased()
        let suffix = extensions.contains { lower.hasSuffix("." + $0) } ? "" : "." + (extensions.first ?? "bin")
        let room = max(1, maximumLength - suffix.count)
        if name.count > room {
            // Keep the end, where the extension is, when it already matches.
            name = suffix.isEmpty ? String(name.prefix(room - 5)) + String(name.suffix(5)) : String(name.prefix(room))
        }
        return name + suffix
    }
}
