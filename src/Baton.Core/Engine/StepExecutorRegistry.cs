using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.Engine;

/// <summary>The step executors known to an engine, by kind.</summary>
internal sealed class StepExecutorRegistry
{
    /// <summary>The kinds the engine runs itself; an executor may not take these names.</summary>
    public static readonly FrozenSet<string> ReservedKinds = FrozenSet.ToFrozenSet(
        ["set", "switch", "parallel", "foreach", "steps", "wait", "approval", "workflow", "fail"], StringComparer.Ordinal);

    /// <summary>The action kinds the compiler validates itself.</summary>
    public static readonly FrozenSet<string> BuiltInActionKinds = FrozenSet.ToFrozenSet(["http", "run"], StringComparer.Ordinal);

    private readonly FrozenDictionary<string, IStepExecutor> _executors;

    public StepExecutorRegistry(IEnumerable<IStepExecutor> executors)
    {
        var byKind = new Dictionary<string, IStepExecutor>(StringComparer.Ordinal);
        foreach (var executor in executors)
        {
            if (ReservedKinds.Contains(executor.Kind))
            {
                throw new ArgumentException($"The step executor {executor.GetType().Name} claims kind '{executor.Kind}', which the engine reserves. Choose another kind name.", nameof(executors));
            }

            // The last registration wins, so that an application can replace a built-in executor.
            byKind[executor.Kind] = executor;
        }

        _executors = byKind.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public bool TryGet(string kind, out IStepExecutor executor) => _executors.TryGetValue(kind, out executor!);

    /// <summary>The kinds beyond the built-in ones, with their configuration schemas, for the compiler.</summary>
    public IReadOnlyDictionary<string, JsonObject?> CustomKinds()
        => _executors.Values
            .Where(e => !BuiltInActionKinds.Contains(e.Kind))
            .ToDictionary(e => e.Kind, e => e.ConfigSchema, StringComparer.Ordinal);
}
