namespace Baton.Sqlite;

/// <summary>Settings of the embedded SQLite store.</summary>
/// <remarks>The store validates them when it is constructed and copies them: changing an instance afterwards has no effect.</remarks>
public sealed class SqliteStoreOptions
{
    /// <summary>The largest <see cref="InlinePayloadLimit"/> accepted: 1 MiB.</summary>
    public const int MaxInlinePayloadLimit = 1024 * 1024;

    /// <summary>The largest <see cref="MaxBatchSize"/> accepted.</summary>
    public const int MaxMaxBatchSize = 10_000;

    /// <summary>
    /// The database file. Required; there is no default. A relative path resolves against the current directory, and a
    /// missing directory is created. The store also creates the <c>-wal</c> and <c>-shm</c> files next to it.
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>
    /// How long an operation waits for a lock that another process (or another store on the same file) holds before it
    /// fails with a <see cref="Baton.Storage.StoreException"/> of kind <see cref="Baton.Storage.StoreErrorKind.Locked"/>.
    /// Default 5 seconds. Writes honour it to the millisecond; reads, which rarely wait at all, wait at least one second.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The most write operations (commits, claims, signals, ...) applied in one transaction, and so made durable by one
    /// fsync. Default 256 operations. Operations that arrive while a transaction is being written wait for the next one:
    /// the store never delays an operation to gather a larger batch.
    /// </summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// The largest JSON value, in UTF-8 bytes, kept inside its row. A larger value (inputs, vars, an output, a step's state,
    /// event or signal data) is stored once in a content-addressed payload table, keyed by its SHA-256, and the row refers
    /// to it. Default 8192 bytes (8 KiB); 0 stores every value in the payload table.
    /// </summary>
    public int InlinePayloadLimit { get; set; } = 8 * 1024;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            throw new ArgumentException(
                "SqliteStoreOptions.Path is empty. Set it to the database file, such as 'baton.db'.", nameof(Path));
        }

        if (Path.Trim() == ":memory:" || Path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"SqliteStoreOptions.Path is '{Path}', but the store needs a plain file path: it opens several connections to one file. Set it to a file such as 'baton.db'.",
                nameof(Path));
        }

        try
        {
            _ = System.IO.Path.GetFullPath(Path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ArgumentException($"SqliteStoreOptions.Path '{Path}' is not a valid file path: {e.Message}", nameof(Path), e);
        }

        if (BusyTimeout <= TimeSpan.Zero || BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentException(
                $"SqliteStoreOptions.BusyTimeout is {BusyTimeout}; it must be positive and under 24 days, such as 5 seconds.",
                nameof(BusyTimeout));
        }

        if (MaxBatchSize is < 1 or > MaxMaxBatchSize)
        {
            throw new ArgumentException(
                $"SqliteStoreOptions.MaxBatchSize is {MaxBatchSize}; it must be between 1 and {MaxMaxBatchSize}, such as 256.",
                nameof(MaxBatchSize));
        }

        if (InlinePayloadLimit is < 0 or > MaxInlinePayloadLimit)
        {
            throw new ArgumentException(
                $"SqliteStoreOptions.InlinePayloadLimit is {InlinePayloadLimit}; it must be between 0 and {MaxInlinePayloadLimit} bytes, such as 8192.",
                nameof(InlinePayloadLimit));
        }
    }

    internal SqliteStoreOptions Copy() => new()
    {
        Path = Path,
        BusyTimeout = BusyTimeout,
        MaxBatchSize = MaxBatchSize,
        InlinePayloadLimit = InlinePayloadLimit,
    };
}
