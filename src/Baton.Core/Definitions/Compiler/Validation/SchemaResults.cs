using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Turns JsonSchema.Net's hierarchical results into <see cref="SchemaError"/>s: the keywords that failed, where in the
/// value, with the schema they belong to. Alternatives of <c>anyOf</c>/<c>oneOf</c> stay grouped under their keyword;
/// what <c>if</c>, <c>not</c> and <c>contains</c> try on the way is not an error of its own.
/// </summary>
/// <remarks>
/// Paths are rebuilt from the parent's at each level, which corrects JsonSchema.Net 8's index of the items after
/// <c>prefixItems</c> (it counts them from 0), and keyword paths are read leniently (it writes <c>items/items</c>).
/// </remarks>
internal static class SchemaResults
{
    /// <summary>The keyword of an error the validator ran into instead of a verdict.</summary>
    public const string Unchecked = "$unchecked";

    /// <summary>The keyword of a failure no keyword explains.</summary>
    public const string Unexplained = "$unexplained";

    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"];
    private static readonly string[] SchemaLists = ["prefixItems", "allOf", "anyOf", "oneOf"];
    private static readonly string[] Doubled = ["items", "additionalItems"];

    public static IReadOnlyList<SchemaError> Collect(EvaluationResults results, JsonNode root, JsonNode? data)
    {
        var errors = new List<SchemaError>();
        Walk(new Position(results, root, data, [], Segments(results.InstanceLocation).Count, null), root, errors);
        return errors.Count > 0 ? errors : [new SchemaError([], Unexplained, root)];
    }

    /// <summary>
    /// The error of the pattern that took too long to match, found wherever it is in the results, even under a
    /// <c>not</c> or an alternative that its failure let pass.
    /// </summary>
    /// <param name="name">For <c>patternProperties</c>: the member name the pattern was matched against.</param>
    public static SchemaError TimedOut(EvaluationResults results, JsonNode root, JsonNode? data, string pattern, string? name)
    {
        var pending = new Stack<Position>();
        pending.Push(new Position(results, root, data, [], Segments(results.InstanceLocation).Count, null));
        while (pending.Count > 0)
        {
            var at = pending.Pop();
            if ((at.Result.Errors ?? []).FirstOrDefault(e => e.Value == SchemaPatterns.TimedOutError) is { Key: { } keyword })
            {
                return name is null
                    ? new SchemaError(at.Path, keyword, at.Schema) { TimedOut = true, Reason = pattern, AboutName = at.Via == "propertyNames" }
                    : new SchemaError([.. at.Path, name], keyword, at.Schema) { TimedOut = true, Reason = pattern, AboutName = true };
            }

            foreach (var child in at.Result.Details ?? [])
            {
                var relative = Relative(at.Result, child);
                if (relative.Count > 0)
                {
                    pending.Push(Descend(at, child, relative, root));
                }
            }
        }

        return new SchemaError([], "pattern", root) { TimedOut = true, Reason = pattern };
    }

    private static void Walk(Position at, JsonNode root, List<SchemaError> errors)
    {
        if (at.Result.IsValid)
        {
            return;
        }

        if (at.Schema is JsonValue)
        {
            errors.Add(new SchemaError(at.Path, at.Via ?? "false", at.Schema) { FalseSchema = true });
            return;
        }

        var before = errors.Count;
        var schema = at.Schema as JsonObject;
        var children = (at.Result.Details ?? []).Select(c => (Result: c, Relative: Relative(at.Result, c))).Where(c => c.Relative.Count > 0).ToList();

        // Errors inside members and items come first, then the value's own (a missing member, a count).
        foreach (var group in children.GroupBy(c => c.Relative[0]))
        {
            switch (group.Key)
            {
                case "anyOf" or "oneOf":
                    var alternatives = group.OrderBy(c => c.Relative.Count > 1 && int.TryParse(c.Relative[1], out var i) ? i : 0)
                        .Select(c => c.Result.IsValid ? [] : Inner(at, c.Result, c.Relative, root))
                        .ToList();
                    var valid = alternatives.Count(a => a.Count == 0);
                    if (group.Key == "anyOf" ? valid == 0 : valid != 1)
                    {
                        errors.Add(new SchemaError(at.Path, group.Key, schema) { Alternatives = alternatives });
                    }

                    break;
                case "not":
                    if (group.Any(c => c.Result.IsValid))
                    {
                        errors.Add(new SchemaError(at.Path, "not", schema));
                    }

                    break;
                case "if" or "contains":
                    break;
                case "propertyNames":
                    errors.AddRange(group.SelectMany(c => Inner(at, c.Result, c.Relative, root)).Select(e => e with { AboutName = true }));
                    break;
                default:
                    foreach (var (result, relative) in group)
                    {
                        errors.AddRange(Inner(at, result, relative, root));
                    }

                    break;
            }
        }

        foreach (var (keyword, _) in at.Result.Errors ?? new Dictionary<string, string>())
        {
            switch (keyword)
            {
                case "required":
                    foreach (var name in Names(schema?["required"]).Where(n => at.Instance is JsonObject obj && !obj.ContainsKey(n)))
                    {
                        errors.Add(new SchemaError([.. at.Path, name], keyword, schema));
                    }

                    break;
                case "dependentRequired":
                    foreach (var (trigger, names) in schema?["dependentRequired"] as JsonObject ?? [])
                    {
                        if (at.Instance is JsonObject obj && obj.ContainsKey(trigger))
                        {
                            errors.AddRange(Names(names).Where(n => !obj.ContainsKey(n)).Select(n => new SchemaError([.. at.Path, n], keyword, schema) { Trigger = trigger }));
                        }
                    }

                    break;
                case "contains":
                    errors.Add(new SchemaError(at.Path, keyword, schema) { Matches = children.Count(c => c.Relative[0] == "contains" && c.Result.IsValid) });
                    break;
                case "":
                    errors.Add(new SchemaError(at.Path, at.Via ?? "false", at.Schema) { FalseSchema = true });
                    break;
                default:
                    errors.Add(new SchemaError(at.Path, keyword, schema));
                    break;
            }
        }

        if (errors.Count == before)
        {
            errors.Add(new SchemaError(at.Path, Unexplained, schema));
        }
    }

