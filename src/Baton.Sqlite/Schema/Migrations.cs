namespace Baton.Sqlite.Schema;

/// <summary>
/// Every schema version, in order. A released migration never changes: a new schema is a new entry at the end.
/// The store's version is kept in <c>PRAGMA user_version</c>.
/// </summary>
internal static class Migrations
{
    /// <summary>Marks a file as a Baton store (<c>PRAGMA application_id</c>): "Batn".</summary>
    public const int ApplicationId = 0x4261_746E;

    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "runs, step executions, timeline, signals, definitions and payloads", InitialSchema.Script),
    ];

    public static int Latest => All[^1].Version;
}
