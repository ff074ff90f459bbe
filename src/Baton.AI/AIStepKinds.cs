using Baton.AI.Steps;
using Baton.Engine;
using Baton.Steps;

namespace Baton.AI;

/// <summary>Builds the AI step kinds without a service container, for hosts such as the CLI.</summary>
public static class AIStepKinds
{
    /// <summary>The <c>llm</c>, <c>classify</c> and <c>agent</c> executors over one runtime.</summary>
    public static IReadOnlyList<IStepExecutor> Create(AIRuntime runtime) =>
    [
        new LlmStepExecutor(runtime),
        new ClassifyStepExecutor(runtime),
        new AgentStepExecutor(runtime),
    ];

    /// <summary>
    /// The check to pass to the <see cref="BatonEngine"/> constructor (<c>startChecks</c>) with these executors: before a run
    /// starts, every model its AI steps name must have what its provider needs, such as an API key.
    /// </summary>
    public static IRunStartCheck StartCheck(AIRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return new ModelStartCheck(runtime);
    }

    /// <summary>The kinds and their configuration schemas, for a compiler that runs without the executors (<c>baton validate</c>).</summary>
    /// <param name="providers">The model providers the host will run with, so that the compiler reports a model of any other; null accepts any provider.</param>
    public static IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject?> Schemas(IEnumerable<Models.IModelProvider>? providers = null)
    {
        var names = providers?.Select(p => p.Name.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        return new Dictionary<string, System.Text.Json.Nodes.JsonObject?>(StringComparer.Ordinal)
        {
            ["llm"] = AIStepSchemas.Llm(names),
            ["classify"] = AIStepSchemas.Classify(names),
            ["agent"] = AIStepSchemas.Agent(names),
        };
    }
}
