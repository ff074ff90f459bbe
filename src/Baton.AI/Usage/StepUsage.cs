using Baton.Storage;

namespace Baton.AI.Usage;

/// <summary>
/// What one step's model calls used, summed from its journal entries over every attempt, whether the step completed,
/// failed or is still running: a retried attempt's calls, an answer that failed validation and a turn stopped by a budget
/// were all paid for.
/// </summary>
/// <param name="Step">The step execution (an <c>llm</c>, <c>classify</c> or <c>agent</c> step, or any step that made model calls).</param>
/// <param name="Calls">The model calls recorded, over every attempt.</param>
/// <param name="InputTokens">Their input tokens.</param>
/// <param name="OutputTokens">Their output tokens.</param>
/// <param name="CostUsd">Their cost; null unless every call had a price.</param>
/// <param name="Model">The <c>provider/model</c> the step asked for, such as <c>scripted/analyst</c>.</param>
/// <param name="Alias">The alias the step named it by, when it used one.</param>
internal sealed record StepUsage(StepExecutionRecord Step, int Calls, long InputTokens, long OutputTokens, decimal? CostUsd, string? Model, string? Alias)
{
    /// <summary>The provider part of <see cref="Model"/>.</summary>
    public string? Provider => Model is { } model && model.IndexOf('/', StringComparison.Ordinal) is var slash and > 0 ? model[..slash] : null;

    public bool IsScripted => Provider == "scripted";

    /// <summary>The usage of every step that made a model call, in the order the steps started.</summary>
    /// <param name="executions">A run's step executions, journal entries included.</param>
    public static IReadOnlyList<StepUsage> Of(IEnumerable<StepExecutionRecord> executions)
    {
        var all = executions.ToList();
        var calls = all.Where(e => e.IsJournalEntry && e.ParentSeq is not null && ModelCallRecord.IsModelCall(e.Kind))
            .GroupBy(e => e.ParentSeq!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Seq).ToList());
        return [.. all
            .Where(s => !s.IsJournalEntry && calls.ContainsKey(s.Seq))
            .OrderBy(s => s.Seq)
            .Select(s => Sum(s, calls[s.Seq]))];
    }

    private static StepUsage Sum(StepExecutionRecord step, List<StepExecutionRecord> calls)
    {
        var costs = calls.Select(c => ModelCallRecord.CostUsd(c.Output)).ToList();
        var last = calls[^1].Output;
        return new StepUsage(
            step,
            calls.Count,
            calls.Sum(c => ModelCallRecord.InputTokens(c.Output)),
            calls.Sum(c => ModelCallRecord.OutputTokens(c.Output)),
            costs.All(c => c is not null) ? costs.Sum() : null,
            ModelCallRecord.RequestedModel(last),
            ModelCallRecord.Alias(last));
    }
}
