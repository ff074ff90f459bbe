using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>
/// Binds a <c>models:</c> section (of a workflow or of the project config): alias to <c>provider/model</c>, or to a mapping
/// with <c>model</c>, <c>temperature</c>, <c>max-tokens</c> and <c>script</c>.
/// </summary>
/// <remarks>
/// <para>Each script is read into the bundle and its value replaced by the script's key in the compilation's bundle.</para>
/// <para>The model providers a host knows come from its custom step kinds: a kind's configuration schema marks a top-level
/// property that names a model with the keyword <see cref="ModelKeyword"/> (<c>{ "providers": [...] }</c>). With such a kind
/// registered, a <c>provider/model</c> whose provider is not among them is an error here, not a failure in the middle of
/// a run; and that property of every step of the kind is checked (<see cref="CheckStepModels"/>).</para>
/// </remarks>
internal sealed class ModelsBinder(NodeChecks checks, IScriptReader scripts, IReadOnlyCollection<string>? providers)
{
    /// <summary>The schema keyword that marks a property of a custom kind's configuration as a model: an alias or <c>provider/model</c>.</summary>
    public const string ModelKeyword = "x-baton-model";

    private DiagnosticBag Diagnostics => checks.Diagnostics;

    /// <summary>The providers the custom kinds declare, in ordinal order; null when none declares any (then any provider is accepted).</summary>
    public static IReadOnlyCollection<string>? KnownProviders(WorkflowCompilerOptions options)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var declared = false;
        foreach (var schema in options.CustomKinds.Values)
        {
            foreach (var (_, marker) in ModelProperties(schema))
            {
                if (marker["providers"] is JsonArray list)
                {
                    declared = true;
                    names.UnionWith(list.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()));
                }
            }
        }

        return declared ? names : null;
    }

    /// <summary>
    /// Checks each step's model (the properties its kind's schema marks with <see cref="ModelKeyword"/>): an alias must be
    /// defined by the workflow's or the project config's <c>models:</c>, and <c>provider/model</c> must name a known provider.
    /// A template is checked when it runs.
    /// </summary>
    /// <param name="sites">The custom-kind steps of one workflow file.</param>
    /// <param name="aliases">The aliases of the workflow and its project config; null when the project config could not be read (aliases are not checked then).</param>
    /// <param name="providers">The known providers; null for any.</param>
    /// <param name="diagnostics">Where errors go.</param>
    public static void CheckStepModels(IEnumerable<CustomConfigSite> sites, IReadOnlyCollection<string>? aliases, IReadOnlyCollection<string>? providers, DiagnosticBag diagnostics)
    {
        var checks = new ModelsBinder(new NodeChecks(diagnostics), NoScripts.Instance, providers);
        foreach (var site in sites)
        {
            if (site.Node is not MappingNode map)
            {
                continue;
            }

            foreach (var (key, _) in ModelProperties(site.Schema))
            {
                if (map[key] is ScalarNode { IsString: true } model && !model.Value.Contains("${{", StringComparison.Ordinal))
                {
                    checks.CheckStepModel(model, site.Kind, key, aliases);
                }
            }
        }
    }

    /// <summary>The section as JSON, scripts replaced by their keys; null when it is not a mapping.</summary>
    public JsonObject? Bind(SyntaxNode node)
    {
        if (checks.Mapping(node, "models", "a mapping of aliases to models, such as { fast: openai/gpt-4o-mini }") is not { } map)
        {
            return null;
        }

        var result = new JsonObject();
        foreach (var entry in map.Entries)
        {
            if (!Regexes.ModelAlias().IsMatch(entry.Name))
            {
                Diagnostics.Error(
                    DiagnosticCodes.InvalidName,
                    entry.Key.Location,
                    $"'{entry.Name}' is not a valid model alias; use letters, digits, '-', '_' and '.', starting with a letter.");
            }

            result[entry.Name] = BindModel(entry.Value, entry.Name);
        }

        return result;
    }

    /// <summary>The provider part of a <c>provider/model</c> reference, or null after reporting what is wrong with it.</summary>
    public string? Reference(ScalarNode node)
    {
        var text = node.Value;
        if (Regexes.ModelReference().IsMatch(text))
        {
            var provider = text[..text.IndexOf('/', StringComparison.Ordinal)];
            return IsKnownProvider(provider, node, $"The model '{text}' names the provider '{provider}'") ? provider : null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var lowered = slash > 0 ? text[..slash].ToLowerInvariant() + text[slash..] : text;
        var hint = slash < 0
            ? " An alias names a model, never another alias."
            : lowered != text && Regexes.ModelReference().IsMatch(lowered) ? $" Provider names are lower case: write '{lowered}'." : string.Empty;
        Diagnostics.Error(
            DiagnosticCodes.InvalidModel,
            node.Location,
            $"'{text}' is not a model reference; write provider/model, such as openai/gpt-4o-mini.{hint}");
        return null;
    }

    /// <summary>Whether <paramref name="provider"/> is known (or any is accepted); otherwise reports it, starting with <paramref name="subject"/>.</summary>
    public bool IsKnownProvider(string provider, SyntaxNode node, string subject)
    {
        if (providers is null || providers.Contains(provider))
        {
            return true;
        }

        Diagnostics.Error(
            DiagnosticCodes.UnknownProvider,
            node.Location,
            $"{subject}, which is not a model provider of this host. The providers are: {string.Join(", ", providers)}.{Suggestions.Hint(provider, providers)}");
        return false;
    }

    private void CheckStepModel(ScalarNode model, string kind, string key, IReadOnlyCollection<string>? aliases)
    {
        var text = model.Value.Trim();
        if (aliases is not null && aliases.Contains(text, StringComparer.Ordinal))
        {
            return;
        }

        if (text.Contains('/', StringComparison.Ordinal))
        {
            if (Reference(model) == ModelSpecs.ScriptedProvider)
            {
                Diagnostics.Error(
                    DiagnosticCodes.InvalidScript,
                    model.Location,
                    $"The scripted model '{text}' replays a file of responses, so it is named through an alias that has one: "
                    + $"models: {{ {text[(text.IndexOf('/', StringComparison.Ordinal) + 1)..]}: {{ model: {text}, script: ./responses.yaml }} }}.");
            }

            return;
        }

        if (aliases is null)
        {
            return;
        }

        var known = aliases.Order(StringComparer.Ordinal).ToList();
        var defined = known.Count == 0 ? "No model aliases are defined" : $"The aliases are: {string.Join(", ", known)}";
        Diagnostics.Error(
            DiagnosticCodes.UnknownModelAlias,
            model.Location,
            $"'{text}' ({kind}.{key}) is not a model alias of this workflow or its {ModelSpecs.ProjectFileName}, nor provider/model such as openai/gpt-4o-mini. "
            + $"{defined}.{Suggestions.Hint(text, known)}");
    }

    /// <summary>The top-level properties of a configuration schema marked with <see cref="ModelKeyword"/>, with the marker.</summary>
    private static IEnumerable<(string Key, JsonObject Marker)> ModelProperties(JsonObject? schema)
    {
        if (schema?["properties"] is not JsonObject properties)
        {
            yield break;
        }

        foreach (var (key, property) in properties)
        {
            if (property is JsonObject definition && definition[ModelKeyword] is JsonObject marker)
            {
                yield return (key, marker);
            }
        }
    }

    private JsonNode? BindModel(SyntaxNode node, string alias)
    {
        if (node is ScalarNode { IsString: true } text)
        {
            if (Reference(text) == ModelSpecs.ScriptedProvider)
            {
                Diagnostics.Error(
                    DiagnosticCodes.InvalidScript,
                    text.Location,
                    $"The scripted model '{text.Value}' replays a file of responses, so it needs one: write {{ model: {text.Value}, script: ./responses.yaml }}.");
            }

            return text.ToJson();
        }

        if (node is not MappingNode map)
        {
            checks.WrongType(node, alias, "a model as provider/model, or a mapping with 'model'");
            return null;
        }

        checks.CheckKeys(map, ModelSpecs.Model);
        var model = map["model"] is { } modelNode ? checks.StringScalar(modelNode, "model", "a model as provider/model") : null;
        var provider = model is null ? null : Reference(model);
        if (map["temperature"] is { } temperature)
        {
            checks.Number(temperature, "temperature", 0, 2);
        }

        if (map["max-tokens"] is { } maxTokens)
        {
            checks.Integer(maxTokens, "max-tokens", 1, int.MaxValue);
        }

        var json = (JsonObject)map.ToJson()!;
        if (map.Find("script") is { } script)
        {
            json["script"] = BindScript(script, model, provider);
        }
        else if (provider == ModelSpecs.ScriptedProvider)
        {
            Diagnostics.Error(
                DiagnosticCodes.InvalidScript,
                map.Location,
                $"The scripted model '{model!.Value}' needs 'script': the file of responses it replays, relative to this file.");
        }

        return json;
    }

    /// <summary>The script's key in the bundle; the value as written when it cannot be read (the definition is not built then).</summary>
    private JsonNode? BindScript(MappingEntry script, ScalarNode? model, string? provider)
    {
        if (provider is not null && provider != ModelSpecs.ScriptedProvider)
        {
            Diagnostics.Error(
                DiagnosticCodes.InvalidScript,
                script.Key.Location,
                $"'script' is for the scripted provider only, and '{model!.Value}' calls a real model. Remove 'script', or use a scripted/NAME model.");
            return script.Value.ToJson();
        }

        if (checks.StringScalar(script.Value, "script", "the path of a file of responses") is not { } path)
        {
            return null;
        }

        if (path.Value.Contains("${{", StringComparison.Ordinal))
        {
            Diagnostics.Error(
                DiagnosticCodes.ExpressionPlacement,
                path.Location,
                "'script' must be a fixed file path, not a template: the script is read and pinned with the definition.");
            return path.ToJson();
        }

        if (string.IsNullOrWhiteSpace(path.Value))
        {
            Diagnostics.Error(DiagnosticCodes.InvalidScript, path.Location, "'script' must name a file of responses, not be empty.");
            return path.ToJson();
        }

        return scripts.ReadScript(path.Value, path) is { } key ? JsonValue.Create(key) : path.ToJson();
    }

    /// <summary>For checks that read no script.</summary>
    private sealed class NoScripts : IScriptReader
    {
        public static readonly NoScripts Instance = new();

        public string? ReadScript(string path, ScalarNode pathNode) => null;
    }
}
