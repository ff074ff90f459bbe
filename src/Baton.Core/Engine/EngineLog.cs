using Microsoft.Extensions.Logging;

namespace Baton.Engine;

internal static partial class EngineLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Lost the lease on run {RunId} to another worker ({Owner}); dropped this worker's copy.")]
    public static partial void LeaseLost(ILogger logger, RunId runId, string owner);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Driving run {RunId} failed.")]
    public static partial void DriveFailed(ILogger logger, Exception exception, RunId runId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Released {Count} run(s) held by dead worker {Owner}.")]
    public static partial void RecoveredLeases(ILogger logger, int count, string owner);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "The worker could not drive run {RunId}; it will be retried.")]
    public static partial void WorkerDriveFailed(ILogger logger, Exception exception, RunId runId);
}
