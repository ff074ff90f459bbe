using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Expressions;
using Baton.Storage;

namespace Baton.Engine;

/// <summary>
/// What the expressions of one step execution can read. Dispose it after evaluating: it detaches the shared
/// step views it lent out, so that the next scope can lend them again.
/// </summary>
internal sealed class ExpressionScope : IExpressionContext, IDisposable
{
    private readonly RunState _state;
    private readonly StepExecutionRecord? _exec;
    private readonly string[] _referencedSteps;
    private readonly Func<JsonObject> _secrets;
    private JsonObject? _steps;

    public ExpressionScope(RunState state, StepExecutionRecord? exec, string[] referencedSteps, Func<JsonObject> secrets, TimeProvider timeProvider)
    {
        _state = state;
        _exec = exec;
        _referencedSteps = referencedSteps;
        _secrets = secrets;
        TimeProvider = timeProvider;
    }

    public TimeProvider TimeProvider { get; }

    public bool TryGetRoot(string name, out JsonNode? value)
    {
        switch (name)
        {
            case "inputs":
                value = _state.Run.Inputs;
                return true;
            case "vars":
                value = _state.Run.Vars;
                return true;
            case "env":
                value = _state.Run.Env;
                return true;
            case "steps":
                value = _steps ??= BuildSteps();
                return true;
            case "secrets":
                value = _secrets();
                return true;
            case "run":
                value = new JsonObject
                {
                    ["id"] = _state.Run.Id.Value,
                    ["workflow"] = _state.Run.WorkflowName,
                    // Milliseconds, as the store keeps it: the same text before and after a restart.
                    ["startedAt"] = _state.Run.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
                };
                return true;
            case "item":
            case "index":
                return TryGetItem(name == "item", out value);
            default:
                value = null;
                return false;
        }
    }

    public void Dispose()
    {
        // Clearing detaches the cached views so they can be lent to the next scope.
        _steps?.Clear();
        _steps = null;
    }

    private JsonObject BuildSteps()
    {
        var steps = new JsonObject();
        foreach (var id in _referencedSteps)
        {
            var visible = _state.FindVisible(id, _exec);
            if (visible is not null && visible.Seq != _exec?.Seq)
            {
                steps[id] = _state.ViewOf(visible);
            }
            else if (visible is not null)
            {
                // A step reading itself (in on-error or compensate) sees its current state.
                _state.Invalidate(visible.Seq);
                steps[id] = _state.ViewOf(visible);
            }
        }

        return steps;
    }

    private bool TryGetItem(bool wantItem, out JsonNode? value)
    {
        value = null;
        if (_exec is null)
        {
            return false;
        }

        for (var current = _exec; _state.ParentOf(current) is { } parent; current = parent)
        {
            // A foreach's own compensation runs under it but for no item: the item is that of a foreach further out.
            if (_state.StepOf(parent) is ForEachStep && _state.StepOf(current).Sequence.Role == SequenceRole.Body)
            {
                value = wantItem
                    ? _state.ItemsOf(parent)[current.Ordinal]
                    : JsonValue.Create(current.Ordinal);
                return true;
            }
        }

        return false;
    }
}
