using Baton.Sqlite.Rows;
using Baton.Storage;

namespace Baton.Sqlite.Writing;

/// <summary>Stores signals and wakes the runs they are for.</summary>
internal static class SignalWriter
{
    /// <summary>Stores the signal and makes its run ready now (or keeps an earlier ready time). Returns its id, or null when dropped.</summary>
    /// <param name="dropWhenEnded">True to drop a signal to a run that has ended; false to refuse it.</param>
    /// <exception cref="RunNotFoundException">No such run.</exception>
    /// <exception cref="InvalidRunOperationException">The run has ended and <paramref name="dropWhenEnded"/> is false.</exception>
    public static long? Send(WriteContext context, PreparedSignal prepared, long now, bool dropWhenEnded)
    {
        var commands = context.Commands;
        var runId = prepared.Signal.RunId;
        var status = commands.RunStatus.Set("id", runId.Value).Scalar() is long value
            ? (RunStatus)value
            : throw new RunNotFoundException(runId);
        if (status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled)
        {
            if (dropWhenEnded)
            {
                SqliteLog.SignalDropped(context.Logger, prepared.Signal.Name, runId.Value);
                return null;
            }

            throw new InvalidRunOperationException(
                runId,
                $"Run '{runId}' has already ended ({status.ToString().ToLowerInvariant()}); '{prepared.Signal.Name}' was not delivered.");
        }

        var id = (long)commands.InsertSignal.SetRow(SignalRow.InsertColumns, prepared.Row).Scalar()!;
        commands.WakeForSignal.Set("signal_id", id).Set("now", now).Set("id", runId.Value).Execute();
        return id;
    }
}
