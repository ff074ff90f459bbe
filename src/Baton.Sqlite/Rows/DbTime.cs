using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Rows;

/// <summary>Times are stored as integer Unix milliseconds, UTC: sortable, indexable, and the same in every time zone.</summary>
internal static class DbTime
{
    public static long ToDb(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static object? ToDb(DateTimeOffset? value) => value is { } v ? v.ToUnixTimeMilliseconds() : null;

    public static DateTimeOffset FromDb(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset GetTime(this SqliteDataReader reader, int ordinal) => FromDb(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetTimeOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromDb(reader.GetInt64(ordinal));
}
