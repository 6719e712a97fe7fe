/// The `_xHHHH_` escapes OOXML uses in cell text (ST_Xstring) for characters XML cannot carry, e.g. Excel
/// writes a carriage return as `_x000D_`, and a literal `_x0041_` as `_x005F_x0041_`.
enum OOXMLEscapes {
    /// Replaces every `_xHHHH_` with its character. Escapes naming a character that cannot exist (a lone
    /// surrogate) are left as they are.
    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let (scalar, length) = escape(in: scalars, at: index) {
                result.append(scalar)
                index += length
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// Protects text that merely looks like an escape: `_x0041_` becomes `_x005F_x0041_`, so Excel reads it back
    /// as written.
    static func encode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for index in scalars.indices {
            if scalars[index] == "_", escape(in: scalars, at: index) != nil {
                result.append(contentsOf: "_x005F".unicodeScalars)
            }
            result.append(scalars[index])
        }
        return String(result)
    }

    /// The character and length (7) of an escape starting at `index`, if there is one.
    private static func escape(in scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        guard index + 7 <= scalars.count, scalars[index] == "_", scalars[index + 1] == "x",
            scalars[index + 6] == "_"
        else { return nil }
        var value: UInt32 = 0
        for offset in 2...5 {
            let scalar = scalars[index + offset]
            guard scalar.isASCII, let digit = UInt32(String(scalar), radix: 16) else { return nil }
            value = value * 16 + digit
        }
        return Unicode.Scalar(value).map { ($0, 7) }
    }
}
