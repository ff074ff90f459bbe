using System.Globalization;
using System.Text.Json.Nodes;
using Baton.AI.Models;
using Baton.Definitions;
using Baton.Definitions.Compiler;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.AI.Scripted;

/// <summary>Reads a <c>scripted</c> provider's responses file. Every problem is a <see cref="ModelConfigurationException"/> that starts with <c>file:line:column</c>.</summary>
internal static partial class ScriptReader
{
    private const string Empty = "The script is empty; it needs 'responses:', a list of responses (see docs/ai.md).";

    private static readonly string[] RootKeys = ["responses"];
    private static readonly string[] ResponseKeys = ["when", "text", "tool-calls", "logprobs", "usage", "finish-reason", "model"];
    private static readonly string[] ToolCallKeys = ["name", "arguments"];
    private static readonly string[] LogProbKeys = ["token", "logprob", "top"];
    private static readonly string[] AlternativeKeys = ["token", "logprob"];
    private static readonly string[] UsageKeys = ["input", "output"];

    /// <exception cref="ModelConfigurationException">The file is not a valid script.</exception>
    public static Script Read(string path, string text)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlReader.Read(text, path, diagnostics);
        if (diagnostics.ToSortedList().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
        {
            var message = error.Code switch
            {
                DiagnosticCodes.EmptyFile => Empty,
                DiagnosticCodes.MultipleDocuments => "A script holds one YAML document; remove this '---' and what follows it.",
                _ => error.Message,
            };
            throw new ModelConfigurationException($"{error.Location}: {message}");
        }

        var mapping = Mapping(root ?? throw new ModelConfigurationException($"{path}:1:1: {Empty}"), "The script", RootKeys);
        var responses = mapping["responses"] as SequenceNode
            ?? throw Bad(mapping["responses"] ?? mapping, $"'responses' must be a list of responses, not {Describe(mapping["responses"])}.");
        if (responses.Items.Count == 0)
        {
            throw Bad(responses, "'responses' is empty; a script needs at least one response.");
        }

        return new Script(path, responses.Items.Select(ReadResponse).ToList());
    }

    private static ScriptedResponse ReadResponse(SyntaxNode node)
    {
        var mapping = Mapping(node, "A response", ResponseKeys);
        var text = OptionalText(mapping, "text");
        var toolCalls = mapping["tool-calls"] is { } calls ? Sequence(calls, "tool-calls").Items.Select(ReadToolCall).ToList() : [];
        if (text is null && toolCalls.Count == 0)
        {
            throw Bad(mapping, "A response needs 'text', 'tool-calls' or both.");
        }

        var usage = mapping["usage"] is { } usageNode ? Mapping(usageNode, "'usage'", UsageKeys) : null;
        return new ScriptedResponse
        {
            Location = mapping.Location,
            When = mapping["when"] is { } when ? ScriptCondition.Parse(Text(when, "when"), when.Location) : null,
            Text = text,
            ToolCalls = toolCalls,
            LogProbs = mapping["logprobs"] is { } logProbs ? Sequence(logProbs, "logprobs").Items.Select(ReadLogProb).ToList() : null,
            InputTokens = usage is null ? null : Count(usage, "input"),
            OutputTokens = usage is null ? null : Count(usage, "output"),
            FinishReason = OptionalText(mapping, "finish-reason"),
            Model = OptionalText(mapping, "model"),
        };
    }

    private static ScriptedToolCall ReadToolCall(SyntaxNode node)
    {
        var mapping = Mapping(node, "A tool call", ToolCallKeys);
        var name = OptionalText(mapping, "name") ?? throw Bad(mapping, "A tool call needs 'name', the tool to call.");
        var arguments = mapping["arguments"] switch
        {
            null => new JsonObject(),
            ScalarNode { IsNull: true } => new JsonObject(),
            MappingNode args => (JsonObject)args.ToJson()!,
            var other => throw Bad(other, $"'arguments' must be a mapping of argument names to values, not {other.Describe()}."),
        };
        return new ScriptedToolCall(name, arguments);
    }

    private static TokenLogProb ReadLogProb(SyntaxNode node)
    {
        var mapping = Mapping(node, "A log-probability", LogProbKeys);
        var top = mapping["top"] is { } alternatives
            ? Sequence(alternatives, "top").Items.Select(a =>
            {
                var alternative = Mapping(a, "An alternative", AlternativeKeys);
                return new TokenAlternative(Token(alternative), LogProb(alternative));
            }).ToList()
            : [];
        return new TokenLogProb(Token(mapping), LogProb(mapping), top);
    }

    private static string Token(MappingNode mapping)
        => mapping["token"] is { } token ? Text(token, "token") : throw Bad(mapping, "A log-probability needs 'token', the text of the token.");

    private static double LogProb(MappingNode mapping)
    {
        var node = mapping["logprob"] ?? throw Bad(mapping, "A log-probability needs 'logprob', a number of 0 or less.");
        return node is ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float } scalar
            && double.TryParse(scalar.ToJson()?.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value <= 0
                ? value
                : throw Bad(node, $"'logprob' must be a number of 0 or less (a natural log of a probability), not {Show(node)}.");
    }

    private static long? Count(MappingNode mapping, string key)
    {
        if (mapping[key] is not { } node)
        {
            return null;
        }

        return node is ScalarNode { Kind: ScalarKind.Integer } scalar && CoreSchema.ToInt64(scalar.Value) is >= 0 and var count
            ? count
            : throw Bad(node, $"'{key}' must be a whole number of tokens, 0 or more, not {Show(node)}.");
    }
}
