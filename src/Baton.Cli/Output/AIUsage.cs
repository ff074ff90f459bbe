using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.AI.Usage;
using Baton.Engine;
using Baton.Storage;

namespace Baton.Cli.Output;

/// <summary>
/// What the AI steps of a run used, per step and in total, summed from the journal entries of their model calls over every
/// attempt: a failed step, a retried attempt and a stopped agent were paid for too.
/// </summary>
internal static class AIUsage
{
    /// <summary>Each step that made a model call, by its execution's sequence number.</summary>
    public static IReadOnlyDictionary<long, StepUsage> PerStep(IEnumerable<StepExecutionRecord> steps)
        => StepUsage.Of(steps).ToDictionary(u => u.Step.Seq);

    /// <summary>
    /// The fields <c>--json</c> adds to a step that made model calls: <c>usage</c>, <c>costUsd</c>, <c>calls</c> (over every
    /// attempt), <c>model</c> (<c>provider/model</c>), <c>alias</c>, <c>provider</c> and <c>confidence</c>.
    /// </summary>
    public static void AddTo(JsonObject json, StepUsage usage)
    {
        json["usage"] = new JsonObject { ["inputTokens"] = usage.InputTokens, ["outputTokens"] = usage.OutputTokens };
        json["costUsd"] = Dollars(usage.CostUsd);
        json["calls"] = usage.Calls;
        json["model"] = usage.Model;
        json["alias"] = usage.Alias;
        json["provider"] = usage.Provider;
        json["confidence"] = usage.Step.Output is JsonObject output ? Confidence(output)?.DeepClone() : null;
    }

    /// <summary>A classification's confidence, or the <c>confidence</c> field of an llm step's structured answer.</summary>
    public static JsonNode? Confidence(JsonObject output)
        => output["confidence"] ?? (output["value"] is JsonObject value && value["confidence"] is JsonValue number && number.GetValueKind() == JsonValueKind.Number ? number : null);

    /// <summary>The run's totals; null when no step made a model call.</summary>
    public static JsonObject? Totals(IReadOnlyDictionary<long, StepUsage> usage)
    {
        if (usage.Count == 0)
        {
            return null;
        }

        var priced = usage.Values.Where(u => u.CostUsd is not null).ToList();
        return new JsonObject
        {
            ["steps"] = usage.Count,
            ["calls"] = usage.Values.Sum(u => u.Calls),
            ["inputTokens"] = usage.Values.Sum(u => u.InputTokens),
            ["outputTokens"] = usage.Values.Sum(u => u.OutputTokens),
            ["costUsd"] = priced.Count == 0 ? null : Dollars(priced.Sum(u => u.CostUsd!.Value)),
            ["unpricedSteps"] = usage.Count - priced.Count,
        };
    }

    /// <summary>The Models table of <c>baton show</c>, with the run's totals; nothing when no step made a model call.</summary>
    public static void Print(Terminal t, IReadOnlyList<StepExecutionRecord> steps)
    {
        var usage = PerStep(steps);
        if (usage.Count == 0)
        {
            return;
        }

        t.Line();
        t.Line(t.Bold("Models"));
        var table = new TextTable("PATH", "STATUS", "MODEL", "INPUT TOKENS", "OUTPUT TOKENS", "COST (USD)", "CONFIDENCE", "CALLS", "ATTEMPTS");
        foreach (var u in usage.Values)
        {
            var output = u.Step.Output as JsonObject;
            table.Add(
                u.Step.Path,
                RunStateNames.Step(u.Step.Status),
                Model(u),
                u.InputTokens.ToString(CultureInfo.InvariantCulture),
                u.OutputTokens.ToString(CultureInfo.InvariantCulture),
                u.CostUsd is { } stepCost ? UsdText.Format(stepCost) : "-",
                output is not null && Confidence(output) is { } c ? $"{c} ({output["confidenceSource"] ?? "answer"})" : "",
                u.Calls.ToString(CultureInfo.InvariantCulture),
                u.Step.Attempts.ToString(CultureInfo.InvariantCulture));
        }

        table.Write(t.Writer, "  ");
        var totals = Totals(usage)!;
        var unpriced = totals["unpricedSteps"]!.GetValue<int>();
        var cost = totals["costUsd"] is not { } dollars ? "unknown (no price configured)"
            : unpriced > 0 ? $"{UsdText.Format(dollars.GetValue<decimal>())} for the priced steps ({unpriced} without a price)"
            : UsdText.Format(dollars.GetValue<decimal>());
        t.Line($"  total: {totals["calls"]} model call(s), {totals["inputTokens"]} input + {totals["outputTokens"]} output tokens, cost {cost}");
    }

    /// <summary><c>scripted/analyst</c>, or <c>analyst = scripted/analyst (scripted)</c> when the step named an alias.</summary>
    private static string Model(StepUsage usage)
        => (usage.Alias is { } alias ? $"{alias} = " : "") + (usage.Model ?? "?") + (usage.IsScripted ? " (scripted)" : "");

    private static JsonValue? Dollars(decimal? amount) => amount is { } value ? JsonValue.Create(Math.Round(value, 6)) : null;
}
