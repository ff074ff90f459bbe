using Microsoft.Extensions.Logging;

namespace Baton.Sqlite;

/// <summary>The store's log messages. Event ids are stable; payload contents are never logged.</summary>
internal static partial class SqliteLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Opened the SQLite store '{Path}' at schema version {SchemaVersion}.")]
    public static partial void StoreOpened(ILogger logger, string path, int schemaVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Upgraded the SQLite store '{Path}' from schema version {FromVersion} to {ToVersion}.")]
    public static partial void SchemaUpgraded(ILogger logger, string path, int fromVersion, int toVersion);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "A write transaction of {OperationCount} operations on '{Path}' failed and was rolled back; every operation in it failed.")]
    public static partial void BatchFailed(ILogger logger, Exception exception, string path, int operationCount);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "A commit for run '{RunId}' was refused: worker '{Owner}' no longer holds its lease.")]
    public static partial void LeaseLost(ILogger logger, string runId, string owner);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Dropped signal '{SignalName}' to run '{RunId}': the run has ended.")]
    public static partial void SignalDropped(ILogger logger, string signalName, string runId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Closed the SQLite store '{Path}'.")]
    public static partial void StoreClosed(ILogger logger, string path);

    [LoggerMessage(EventId = 7, Level = LogLevel.Trace, Message = "Wrote {OperationCount} operations in one transaction.")]
    public static partial void BatchWritten(ILogger logger, int operationCount);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "A background checkpoint of '{Path}' failed; the writer checkpoints by itself until the next one succeeds.")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception, string path);
}