    private static List<SchemaError> Inner(Position at, EvaluationResults child, IReadOnlyList<string> relative, JsonNode root)
    {
        var errors = new List<SchemaError>();
        Walk(Descend(at, child, relative, root), root, errors);
        return errors;
    }

    private static Position Descend(Position at, EvaluationResults child, IReadOnlyList<string> relative, JsonNode root)
    {
        var location = Segments(child.InstanceLocation);
        var path = new List<object>(at.Path);
        var instance = at.Instance;
        var shift = relative[0] == "items" && at.Schema is JsonObject { } parent && parent["prefixItems"] is JsonArray prefix ? prefix.Count : 0;
        foreach (var segment in location.Skip(at.Depth))
        {
            if (instance is JsonArray list && int.TryParse(segment, out var index))
            {
                index += shift;
                shift = 0;
                path.Add(index);
                instance = index >= 0 && index < list.Count ? list[index] : null;
            }
            else
            {
                path.Add(segment);
                instance = (instance as JsonObject)?[segment];
            }
        }

        return new Position(child, Step(at.Schema, relative, root), instance, path, location.Count, relative[0]);
    }

    /// <summary>The subschema the relative keyword path leads to from <paramref name="schema"/>, or null.</summary>
    private static JsonNode? Step(JsonNode? schema, IReadOnlyList<string> relative, JsonNode root)
    {
        var node = schema;
        var i = 0;
        while (i < relative.Count)
        {
            if (node is not JsonObject obj)
            {
                return null;
            }

            var keyword = relative[i];
            var next = i + 1 < relative.Count ? relative[i + 1] : null;
            if (SchemaMaps.Contains(keyword) && next is not null)
            {
                var map = obj[keyword] as JsonObject;
                node = map?[next] ?? map?[Unescape(next)];
                i += 2;
            }
            else if (SchemaLists.Contains(keyword) && int.TryParse(next, out var index))
            {
                node = obj[keyword] is JsonArray list && index >= 0 && index < list.Count ? list[index] : null;
                i += 2;
            }
            else if (keyword is "$ref" or "$dynamicRef")
            {
                var target = SchemaReferences.Text(obj[keyword]) is { } reference ? SchemaReferences.Resolve(root, reference) : null;
                node = target is null ? null : SchemaTree.At(root, target);
                i++;
            }
            else
            {
                node = obj[keyword];
                i += Doubled.Contains(keyword) && next == keyword ? 2 : 1;
            }
        }

        return node;
    }

    private static List<string> Relative(EvaluationResults parent, EvaluationResults child)
    {
        var outer = Segments(parent.EvaluationPath);
        var inner = Segments(child.EvaluationPath);
        return inner.Count > outer.Count ? inner.Skip(outer.Count).ToList() : [];
    }

    private static List<string> Segments(JsonPointer pointer)
    {
        var text = pointer.ToString();
        return text.Length == 0 ? [] : text[1..].Split('/').Select(Unescape).ToList();
    }

    private static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static IEnumerable<string> Names(JsonNode? list)
        => list is JsonArray array ? array.Select(SchemaReferences.Text).OfType<string>() : [];

    /// <summary>A node of the results with what it stands for: its schema, the value it checked, and the corrected path to that value.</summary>
    private sealed record Position(EvaluationResults Result, JsonNode? Schema, JsonNode? Instance, IReadOnlyList<object> Path, int Depth, string? Via);
}
