import Foundation

/// Writes a line to standard output unbuffered, so the address and the demo logins appear at once
/// even when output goes to a file or a pipe.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
