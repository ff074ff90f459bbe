using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Reading;

/// <summary>A prepared command of a read connection, whose parameters (every <c>$name</c> in its SQL) are created once.</summary>
internal sealed partial class ReadStatement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly Dictionary<string, SqliteParameter> _parameters = new(StringComparer.Ordinal);

    public ReadStatement(SqliteConnection connection, string sql)
    {
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        foreach (var name in ParameterNames(sql))
        {
            // No SqliteType: a JSON column takes text or a payload hash (a blob), and must keep whichever it is given.
            _parameters[name] = _command.Parameters.AddWithValue("$" + name, DBNull.Value);
        }

        _command.Prepare();
    }

    public string Sql => _command.CommandText;

    /// <summary>The names of the parameters in <paramref name="sql"/>, without the <c>$</c>, in order of first use.</summary>
    public static IEnumerable<string> ParameterNames(string sql) =>
        ParameterPattern().Matches(sql).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);

    public ReadStatement Set(string name, object? value)
    {
        _parameters[name].Value = value ?? DBNull.Value;
        return this;
    }

    /// <summary>Runs the statement and returns the number of rows it changed.</summary>
    public int Execute() => _command.ExecuteNonQuery();

    /// <summary>The first column of the first row; null when there is no row or the value is NULL.</summary>
    public object? Scalar()
    {
        var value = _command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public SqliteDataReader Query() => _command.ExecuteReader();

    public void Dispose() => _command.Dispose();

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();
}
