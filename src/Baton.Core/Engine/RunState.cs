using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Storage;

namespace Baton.Engine;

/// <summary>A run's state in memory while a worker holds it: the run, every step execution, and lookups over them.</summary>
internal sealed class RunState
{
    private readonly Dictionary<long, StepExecutionRecord> _execs = [];
    private readonly Dictionary<string, List<StepExecutionRecord>> _byStep = new(StringComparer.Ordinal);
    private readonly Dictionary<long, JsonObject> _views = [];
    private readonly Dictionary<long, List<StepExecutionRecord>> _journal = [];

    public RunState(RunRecord run, WorkflowDefinition definition, IEnumerable<StepExecutionRecord> execs)
    {
        Run = run;
        Definition = definition;
        foreach (var exec in execs.OrderBy(e => e.Seq))
        {
            Add(exec);
        }
    }

    public RunRecord Run { get; }

    public WorkflowDefinition Definition { get; }

    public IEnumerable<StepExecutionRecord> Execs => _execs.Values;

    public int Count => _execs.Count;

    public StepExecutionRecord this[long seq] => _execs[seq];

    public void Add(StepExecutionRecord exec)
    {
        if (exec.IsJournalEntry)
        {
            // Journal entries are records of work inside a step, not steps of the definition: kept apart from the flow.
            if (!_journal.TryGetValue(exec.ParentSeq!.Value, out var entries))
            {
                _journal[exec.ParentSeq.Value] = entries = [];
            }

            entries.Add(exec);
            return;
        }

        _execs.Add(exec.Seq, exec);
        if (!_byStep.TryGetValue(exec.StepId, out var list))
        {
            _byStep[exec.StepId] = list = [];
        }

        list.Add(exec);
    }

    /// <summary>The journal entries of a step execution recorded in one epoch (see <see cref="RunDriver"/>), by name.</summary>
    public Dictionary<string, StepExecutionRecord> JournalOf(StepExecutionRecord exec, int epoch)
    {
        var result = new Dictionary<string, StepExecutionRecord>(StringComparer.Ordinal);
        if (_journal.TryGetValue(exec.Seq, out var entries))
        {
            foreach (var entry in entries.Where(e => e.Iteration == epoch))
            {
                result[entry.StepId] = entry;
            }
        }

        return result;
    }

    /// <summary>The name of the journal entry that holds a <c>foreach</c>'s items.</summary>
    public const string ItemsEntryName = "items";

    /// <summary>The items a <c>foreach</c> execution evaluated when it began.</summary>
    public JsonArray ItemsOf(StepExecutionRecord forEach)
        => _journal[forEach.Seq].First(e => e.StepId == ItemsEntryName).Output!.AsArray();

    /// <summary>Drops the cached expression view of an execution whose state changed.</summary>
    public void Invalidate(long seq) => _views.Remove(seq);

    public StepDefinition StepOf(StepExecutionRecord exec) => Definition.GetStep(exec.StepId);

    public StepExecutionRecord? ParentOf(StepExecutionRecord exec) => exec.ParentSeq is { } p ? _execs[p] : null;

    /// <summary>Executions of <paramref name="step"/> in one pass of one sequence (same parent and ordinal).</summary>
    public int CountInScope(StepDefinition step, StepExecutionRecord? parent, int ordinal)
    {
        if (!_byStep.TryGetValue(step.Id, out var list))
        {
            return 0;
        }

        var count = 0;
        foreach (var e in list)
        {
            if (e.ParentSeq == parent?.Seq && e.Ordinal == ordinal)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>True when <paramref name="exec"/> runs under <paramref name="ancestor"/> (at any depth).</summary>
    public bool IsDescendantOf(StepExecutionRecord exec, StepExecutionRecord ancestor)
    {
        for (var current = ParentOf(exec); current is not null; current = ParentOf(current))
        {
            if (current.Seq == ancestor.Seq)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ordinal of the sequence under <paramref name="ancestor"/> that <paramref name="exec"/> runs in, or null when it is not under it.</summary>
    public int? OrdinalUnder(StepExecutionRecord exec, StepExecutionRecord ancestor)
    {
        for (var current = exec; current.ParentSeq is { } parentSeq; current = _execs[parentSeq])
        {
            if (parentSeq == ancestor.Seq)
            {
                return current.Ordinal;
            }
        }

        return null;
    }

    /// <summary>
    /// The latest execution of <paramref name="stepId"/> that <paramref name="from"/> can see: one in the same pass of every
    /// foreach item or branch they share. Null <paramref name="from"/> (the workflow's outputs) sees every execution.
    /// </summary>
    public StepExecutionRecord? FindVisible(string stepId, StepExecutionRecord? from)
    {
        if (!_byStep.TryGetValue(stepId, out var list))
        {
            return null;
        }

        Dictionary<long, int>? fromChain = null;
        var horizon = long.MaxValue;
        if (from is not null)
        {
            fromChain = [];
            for (var current = from; current.ParentSeq is { } p; current = _execs[p])
            {
                fromChain[p] = current.Ordinal;

                // A compensation sees the run as it was when the step it undoes ran, not a later pass of a loop.
                if (horizon == long.MaxValue && StepOf(current).Sequence.Role == SequenceRole.Compensation)
                {
                    horizon = p;
                }
            }
        }

        for (var i = list.Count - 1; i >= 0; i--)
        {
            var candidate = list[i];
            if (candidate.Seq <= horizon && (fromChain is null || IsVisible(candidate, fromChain)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The value expressions see as <c>steps.ID</c>: cached, and detached from any parent when not in use.</summary>
    public JsonObject ViewOf(StepExecutionRecord exec)
    {
        if (!_views.TryGetValue(exec.Seq, out var view))
        {
            view = new JsonObject
            {
                ["output"] = exec.Output?.DeepClone(),
                ["status"] = StatusName(exec.Status),
                ["error"] = exec.Error is null ? null : new JsonObject { ["code"] = exec.Error.Code, ["message"] = exec.Error.Message },
                ["attempts"] = exec.Attempts,
            };
            _views[exec.Seq] = view;
        }

        return view;
    }

    public static string StatusName(StepStatus status) => RunStateNames.Step(status);

    private bool IsVisible(StepExecutionRecord candidate, Dictionary<long, int> fromChain)
    {
        for (var current = candidate; current.ParentSeq is { } p; current = _execs[p])
        {
            if (fromChain.TryGetValue(p, out var ordinal) && ordinal != current.Ordinal)
            {
                return false;
            }
        }

        return true;
    }
}
