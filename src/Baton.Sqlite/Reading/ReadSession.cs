using Baton.Sqlite.Rows;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Reading;

/// <summary>A read connection (a WAL reader, never blocked by the writer) with its prepared statements.</summary>
internal sealed class ReadSession(SqliteConnection connection, SqliteErrors errors) : IPayloadSource, IDisposable
{
    private readonly Dictionary<string, ReadStatement> _statements = new(StringComparer.Ordinal);

    public SqliteErrors Errors => errors;

    /// <summary>The prepared statement for <paramref name="sql"/>, prepared on first use.</summary>
    public ReadStatement Get(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new ReadStatement(connection, sql);
            _statements.Add(sql, statement);
        }

        return statement;
    }

    /// <summary>Runs several queries in one read transaction, so that they see one consistent state of the store.</summary>
    public T InSnapshot<T>(Func<ReadSession, T> read)
    {
        Get(ReadSql.Begin).Execute();
        try
        {
            return read(this);
        }
        finally
        {
            Get(ReadSql.End).Execute();
        }
    }

    public string? FindPayload(byte[] hash) => (string?)Get(ReadSql.GetPayload).Set("hash", hash).Scalar();

    public void Dispose()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        connection.Dispose();
    }
}
