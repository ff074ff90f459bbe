using System.Text.Json.Nodes;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Finds references that lead back to where they start through keywords that apply to the same value (<c>$ref</c>,
/// <c>allOf</c>, <c>not</c>...), such as <c>allOf: [{ $ref: '#' }]</c>: checking a value against them would never end.
/// A reference reached through <c>properties</c> or <c>items</c> (a tree of nodes) is fine: each step goes one level into the value.
/// </summary>
internal static class SchemaCycles
{
    public static IEnumerable<SchemaProblem> Find(JsonNode? root)
    {
        var nodes = SchemaTree.All(root).ToDictionary(s => Key(s.Path), s => s, StringComparer.Ordinal);
        var edges = new Dictionary<string, List<(string To, IReadOnlyList<object>? Reference)>>(StringComparer.Ordinal);
        foreach (var (key, (path, schema)) in nodes)
        {
            var list = edges[key] = [];
            foreach (var child in SchemaTree.Children(schema).Where(c => c.InPlace))
            {
                list.Add((Key([.. path, .. child.Segments]), null));
            }

            foreach (var keyword in (string[])["$ref", "$dynamicRef"])
            {
                if (SchemaReferences.Text(schema[keyword]) is { } reference && SchemaReferences.Resolve(root, reference) is { } target)
                {
                    list.Add((Key(target), [.. path, keyword]));
                }
            }
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<SchemaProblem>();
        foreach (var start in nodes.Keys)
        {
            Visit(start, [], edges, state, reported, problems, root);
        }

        return problems;
    }

    private static void Visit(
        string node,
        List<(string Node, IReadOnlyList<object>? Reference)> stack,
        Dictionary<string, List<(string To, IReadOnlyList<object>? Reference)>> edges,
        Dictionary<string, int> state,
        HashSet<string> reported,
        List<SchemaProblem> problems,
        JsonNode? root)
    {
        if (state.GetValueOrDefault(node) != 0)
        {
            return;
        }

        state[node] = 1;
        foreach (var (to, reference) in edges.GetValueOrDefault(node) ?? [])
        {
            if (state.GetValueOrDefault(to) == 1)
            {
                IEnumerable<IReadOnlyList<object>?> cycle = to == node ? [reference] : stack.Skip(stack.FindIndex(f => f.Node == to)).Select(f => f.Reference).Append(reference);
                if (cycle.FirstOrDefault(r => r is not null) is { } closing && reported.Add(Key(closing)))
                {
                    var text = SchemaReferences.Text(SchemaTree.At(root, closing));
                    problems.Add(new SchemaProblem(
                        closing,
                        $"'{text}' leads back to where it starts without going into a property or an item, so checking a value against it would never end."));
                }

                continue;
            }

            stack.Add((node, reference));
            Visit(to, stack, edges, state, reported, problems, root);
            stack.RemoveAt(stack.Count - 1);
        }

        state[node] = 2;
    }

    private static string Key(IEnumerable<object> path) => string.Concat(path.Select(s => "/" + s));
}
