using Baton.Storage;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite;

/// <summary>Turns SQLite failures into <see cref="StoreException"/>s that name the file and say what to do.</summary>
internal sealed class SqliteErrors(string path, TimeSpan busyTimeout)
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;
    private const int SqliteConstraint = 19;

    public string Path => path;

    public static bool IsBusy(int resultCode) => (resultCode & 0xFF) is SqliteBusy or SqliteLocked;

    public static bool IsConstraint(int resultCode) => (resultCode & 0xFF) == SqliteConstraint;

    /// <summary>Maps an exception from SQLite to the store's error; other exceptions pass through unchanged.</summary>
    public Exception Translate(Exception exception) => exception switch
    {
        SqliteException e when IsBusy(e.SqliteErrorCode) => Locked(e),
        SqliteException e when (e.SqliteErrorCode & 0xFF) is SqliteCorrupt or SqliteNotADatabase => Corrupt(e.Message, e),
        SqliteException e => new StoreException(
            StoreErrorKind.Unavailable,
            $"The store '{path}' cannot be used: {e.Message}",
            StoreAdvice.Unavailable,
            e),
        _ => exception,
    };

    public StoreException Locked(Exception? inner = null) => new(
        StoreErrorKind.Locked,
        $"The store '{path}' is locked: another process (or another store on the same file) has been writing to it for longer than the busy timeout of {busyTimeout.TotalSeconds:0.###} s.",
        StoreAdvice.Locked,
        inner);

    public StoreException Corrupt(string reason, Exception? inner = null) => new(
        StoreErrorKind.Corrupt,
        $"The file '{path}' is not a Baton SQLite store or is corrupt ({reason}).",
        StoreAdvice.Corrupt,
        inner);
}
