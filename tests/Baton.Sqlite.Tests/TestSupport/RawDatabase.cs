using Baton.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Tests.TestSupport;

/// <summary>A plain connection to a store's file, outside the store: to inspect it, tamper with it or lock it.</summary>
public static class RawDatabase
{
    public static SqliteConnection Open(string path)
    {
        SQLitePCL.Batteries_V2.Init();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static object? Scalar(this SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public static void Execute(this SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The rows of <c>EXPLAIN QUERY PLAN</c> for <paramref name="sql"/>, each parameter bound to 0.</summary>
    public static IReadOnlyList<string> QueryPlan(this SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in ReadStatement.ParameterNames(sql))
        {
            command.Parameters.AddWithValue("$" + name, 0);
        }

        var details = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            details.Add(reader.GetString(3));
        }

        return details;
    }
}
