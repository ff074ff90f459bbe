using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Baton.Sqlite.Writing;

/// <summary>A statement of the write connection: prepared once, its parameters resolved once and bound by position.</summary>
/// <remarks>
/// Microsoft.Data.Sqlite looks each parameter up by name, marshalling the name, on every execution: about a microsecond
/// per parameter, against a few tens of nanoseconds here. A step transition binds some fifty parameters on the single
/// writer thread that bounds the store's throughput, so the writer talks to SQLite directly. Errors still surface as
/// <see cref="SqliteException"/>.
/// </remarks>
internal sealed class WriteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, int> _parameters = new(StringComparer.Ordinal);

    public WriteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Sql = sql;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        var count = raw.sqlite3_bind_parameter_count(_statement);
        for (var i = 1; i <= count; i++)
        {
            // Names keep their '$'; callers use them without it.
            _parameters[raw.sqlite3_bind_parameter_name(_statement, i).utf8_to_string()[1..]] = i;
        }
    }

    public string Sql { get; }

    public WriteStatement Set(string name, object? value)
    {
        Bind(_parameters[name], value);
        return this;
    }

    /// <summary>Sets the parameters named like <paramref name="columns"/>; columns the statement does not use are skipped.</summary>
    public WriteStatement SetRow(string[] columns, object?[] values)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            if (_parameters.TryGetValue(columns[i], out var index))
            {
                Bind(index, values[i]);
            }
        }

        return this;
    }

    /// <summary>Runs the statement to the end and returns the number of rows it changed.</summary>
    public int Execute()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            Check(rc);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>The first column of the first row (a long, string, double or byte array); null when there is no row or it is NULL.</summary>
    public object? Scalar()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            Check(rc);
            return rc == raw.SQLITE_ROW ? ColumnValue(0) : null;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs the statement and calls <paramref name="readRow"/> for each row, which reads it with the Get methods.</summary>
    public void ForEachRow(Action<WriteStatement> readRow)
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                readRow(this);
            }

            Check(rc);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    public string GetString(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public void Dispose() => _statement.Dispose();

    private object? ColumnValue(int column) => raw.sqlite3_column_type(_statement, column) switch
    {
        raw.SQLITE_INTEGER => raw.sqlite3_column_int64(_statement, column),
        raw.SQLITE_TEXT => raw.sqlite3_column_text(_statement, column).utf8_to_string(),
        raw.SQLITE_FLOAT => raw.sqlite3_column_double(_statement, column),
        raw.SQLITE_BLOB => raw.sqlite3_column_blob(_statement, column).ToArray(),
        _ => null,
    };

    private void Bind(int index, object? value) => Check(value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
        _ => throw new ArgumentException($"Cannot bind a {value.GetType().Name} to parameter {index} of: {Sql}", nameof(value)),
    });

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
