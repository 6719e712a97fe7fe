/// A batch body gave a different number of outputs than it was given items (a programming error,
/// never input); nothing of that batch is stored.
public enum BatchWriterError: Error {
    case wrongOutputCount
}
