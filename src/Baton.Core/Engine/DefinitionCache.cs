using System.Collections.Concurrent;
using System.Text.Json;
using Baton.Definitions;
using Baton.Storage;

namespace Baton.Engine;

/// <summary>Compiled definitions by hash. Runs are pinned to a hash, so an entry never goes stale.</summary>
internal sealed class DefinitionCache(WorkflowCompiler compiler, IWorkflowStore store)
{
    private readonly ConcurrentDictionary<string, WorkflowDefinition> _byHash = new(StringComparer.Ordinal);

    public void Add(WorkflowDefinition definition)
    {
        _byHash.TryAdd(definition.Hash, definition);
        foreach (var call in definition.Steps.Descendants().OfType<WorkflowCallStep>())
        {
            Add(call.Child);
        }
    }

    public async ValueTask<WorkflowDefinition> GetAsync(string hash, CancellationToken cancellationToken)
    {
        if (_byHash.TryGetValue(hash, out var cached))
        {
            return cached;
        }

        var record = await store.GetDefinitionAsync(hash, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The store has no definition with hash '{hash}', which a run is pinned to. The store may be damaged.");
        var bundle = JsonSerializer.Deserialize(record.Bundle, BatonJsonContext.Default.DefinitionBundle)
            ?? throw new InvalidOperationException($"The stored definition '{hash}' is empty.");
        var definition = compiler.Compile(bundle).GetDefinitionOrThrow();
        Add(definition);
        return definition;
    }

    public static DefinitionRecord ToRecord(WorkflowDefinition definition, DateTimeOffset now)
        => new(definition.Hash, definition.Name, definition.Version, JsonSerializer.Serialize(definition.Source, BatonJsonContext.Default.DefinitionBundle), now);
}
