using Baton.Sqlite.Rows;
using Baton.Storage;
using Microsoft.Data.Sqlite;

namespace Baton.Sqlite.Writing;

/// <summary>Applies a <see cref="PreparedCommit"/> inside the writer's transaction.</summary>
internal static class CommitWriter
{
    /// <exception cref="LeaseLostException">The run is no longer held by the commit's expected lease owner.</exception>
    /// <exception cref="RunNotFoundException">The commit updates, or signals, a run that does not exist.</exception>
    /// <exception cref="InvalidRunOperationException">The commit conflicts with stored rows.</exception>
    public static void Apply(WriteContext context, PreparedCommit commit)
    {
        try
        {
            PayloadWriter.Insert(context, commit.Payloads);
            ApplyRun(context, commit, context.Now);
        }
        catch (SqliteException e) when (SqliteErrors.IsConstraint(e.SqliteErrorCode))
        {
            throw new InvalidRunOperationException(
                commit.RunId,
                $"The commit for run '{commit.RunId}' conflicts with what is stored ({e.Message}), so nothing from it was applied. Each step execution, timeline event and new run it adds needs a number or id not used yet.");
        }
    }

    private static void ApplyRun(WriteContext context, PreparedCommit commit, long now)
    {
        var commands = context.Commands;
        foreach (var definition in commit.Definitions)
        {
            commands.InsertDefinition.SetRow(DefinitionRow.Columns, definition).Execute();
        }

        WriteRunRecord(context, commit, now);
        foreach (var step in commit.Steps)
        {
            commands.UpsertStep.SetRow(StepRow.Columns, step).Execute();
        }

        foreach (var e in commit.Events)
        {
            commands.InsertEvent.SetRow(EventRow.Columns, e).Execute();
        }

        foreach (var (signalId, stepSeq) in commit.ConsumedSignals)
        {
            if (commands.ConsumeSignal.Set("seq", stepSeq).Set("id", signalId).Set("run_id", commit.RunId.Value).Execute() == 0)
            {
                throw new InvalidRunOperationException(
                    commit.RunId, $"Signal {signalId} is not a signal of run '{commit.RunId}', so the run cannot consume it.");
            }
        }

        foreach (var child in commit.NewRuns)
        {
            ApplyRun(context, child, now);
        }

        foreach (var signal in commit.OutgoingSignals)
        {
            SignalWriter.Send(context, signal, now, dropWhenEnded: true);
        }
    }

    private static void WriteRunRecord(WriteContext context, PreparedCommit commit, long now)
    {
        var commands = context.Commands;
        if (commit.IsNew)
        {
            if (commands.InsertRun.SetRow(RunRow.Columns, commit.Run).Execute() == 0)
            {
                throw new InvalidRunOperationException(
                    commit.RunId,
                    $"Run '{commit.RunId}' already exists, so it cannot be inserted again. A new run needs a new id; a transition of this run needs RunCommit.IsNew false.");
            }

            return;
        }

        var changed = commands.UpdateRun
            .SetRow(RunRow.Columns, commit.Run)
            .Set("expected_lease_owner", commit.ExpectedLeaseOwner)
            .Set("now", now)
            .Execute();
        if (changed == 0)
        {
            if (commands.RunStatus.Set("id", commit.RunId.Value).Scalar() is null)
            {
                throw new RunNotFoundException(commit.RunId);
            }

            var owner = commit.ExpectedLeaseOwner ?? "(no lease)";
            SqliteLog.LeaseLost(context.Logger, commit.RunId.Value, owner);
            throw new LeaseLostException(commit.RunId, owner);
        }
    }
}
