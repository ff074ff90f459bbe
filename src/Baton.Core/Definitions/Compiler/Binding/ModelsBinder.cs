using System.Text.Json.Nodes;
using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>
/// Binds a <c>models:</c> section (of a workflow or of the project config): alias to <c>provider/model</c>, or to a mapping
/// with <c>model</c>, <c>temperature</c>, <c>max-tokens</c> and <c>script</c>.
/// </summary>
/// <remarks>Each script is read into the bundle and its value replaced by the script's key in the compilation's bundle.</remarks>
internal sealed class ModelsBinder(NodeChecks checks, IScriptReader scripts)
{
    private DiagnosticBag Diagnostics => checks.Diagnostics;

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
            return text[..text.IndexOf('/', StringComparison.Ordinal)];
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
}
