using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// The rules every schema Baton loads must follow, so that validating a value can neither fetch a document nor fail to
/// finish: references stay inside the schema and point at a part of it, <c>$id</c> is only at the root, no reference
/// leads back to itself without going into a member or an item, and every pattern is a valid regular expression.
/// </summary>
internal static class SchemaRules
{
    public static IEnumerable<SchemaProblem> Check(JsonNode? root)
    {
        var problems = new List<SchemaProblem>();
        foreach (var (path, schema) in SchemaTree.All(root))
        {
            if (path.Count > 0 && schema.ContainsKey("$id"))
            {
                problems.Add(new SchemaProblem([.. path, "$id"], "'$id' is allowed only at the root of the schema: a nested '$id' starts a document of its own."));
            }

            foreach (var keyword in (string[])["$ref", "$dynamicRef"])
            {
                if (SchemaReferences.Text(schema[keyword]) is not { } reference)
                {
                    continue;
                }

                if (!SchemaReferences.IsLocal(reference))
                {
                    problems.Add(new SchemaProblem(
                        [.. path, keyword],
                        $"'{reference}' refers to another document; a schema may only refer to its own parts ('#/...'), so that nothing is ever fetched. Copy the definition into '$defs'."));
                }
                else if (SchemaReferences.Resolve(root, reference) is null)
                {
                    problems.Add(new SchemaProblem([.. path, keyword], $"'{reference}' points at nothing in the schema."));
                }
            }

            if (SchemaReferences.Text(schema["pattern"]) is { } pattern && SchemaPatterns.Problem(pattern) is { } why)
            {
                problems.Add(new SchemaProblem([.. path, "pattern"], why));
            }

            if (schema["patternProperties"] is JsonObject patterns)
            {
                foreach (var (key, _) in patterns)
                {
                    if (SchemaPatterns.Problem(key) is { } keyWhy)
                    {
                        problems.Add(new SchemaProblem([.. path, "patternProperties", key], keyWhy, AtKey: true));
                    }
                }
            }
        }

        problems.AddRange(SchemaCycles.Find(root));
        return problems;
    }
}
