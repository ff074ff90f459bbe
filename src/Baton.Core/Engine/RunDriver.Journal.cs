using System.Text.Json.Nodes;
using Baton.Steps;
using Baton.Storage;

namespace Baton.Engine;

/// <summary>Journal entries: work inside a step (a model turn, a tool call) recorded durably so it is never done twice.</summary>
internal sealed partial class RunDriver
{
    private readonly List<TaskCompletionSource> _journalAcks = [];

    /// <summary>Which journal a step execution's attempts use: 1, then one more after each retry.</summary>
    private static int EpochOf(StepExecutionRecord exec) => exec.State?["epoch"]?.GetValue<int>() ?? 1;

    /// <summary>Adds a journal entry to the pending transition; its writer learns it is durable after the commit.</summary>
    private void RecordJournalEntry(JournalWrite write)
    {
        var exec = _state[write.Seq];
        if (exec.Status != StepStatus.Running || exec.Attempts != write.Attempt || _driveToken.IsCancellationRequested)
        {
            write.Ack.TrySetCanceled();
            return;
        }

        var epoch = EpochOf(exec);
        var entry = new StepExecutionRecord
        {
            RunId = RunId,
            Seq = Run.NextStepSeq++,
            StepId = write.Name,
            Kind = write.Kind,
            Path = epoch > 1 ? $"{exec.Path}/{write.Name}#{epoch}" : $"{exec.Path}/{write.Name}",
            ParentSeq = exec.Seq,
            Ordinal = -1,
            Iteration = epoch,
            Status = write.Entry.IsSuccess ? StepStatus.Completed : StepStatus.Failed,
            Attempts = 1,
            CreatedAt = write.StartedAt,
            StartedAt = write.StartedAt,
            EndedAt = write.EndedAt,
            Output = Mask(write.Entry.Output),
            Error = write.Entry.Error is { } error ? Mask(error) : null,
        };
        _state.Add(entry);
        _pending.Steps[entry.Seq] = entry;
        Emit(TimelineEventTypes.StepStarted, entry, attempt: 1);
        Emit(entry.Status == StepStatus.Completed ? TimelineEventTypes.StepCompleted : TimelineEventTypes.StepFailed, entry,
            entry.Error?.Message ?? write.Entry.Note, attempt: 1, data: EndData(entry, entry.Error is { } failed ? new JsonObject { ["code"] = failed.Code } : null));
        _journalAcks.Add(write.Ack);
    }

    private void AcknowledgeJournal(Exception? failure)
    {
        foreach (var ack in _journalAcks)
        {
            if (failure is null)
            {
                ack.TrySetResult();
            }
            else
            {
                ack.TrySetException(failure);
            }
        }

        _journalAcks.Clear();
    }
}

/// <summary>A journal entry on its way from an attempt to the driver.</summary>
internal sealed record JournalWrite(long Seq, int Attempt, string Name, string Kind, JournalEntry Entry, DateTimeOffset StartedAt, DateTimeOffset EndedAt, TaskCompletionSource Ack);
