using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Definitions.Compiler;

namespace Baton.AI.Models;

/// <summary>Resolves a step's <c>model:</c> (an alias or <c>provider/model</c>) to the <see cref="ModelSettings"/> a provider needs.</summary>
/// <remarks>
/// An alias is looked up in the overrides (<c>baton run --model ALIAS=provider/model</c>), then in the workflow's <c>models:</c>,
/// then in the project config's (<c>baton.yaml</c>); any other text must be <c>provider/model</c>. An override replaces the model
/// an alias names and keeps the rest of its mapping (temperature, max-tokens, script). Provider settings come from the project
/// config's <c>providers:</c>, then the environment (<c>OPENAI_BASE_URL</c>, <c>ANTHROPIC_BASE_URL</c>, <c>OLLAMA_BASE_URL</c>),
/// then the provider's defaults; the price from its <c>prices:</c>. The settings name the API key's variable, never its value.
/// Thread-safe: it only reads the definition.
/// </remarks>
public sealed partial class ModelCatalog
{
    private readonly WorkflowDefinition _definition;
    private readonly IReadOnlyDictionary<string, string> _overrides;
    private readonly Func<string, string?> _environment;

    /// <param name="definition">The compiled workflow: its <c>models:</c>, its project config and its bundle (for scripts).</param>
    /// <param name="overrides">Alias to <c>provider/model</c>, from <c>baton run --model</c>; none by default.</param>
    /// <param name="environment">Reads an environment variable; default <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public ModelCatalog(WorkflowDefinition definition, IReadOnlyDictionary<string, string>? overrides = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _definition = definition;
        _overrides = overrides ?? new Dictionary<string, string>(StringComparer.Ordinal);
        _environment = environment ?? Environment.GetEnvironmentVariable;
        Aliases = (definition.Models?.Select(m => m.Key) ?? [])
            .Concat(definition.Project?.Models?.Select(m => m.Key) ?? [])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Every alias the workflow and its project config define, in ordinal order: for checking <c>--model</c> overrides.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The settings for <paramref name="aliasOrReference"/>.</summary>
    /// <exception cref="ModelConfigurationException">The text is neither an alias nor <c>provider/model</c>, or the configuration it leads to cannot be used; the message says where and why.</exception>
    public ModelSettings Resolve(string aliasOrReference)
    {
        var text = aliasOrReference?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new ModelConfigurationException("No model is named: give an alias from 'models:' or a provider/model such as openai/gpt-4o-mini.");
        }

        var alias = FindAlias(text);
        if (_overrides.TryGetValue(text, out var replacement))
        {
            var model = ModelReference.TryParse(replacement, out var parsed)
                ? parsed
                : throw new ModelConfigurationException($"The model override '{text}={replacement}' is not usable: '{replacement}' is not provider/model, such as openai/gpt-4o-mini.");
            return Build(model, text, alias);
        }

        if (alias is not null)
        {
            return Build(ModelOf(text, alias), text, alias);
        }

        if (ModelReference.TryParse(text, out var reference))
        {
            return Build(reference, alias: null, mapping: null);
        }

        throw new ModelConfigurationException(Unknown(text));
    }

    /// <summary>The alias's definition as a mapping (a plain <c>provider/model</c> becomes <c>{ model: ... }</c>), or null when there is no such alias.</summary>
    private ConfigValue? FindAlias(string name)
    {
        if (_definition.Models is { } workflowModels && workflowModels.TryGetPropertyValue(name, out var workflowAlias))
        {
            return AliasMapping(name, workflowAlias, $"models.{name} in {_definition.Source.RootFile}");
        }

        if (_definition.Project is { Models: { } models } project && models.TryGetPropertyValue(name, out var projectAlias))
        {
            return AliasMapping(name, projectAlias, $"models.{name} in {project.File}");
        }

        return null;
    }

    private static ConfigValue AliasMapping(string name, JsonNode? node, string where) => node switch
    {
        JsonObject mapping => new ConfigValue(where, mapping),
        JsonValue when node.GetValueKind() == JsonValueKind.String => new ConfigValue(where, new JsonObject { ["model"] = node.GetValue<string>() }),
        _ => throw new ModelConfigurationException($"{where}: the model alias '{name}' is {ConfigValue.Show(node)}, but it must be provider/model or a mapping with 'model'."),
    };

    private static ModelReference ModelOf(string name, ConfigValue alias)
    {
        var text = alias.String("model") ?? throw new ModelConfigurationException($"{alias.Where}: the model alias '{name}' has no 'model'; add one such as 'model: openai/gpt-4o-mini'.");
        return ModelReference.TryParse(text, out var model)
            ? model
            : throw alias.Bad("model", alias.Values["model"], "must be provider/model, such as openai/gpt-4o-mini");
    }

    private string Unknown(string text)
    {
        if (Aliases.Count == 0)
        {
            return $"The model '{text}' is not provider/model (such as openai/gpt-4o-mini), and no model aliases are defined.";
        }

        return $"The model '{text}' is neither a model alias nor provider/model (such as openai/gpt-4o-mini). "
            + $"The aliases are: {string.Join(", ", Aliases)}.{Suggestions.Hint(text, Aliases)}";
    }
}
