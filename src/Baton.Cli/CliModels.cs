using Baton.AI;
using Baton.AI.Anthropic;
using Baton.AI.Models;
using Baton.AI.OpenAI;
using Baton.AI.Scripted;
using Baton.Definitions;

namespace Baton.Cli;

/// <summary>The model providers and step kinds the CLI knows, and the compiler configured with them.</summary>
internal static class CliModels
{
    public static IReadOnlyList<IModelProvider> Providers() =>
    [
        new OpenAIModelProvider(),
        new OllamaModelProvider(),
        new AnthropicModelProvider(),
        new ScriptedModelProvider(),
    ];

    /// <summary>A compiler that knows the AI step kinds, for commands that compile without an engine.</summary>
    public static WorkflowCompiler Compiler() => new(new WorkflowCompilerOptions { CustomKinds = AIStepKinds.Schemas(Providers()) });

    /// <summary>Parses <c>--model ALIAS=provider/model</c> options.</summary>
    /// <exception cref="UsageException">A malformed option, a provider the CLI does not have, or an alias the workflow does not define.</exception>
    public static Dictionary<string, string> Overrides(WorkflowDefinition definition, IEnumerable<string> options)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var aliases = new ModelCatalog(definition).Aliases;
        var providers = Providers().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        foreach (var option in options)
        {
            var separator = option.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || !ModelReference.TryParse(option[(separator + 1)..], out var reference))
            {
                throw new UsageException($"--model '{option}' must have the form ALIAS=provider/model, such as triage=openai/gpt-4o-mini.");
            }

            if (!providers.Contains(reference.Provider, StringComparer.Ordinal))
            {
                throw new UsageException($"--model '{option}': {ModelProviderRegistry.UnknownProvider(reference, providers)}");
            }

            var alias = option[..separator];
            if (!aliases.Contains(alias, StringComparer.Ordinal))
            {
                var known = aliases.Count == 0 ? "it defines none" : $"it defines {string.Join(", ", aliases)}";
                throw new UsageException($"--model '{option}': workflow '{definition.Name}' has no model alias '{alias}'; {known}.");
            }

            overrides[alias] = reference.ToString();
        }

        return overrides;
    }
}
