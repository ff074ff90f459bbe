using Baton.Storage;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Rows;

/// <summary>The columns of the <c>definitions</c> table and how a <see cref="DefinitionRecord"/> maps to them.</summary>
internal static class DefinitionRow
{
    public static readonly string[] Columns = ["hash", "name", "version", "bundle", "created_at"];

    public static readonly string ColumnList = string.Join(", ", Columns);

    public static object?[] Encode(DefinitionRecord definition) =>
        [definition.Hash, definition.Name, definition.Version, definition.Bundle, DbTime.ToDb(definition.CreatedAt)];

    public static DefinitionRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetStringOrNull(2),
        reader.GetString(3),
        reader.GetTime(4));
}
