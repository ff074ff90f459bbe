using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>Finds the YAML node that a JSON Schema error path (such as <c>#/items[2].name</c>) points at.</summary>
internal static class YamlPath
{
    /// <summary>The deepest node on the path, and the entry whose key led to it (null when the last step was an index or nothing matched).</summary>
    public static (SyntaxNode Node, MappingEntry? Entry) Locate(SyntaxNode root, string path)
    {
        var segments = SchemaValidation.SplitPath(path, prefix => Walk(root, prefix).Node is MappingNode map ? map.Entries.Select(e => e.Name) : []);
        return Walk(root, segments);
    }

    private static (SyntaxNode Node, MappingEntry? Entry) Walk(SyntaxNode root, IReadOnlyList<object> segments)
    {
        var node = root;
        MappingEntry? entry = null;
        foreach (var segment in segments)
        {
            switch (node, segment)
            {
                case (MappingNode map, string name) when map.Find(name) is { } found:
                    entry = found;
                    node = found.Value;
                    break;
                case (SequenceNode list, int index) when index >= 0 && index < list.Items.Count:
                    entry = null;
                    node = list.Items[index];
                    break;
                default:
                    return (node, entry);
            }
        }

        return (node, entry);
    }
}
