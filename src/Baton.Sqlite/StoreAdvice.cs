namespace Baton.Sqlite;

/// <summary>How to fix each kind of store error, in terms of <see cref="SqliteStoreOptions"/>.</summary>
internal static class StoreAdvice
{
    public const string Locked = "Stop the other process, or raise SqliteStoreOptions.BusyTimeout.";

    public const string Corrupt = "Restore it from a backup, or set SqliteStoreOptions.Path to another file.";

    public const string NewerVersion = "Open it with a newer Baton, or set SqliteStoreOptions.Path to another file.";

    public const string Directory = "Create it, or set SqliteStoreOptions.Path to a writable location.";

    public const string Unavailable = "Check that the file and its directory exist, are writable and that the disk is not full.";
}
