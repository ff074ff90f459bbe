using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite;

/// <summary>Opens connections to the store's file with the settings every connection needs.</summary>
internal static class SqliteConnections
{
    /// <summary>Opens a connection. The caller owns it, and translates any <see cref="SqliteException"/>.</summary>
    public static SqliteConnection Open(string path, TimeSpan busyTimeout)
    {
        SqliteNative.EnsureInitialized();
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,

            // The store keeps its own connections for its whole life; a pool would only keep the file open after disposal.
            Pooling = false,

            // Microsoft.Data.Sqlite retries a busy statement until this many whole seconds have passed (0 would mean forever).
            DefaultTimeout = Math.Max(1, (int)busyTimeout.TotalSeconds),
        };

        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            SetBusyTimeout(connection, busyTimeout);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Sets SQLite's own wait for locks; zero makes a busy statement fail at once.</summary>
    public static void SetBusyTimeout(SqliteConnection connection, TimeSpan timeout) =>
        Execute(connection, "PRAGMA busy_timeout = " + ((long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
