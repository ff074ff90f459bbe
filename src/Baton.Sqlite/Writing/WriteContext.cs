using Baton.Sqlite.Rows;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Baton.Sqlite.Writing;

/// <summary>What a write operation works with inside the writer's transaction.</summary>
internal sealed class WriteContext(SqliteConnection connection, WriteCommands commands, TimeProvider timeProvider, ILogger logger)
{
    public WriteCommands Commands => commands;

    public ILogger Logger => logger;

    /// <summary>The store's clock, as stored: for the ready times the store sets itself.</summary>
    public long Now => DbTime.ToDb(timeProvider.GetUtcNow());

    /// <summary>Runs one ad-hoc statement on the write connection, such as a PRAGMA that tests check.</summary>
    public object? Scalar(string sql) => SqliteConnections.Scalar(connection, sql);
}
