namespace Baton.Storage;

/// <summary>Thrown when the store cannot be used: locked, corrupt, from a newer version, or unreachable.</summary>
public sealed class StoreException(StoreErrorKind kind, string message, Exception? innerException = null)
    : BatonException(message, innerException)
{
    public StoreErrorKind Kind { get; } = kind;

    public override bool IsTransient => Kind is StoreErrorKind.Locked or StoreErrorKind.Unavailable;
}

public enum StoreErrorKind
{
    Locked = 1,
    Corrupt = 2,
    NewerVersion = 3,
    Unavailable = 4,
}
