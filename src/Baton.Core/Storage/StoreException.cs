namespace Baton.Storage;

/// <summary>Thrown when the store cannot be used: locked, corrupt, from a newer version, or unreachable.</summary>
/// <remarks>
/// The message is <see cref="Problem"/> followed by <see cref="Advice"/>. The advice speaks of the store's own options;
/// a host that configures the store its own way (such as the <c>baton</c> command line, with <c>--store</c>) can pair
/// <see cref="Problem"/> with advice of its own.
/// </remarks>
public sealed class StoreException : BatonException
{
    public StoreException(StoreErrorKind kind, string message, Exception? innerException = null)
        : this(kind, message, advice: null, innerException)
    {
    }

    public StoreException(StoreErrorKind kind, string problem, string? advice, Exception? innerException = null)
        : base(advice is null ? problem : $"{problem} {advice}", innerException)
    {
        Kind = kind;
        Problem = problem;
        Advice = advice;
    }

    public StoreErrorKind Kind { get; }

    /// <summary>What went wrong, naming the store's file, without advice on how to fix it.</summary>
    public string Problem { get; }

    /// <summary>How to fix it, in terms of the store's options; null when there is nothing specific to say.</summary>
    public string? Advice { get; }

    public override bool IsTransient => Kind is StoreErrorKind.Locked or StoreErrorKind.Unavailable;
}

public enum StoreErrorKind
{
    Locked = 1,
    Corrupt = 2,
    NewerVersion = 3,
    Unavailable = 4,
}
